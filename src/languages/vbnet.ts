import type { LanguageDescriptor } from './language-descriptor.js';

/** VB.NET. Counted and matched by text rules; no fact extractor yet. */
export default {
  id: 'vbnet',
  name: 'VB.NET',
  extensions: ['.vb'],
  comments: 'vb',
} satisfies LanguageDescriptor;
