#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, which `npm ci` runs via `prepare`).
let main;
try {
  main = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('cloudready: the CLI is not built yet (no dist/)\n  Run `npm ci` or `npm run build` in the cloudready folder.\n');
    process.exit(2);
  }
  throw error;
}
process.exitCode = await main.run(process.argv);
