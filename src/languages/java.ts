import type { LanguageDescriptor } from './language-descriptor.js';

/** Java. Classes, calls, annotations and the strings handed to JDBC, JNDI and files, read with tree-sitter. */
export default {
  id: 'java',
  name: 'Java',
  extensions: ['.java'],
  comments: 'c',
  grammar: 'tree-sitter-java.wasm',
  analysis: {
    extractor: async () => (await import('../extract/source/java.js')).extractJava,
    entryPoints: true,
    declaresNamespaces: true,
    catalogue: { name: 'java', sections: ['constructors', 'calls', 'methods', 'types'] },
  },
} satisfies LanguageDescriptor;
