import type { LanguageDescriptor } from './language-descriptor.js';

/** Scala. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'scala',
  name: 'Scala',
  extensions: ['.scala'],
  comments: 'c',
} satisfies LanguageDescriptor;
