import type { LanguageDescriptor } from './language-descriptor.js';

/** Python. Modules, calls, decorators and the strings handed to drivers and files, read with tree-sitter. */
export default {
  id: 'python',
  name: 'Python',
  extensions: ['.py', '.pyw'],
  comments: 'python',
  shebang: /\bpython[0-9.]*\b/,
  grammar: 'tree-sitter-python.wasm',
  analysis: {
    extractor: async () => (await import('../extract/source/python.js')).extractPython,
    entryPoints: true,
    catalogue: { name: 'python', sections: ['calls', 'methods'] },
  },
} satisfies LanguageDescriptor;
