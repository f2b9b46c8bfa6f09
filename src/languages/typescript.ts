import type { LanguageDescriptor } from './language-descriptor.js';

/** TypeScript and JavaScript share one reader: a project's imports cross between them. */
export const readTypeScriptProject = async () =>
  (await import('../extract/source/typescript.js')).extractTypeScriptProject;

/** TypeScript. Read with JavaScript as one project by the TypeScript compiler's parser, so that imports resolve across files. */
export default {
  id: 'typescript',
  name: 'TypeScript',
  extensions: ['.ts', '.tsx', '.mts', '.cts'],
  comments: 'c',
  analysis: {
    project: readTypeScriptProject,
    entryPoints: true,
    catalogue: { name: 'javascript', sections: ['constructors', 'calls'] },
  },
} satisfies LanguageDescriptor;
