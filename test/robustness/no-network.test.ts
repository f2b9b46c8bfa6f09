import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DEMO, REPO } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const PRELOAD = path.join(REPO, 'test/helpers/forbid-network.mjs');

/** Runs the CLI with every network call and program start replaced by one that logs and fails. */
function guarded(args: string[], log: string, cwd: string) {
  const run = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], {
    cwd,
    env: { ...process.env, CLOUDREADY_TEST_LOG: log, FORCE_COLOR: '' },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stderr: run.stderr };
}

describe('no network, no programs but git', () => {
  it('scans, reports, exports, plans, splits and merges without opening a connection or running scanned code', async () => {
    const folder = await makeTree({});
    const log = path.join(folder, 'attempts.jsonl');
    fs.writeFileSync(log, '');
    const result = path.join(folder, 'result.json');
    const commands = [
      ['scan', DEMO, '--format', 'json', '--output', result],
      ['scan', DEMO, '--workers', '2', '--format', 'html', '--output', path.join(folder, 'report.html')],
      ['scan', path.join(REPO, 'fixtures/monolith-shop')],
      ['report', result, '--format', 'sarif', '--output', path.join(folder, 'result.sarif')],
      ['graph', '--from', result, '--format', 'neo4j', '--output', path.join(folder, 'neo4j')],
      ['waves', '--from', result, '--format', 'cmf', '--output', path.join(folder, 'cmf.csv')],
      ['split', path.join(REPO, 'fixtures/monolith-shop'), '--history'],
      ['scan', DEMO, '--shard', '1/2', '--output', path.join(folder, 's1.bin')],
      ['scan', DEMO, '--shard', '2/2', '--output', path.join(folder, 's2.bin')],
      [
        'merge',
        path.join(folder, 's1.bin'),
        path.join(folder, 's2.bin'),
        '--format',
        'markdown',
        '--output',
        path.join(folder, 'merged.md'),
      ],
    ];
    for (const args of commands) {
      const run = guarded(args, log, folder);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    const attempts = fs
      .readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { what: string; detail: string });
    expect(attempts.filter((attempt) => attempt.what !== 'allowed')).toEqual([]);
    // The one program: git, reading split's co-change history, with the repository's own hooks
    // and file-system monitor (commands a scanned .git/config could name) switched off.
    expect(attempts.length).toBeGreaterThan(0);
    for (const attempt of attempts) {
      expect(attempt.detail).toMatch(/^git .*--no-pager log\b/);
      expect(attempt.detail).toContain('-c core.fsmonitor=false -c core.hooksPath=/dev/null');
    }
  }, 300_000);

  it('the guard works: a connection attempt is logged and fails', async () => {
    const folder = await makeTree({
      'probe.mjs': "import net from 'node:net';\ntry { net.connect(80, 'example.com'); } catch { process.exit(3); }\n",
    });
    const log = path.join(folder, 'attempts.jsonl');
    const run = spawnSync(process.execPath, ['--import', PRELOAD, path.join(folder, 'probe.mjs')], {
      env: { ...process.env, CLOUDREADY_TEST_LOG: log },
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(fs.readFileSync(log, 'utf8')).toContain('net.connect');
  });
});
