import type { LanguageDescriptor } from './language-descriptor.js';

/** COBOL. Programs, CALLs, COPY books, EXEC CICS and EXEC SQL, read line by line. */
export default {
  id: 'cobol',
  name: 'COBOL',
  extensions: ['.cbl', '.cob', '.cobol', '.cpy', '.copy'],
  comments: 'cobol',
  mainframe: true,
  analysis: {
    extractor: async () => (await import('../extract/source/cobol.js')).extractCobol,
  },
} satisfies LanguageDescriptor;
