import type { LanguageDescriptor } from './language-descriptor.js';

/** C++. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'cpp',
  name: 'C++',
  extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.hh'],
  comments: 'c',
} satisfies LanguageDescriptor;
