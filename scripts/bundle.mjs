#!/usr/bin/env node
// Part of `npm run build`: bundles the compiled CLI and the extraction worker into one file each,
// dist/bundle/cli.js and dist/bundle/extract-worker.js. Loading some 200 modules and their
// dependencies' took 0.8 s of CPU before a scan began; one file takes a third of that. The
// TypeScript compiler, the tree-sitter runtime and grammars, and exceljs stay outside: they are
// loaded only when a scan needs them, and find their own files next to themselves.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: {
    cli: path.join(repo, 'dist/cli/main.js'),
    'extract-worker': path.join(repo, 'dist/extract/source/extract-worker.js'),
  },
  outdir: path.join(repo, 'dist/bundle'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['typescript', 'web-tree-sitter', '@vscode/tree-sitter-wasm', 'exceljs'],
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as cloudreadyRequire } from 'node:module'; const require = cloudreadyRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log('bundled dist/bundle/cli.js and dist/bundle/extract-worker.js');
