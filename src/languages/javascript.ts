import type { LanguageDescriptor } from './language-descriptor.js';
import { readTypeScriptProject } from './typescript.js';

/** JavaScript. Read with TypeScript as one project (see typescript.ts). */
export default {
  id: 'javascript',
  name: 'JavaScript',
  extensions: ['.js', '.jsx', '.mjs', '.cjs'],
  comments: 'c',
  shebang: /\bnode\b/,
  analysis: {
    project: readTypeScriptProject,
    entryPoints: true,
    catalogue: { name: 'javascript', sections: ['constructors', 'calls'] },
  },
} satisfies LanguageDescriptor;
