import type { LanguageDescriptor } from './language-descriptor.js';

/** C. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'c',
  name: 'C',
  extensions: ['.c', '.h'],
  comments: 'c',
} satisfies LanguageDescriptor;
