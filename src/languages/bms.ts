import type { LanguageDescriptor } from './language-descriptor.js';

/** BMS. BMS map sets and maps: the 3270 screens of a CICS application. */
export default {
  id: 'bms',
  name: 'BMS',
  extensions: ['.bms'],
  comments: 'assembler',
  mainframe: true,
  analysis: {
    extractor: async () => (await import('../extract/source/bms.js')).extractBms,
  },
} satisfies LanguageDescriptor;
