import type { LanguageDescriptor } from './language-descriptor.js';

/** IMS DBD/PSB. IMS database and program specification blocks. */
export default {
  id: 'ims',
  name: 'IMS DBD/PSB',
  extensions: ['.dbd', '.psb'],
  comments: 'assembler',
  mainframe: true,
  analysis: {
    extractor: async () => (await import('../extract/source/ims.js')).extractIms,
  },
} satisfies LanguageDescriptor;
