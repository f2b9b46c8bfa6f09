#!/usr/bin/env node
import { existsSync } from 'node:fs';
import v8 from 'node:v8';

// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, which `npm ci` runs via `prepare`).
// A reader that stops early (`cloudready scan | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// --low-memory: V8 grows the heap by a fifth, not by its default factor, before collecting again.
// Peak RSS of a cold scan: Orchard (one 50 MB application) 1,123 → 745 MiB for 3 % more time; the
// 1,000,000-line benchmark tree 606 → 475-486 MiB for 10 % more (docs/performance.md). A scan does
// the same by itself while it imports inventories over 32 MiB (src/util/heap-growth.ts).
if (process.argv.includes('--low-memory')) v8.setFlagsFromString('--heap-growing-percent=20');
// The bundle (one file, quick to load) when the build made it, the compiled modules otherwise.
const entry = ['../dist/bundle/cli.js', '../dist/cli/main.js']
  .map((relative) => new URL(relative, import.meta.url))
  .find((url) => existsSync(url));
if (!entry) {
  process.stderr.write(
    'cloudready: the CLI is not built yet (no dist/)\n  Run `npm ci` or `npm run build` in the cloudready folder.\n',
  );
  process.exit(2);
}
const main = await import(entry.href);
process.exitCode = await main.run(process.argv);
