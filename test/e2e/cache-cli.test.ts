import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, REPO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const SHOP = path.join(REPO, 'fixtures/monolith-shop');
const cacheNames = async (cwd: string) => (await fs.readdir(path.join(cwd, '.cloudready/cache'))).sort();

describe('the scan cache', () => {
  it('stays under its limit: the files of the tree scanned longest ago go first, and the scan says so', async () => {
    const cwd = await makeTree({});
    expect(runCli(['scan', SHOP, '--quiet'], { cwd }).code).toBe(0);
    const first = await cacheNames(cwd);
    expect(first.filter((name) => /^(facts|result)-/.test(name)).length).toBeGreaterThanOrEqual(2);
    // A limit of 0 MiB: every file but those of the scan that just ran goes.
    const second = runCli(['scan', DEMO], { cwd, env: { CLOUDREADY_CACHE_MAX_MB: '0' } });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/removed \d+ old cache files? to keep .* under its size limit/);
    const after = await cacheNames(cwd);
    expect(after.some((name) => first.includes(name) && name.startsWith('result-'))).toBe(false);
    expect(after.filter((name) => name.startsWith('result-'))).toHaveLength(1);
  });

  it('cache list shows the files, cache clean removes them and nothing else', async () => {
    const cwd = await makeTree({});
    runCli(['scan', SHOP, '--quiet'], { cwd });
    // Planted beside the cache: a folder and a note with cache-like names are not cache files.
    await fs.mkdir(path.join(cwd, '.cloudready/cache/result-0000000000000000.bin'));
    await fs.writeFile(path.join(cwd, '.cloudready/cache/notes.txt'), 'keep me');
    const list = runCli(['cache', 'list'], { cwd });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/cache: [2-9] files, [\d.]+ MiB of at most 1024\.0 MiB/);
    expect(list.stdout).not.toContain('result-0000000000000000.bin');
    const clean = runCli(['cache', 'clean'], { cwd });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^Removed \d+ cache files \([\d.]+ MiB\) from /);
    expect(await cacheNames(cwd)).toEqual(['notes.txt', 'result-0000000000000000.bin']);
    expect(runCli(['cache', 'list'], { cwd }).stdout).toMatch(/^No scan cache in /);
    // The next scan reads every file again and works as before.
    expect(runCli(['scan', SHOP, '--quiet'], { cwd }).code).toBe(0);
  });
});
