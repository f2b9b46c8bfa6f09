import type { LanguageDescriptor } from './language-descriptor.js';

/** PHP. Classes, calls and superglobals, read with tree-sitter; entry pages by convention. */
export default {
  id: 'php',
  name: 'PHP',
  extensions: ['.php'],
  comments: 'php',
  grammar: 'tree-sitter-php.wasm',
  analysis: {
    extractor: async () => (await import('../extract/source/php.js')).extractPhp,
    entryPoints: true,
    declaresNamespaces: true,
    catalogue: { name: 'php', sections: ['constructors', 'calls', 'types'] },
  },
} satisfies LanguageDescriptor;
