import type { LanguageDescriptor } from './language-descriptor.js';

/** REXX. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'rexx',
  name: 'REXX',
  extensions: ['.rex', '.rexx'],
  comments: 'c',
  mainframe: true,
  script: true,
} satisfies LanguageDescriptor;
