import type { LanguageDescriptor } from './language-descriptor.js';

/** Ruby. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'ruby',
  name: 'Ruby',
  extensions: ['.rb'],
  comments: 'hash',
  shebang: /\bruby\b/,
} satisfies LanguageDescriptor;
