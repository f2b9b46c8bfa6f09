import type { LanguageDescriptor } from './language-descriptor.js';

/** CICS CSD. CICS resource definitions: transactions, programs, files. */
export default {
  id: 'csd',
  name: 'CICS CSD',
  extensions: ['.csd'],
  comments: 'assembler',
  mainframe: true,
  analysis: {
    extractor: async () => (await import('../extract/source/cics-csd.js')).extractCicsCsd,
  },
} satisfies LanguageDescriptor;
