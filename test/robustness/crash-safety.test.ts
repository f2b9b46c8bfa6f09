import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../scripts/generate-portfolio.mjs';
import { BIN, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

/** Starts the CLI and kills it (SIGKILL: no cleanup runs) after `ms`; resolves when it is gone. */
function killAfter(args: string[], cwd: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const KILL_TIMES = [300, 800, 1500, 2500, 4000];
let tree: string;

beforeAll(async () => {
  tree = await makeTree({});
  fs.rmSync(tree, { recursive: true });
  generatePortfolio(tree, { lines: 20_000, seed: 7 });
}, 120_000);

describe('a run killed at any moment', () => {
  it('never leaves a half-written report over a good one', async () => {
    const folder = await makeTree({});
    const report = path.join(folder, 'report.html');
    expect(runCli(['scan', tree, '--no-cache', '--format', 'html', '--output', report, '--quiet']).code).toBe(0);
    const good = fs.readFileSync(report, 'utf8');
    expect(good.trimEnd().endsWith('</html>')).toBe(true);
    for (const ms of KILL_TIMES) {
      await killAfter(['scan', tree, '--no-cache', '--format', 'html', '--output', report], folder, ms);
      const now = fs.readFileSync(report, 'utf8');
      // The old report, or a whole new one (identical here but for the time of the scan).
      expect(now.trimEnd().endsWith('</html>'), `killed after ${ms} ms`).toBe(true);
      expect(now.length).toBeGreaterThan(good.length * 0.9);
    }
  }, 180_000);

  it('leaves a cache the next scan reads or starts afresh from, with the same result', async () => {
    const folder = await makeTree({});
    const expected = runCli(['scan', tree, '--no-cache', '--format', 'json', '--quiet'], { cwd: folder });
    expect(expected.code).toBe(0);
    const withoutTime = (text: string) => text.replace(/"scannedAt": "[^"]+"/, '');
    for (const ms of KILL_TIMES) {
      await killAfter(['scan', tree, '--format', 'json', '--quiet'], folder, ms);
      const next = runCli(['scan', tree, '--format', 'json', '--quiet'], { cwd: folder });
      expect(next.code, `after a kill at ${ms} ms: ${next.stderr}`).toBe(0);
      expect(withoutTime(next.stdout)).toBe(withoutTime(expected.stdout));
    }
    // The last scans completed: the caches are there (facts, the assessment; the built-in rule packs come compiled).
    const cache = path.join(folder, '.cloudready/cache');
    expect(fs.readdirSync(cache).filter((name) => name.endsWith('.bin'))).toHaveLength(2);
  }, 300_000);
});
