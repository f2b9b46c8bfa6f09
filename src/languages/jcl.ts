import type { LanguageDescriptor } from './language-descriptor.js';

/** JCL. Jobs, steps, the programs and procedures they run, and the datasets their DD statements name. */
export default {
  id: 'jcl',
  name: 'JCL',
  extensions: ['.jcl', '.prc', '.proc'],
  comments: 'jcl',
  mainframe: true,
  script: true,
  analysis: {
    extractor: async () => (await import('../extract/source/jcl.js')).extractJcl,
  },
} satisfies LanguageDescriptor;
