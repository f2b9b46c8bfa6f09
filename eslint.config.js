import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
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
    // Scanned code is data: nothing in cloudready evaluates text or loads modules named at run time.
    files: ['src/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^(node:)?vm$/]',
          message: 'cloudready never runs scanned code: no node:vm.',
        },
        {
          selector: 'ImportExpression[source.type!="Literal"]',
          message: 'Import modules by literal name only: a computed specifier could load a scanned file.',
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // dependency-cruiser's configuration is CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
  },
  {
    // Each pipeline stage imports only from earlier stages (see docs/architecture.md).
    files: ['src/discover/**/*.ts', 'src/extract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/model/**', '**/assess/**', '**/plan/**', '**/report/**', '**/cli/**'] },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/assess/**', '**/plan/**', '**/report/**', '**/cli/**'] }],
    },
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
              group: [
                'node:*',
                '../../../*',
                '!../../../assess',
                '!../../../result',
                '!../../../util',
                '!../../../plan',
                '../../../assess/*',
                '!../../../assess/score-steps.js',
                '../../../result/*',
                '!../../../result/severity-order.js',
                '../../../plan/*',
                '!../../../plan/split-types.js',
              ],
              allowTypeImports: true,
              message:
                'The page script runs in a browser: import types from the Node side, code only from modules that run anywhere.',
            },
          ],
        },
      ],
    },
  },
  // Layout is the formatter's (npm run format); eslint judges code, not spacing.
  prettier,
);
