import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'coverage/', '.cloudready/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Each pipeline stage imports only from earlier stages (see docs/architecture.md).
    files: ['src/discover/**/*.ts', 'src/extract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/model/**', '**/assess/**', '**/plan/**', '**/report/**', '**/cli/**'] }],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/assess/**', '**/plan/**', '**/report/**', '**/cli/**'] }] },
  },
  {
    files: ['src/assess/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/plan/**', '**/report/**', '**/cli/**'] }] },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/cli/**'] }] },
  },
  {
    // The HTML report's page script runs in a browser, bundled by esbuild: from the Node side it
    // takes types, and code only from the few modules written to run anywhere.
    files: ['src/report/html/client/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', '../../../*', '!../../../assess', '!../../../result', '!../../../util', '!../../../plan', '../../../assess/*', '!../../../assess/score-steps.js', '../../../result/*', '!../../../result/severity-order.js', '../../../plan/*', '!../../../plan/split-types.js'],
              allowTypeImports: true,
              message: 'The page script runs in a browser: import types from the Node side, code only from modules that run anywhere.',
            },
          ],
        },
      ],
    },
  },
);
