#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, which `npm ci` runs via `prepare`).
// A reader that stops early (`cloudready scan | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
// The bundle (one file, quick to load) when the build made it, the compiled modules otherwise.
let main;
for (const entry of ['../dist/bundle/cli.js', '../dist/cli/main.js']) {
  try {
    main = await import(entry);
    break;
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(entry.slice(3))) throw error;
  }
}
if (!main) {
  process.stderr.write('cloudready: the CLI is not built yet (no dist/)\n  Run `npm ci` or `npm run build` in the cloudready folder.\n');
  process.exit(2);
}
process.exitCode = await main.run(process.argv);
