import type { LanguageDescriptor } from './language-descriptor.js';

/** Go. Packages, calls and handlers, read with tree-sitter. */
export default {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  comments: 'c',
  grammar: 'tree-sitter-go.wasm',
  analysis: {
    extractor: async () => (await import('../extract/source/go.js')).extractGo,
    entryPoints: true,
    catalogue: { name: 'go', sections: ['calls'] },
  },
} satisfies LanguageDescriptor;
