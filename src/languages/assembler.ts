import type { LanguageDescriptor } from './language-descriptor.js';

/** Assembler. HLASM: CSECTs as programs, CALL, LINK, XCTL and COPY, and EXEC CICS commands. */
export default {
  id: 'assembler',
  name: 'Assembler',
  extensions: ['.asm', '.hlasm', '.mac', '.mlc'],
  comments: 'assembler',
  mainframe: true,
  analysis: {
    extractor: async () => (await import('../extract/source/assembler.js')).extractAssembler,
  },
} satisfies LanguageDescriptor;
