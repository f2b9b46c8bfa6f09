import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Vitest global setup: end-to-end tests run the built CLI, so build it first, once, from current sources (the HTML report's page script included). */
export default function buildOnce() {
  const root = path.resolve(import.meta.dirname, '../..');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/build-report-assets.mjs')], { cwd: root, stdio: 'inherit' });
}
