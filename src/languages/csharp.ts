import type { LanguageDescriptor } from './language-descriptor.js';

/** C#. Types, calls, attributes and the strings handed to ADO.NET, files and the registry, read with tree-sitter. */
export default {
  id: 'csharp',
  name: 'C#',
  extensions: ['.cs'],
  comments: 'c',
  grammar: 'tree-sitter-c-sharp.wasm',
  analysis: {
    extractor: async () => (await import('../extract/source/csharp.js')).extractCSharp,
    entryPoints: true,
    declaresNamespaces: true,
    catalogue: { name: 'csharp', sections: ['constructors', 'calls', 'methods', 'types'] },
  },
} satisfies LanguageDescriptor;
