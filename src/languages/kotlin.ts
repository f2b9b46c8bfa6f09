import type { LanguageDescriptor } from './language-descriptor.js';

/** Kotlin. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'kotlin',
  name: 'Kotlin',
  extensions: ['.kt', '.kts'],
  comments: 'c',
} satisfies LanguageDescriptor;
