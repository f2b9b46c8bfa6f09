import type { LanguageDescriptor } from './language-descriptor.js';

/** PL/I. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'pli',
  name: 'PL/I',
  extensions: ['.pli', '.pl1'],
  comments: 'c',
  mainframe: true,
} satisfies LanguageDescriptor;
