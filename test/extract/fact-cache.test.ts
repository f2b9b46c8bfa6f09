import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactCache } from '../../src/extract/fact-cache.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan } from '../../src/scan.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';
import { VAULT_CATALOGUE, vaultPack } from '../helpers/vault-pack.js';

const now = () => new Date('2026-01-01T00:00:00Z');
const TREE = {
  'orders/pom.xml':
    '<project><groupId>com.acme</groupId><artifactId>orders</artifactId><packaging>war</packaging></project>',
  'orders/src/main/java/com/acme/OrderService.java':
    'package com.acme;\npublic class OrderService {\n  String url = "jdbc:oracle:thin:@db01.acme.corp:1521/ORD";\n  void save(Order o) { new OrderDao().write(o); }\n}\n',
  'orders/src/main/java/com/acme/OrderDao.java':
    'package com.acme;\npublic class OrderDao {\n  void write(Order o) {}\n}\n',
  'web/package.json': '{"name":"web","dependencies":{"express":"^4.18.0"}}',
  'web/src/server.ts':
    "import express from 'express';\nimport { cart } from './cart';\nconst app = express();\napp.get('/cart', cart);\napp.listen(8080);\n",
  'web/src/cart.ts': "export function cart() { return fetch('http://pricing01:9000/api'); }\n",
};

const comparable = (result: ScanResult) => JSON.stringify({ ...result, scannedAt: '' });

describe('content-hash cache of extracted facts', () => {
  it('gives the same result from the cache as from parsing, and parses only what changed', async () => {
    const root = await makeTree(TREE);
    const cacheDir = path.join(root, '.cloudready', 'cache');
    const uncached = await scan({ paths: [root], cwd: root, now });
    const cold = await scan({ paths: [root], cwd: root, now, cacheDir });
    const cacheFile = path.join(cacheDir, (await fs.readdir(cacheDir))[0]!);
    const written = (await fs.stat(cacheFile)).mtimeMs;
    const warm = await scan({ paths: [root], cwd: root, now, cacheDir });
    // Nothing changed: the cache file is left as it is.
    expect((await fs.stat(cacheFile)).mtimeMs).toBe(written);
    expect(comparable(cold)).toBe(comparable(uncached));
    expect(comparable(warm)).toBe(comparable(uncached));

    // A changed file is read again: the class it now declares shows in the graph.
    await fs.writeFile(
      path.join(root, 'orders/src/main/java/com/acme/OrderDao.java'),
      'package com.acme;\npublic class OrderDao {\n  void write(Order o) {}\n}\nclass AuditLog {}\n',
    );
    const changed = await scan({ paths: [root], cwd: root, now, cacheDir });
    expect(changed.graph.nodes.map((node) => node.id)).toContain('unit:orders:com.acme.AuditLog');
    expect(comparable(changed)).toBe(comparable(await scan({ paths: [root], cwd: root, now })));
  });

  it('keeps the facts of a file under a key of its path, language and text', async () => {
    const root = await makeTree({});
    const cache = await FactCache.open(root, ['/x']);
    const key = cache.key('a.java', 'a.java', 'java', 'class A {}');
    expect(cache.key('a.java', 'a.java', 'java', 'class A {}')).toBe(key);
    expect(cache.key('b.java', 'a.java', 'java', 'class A {}')).not.toBe(key);
    cache.set(key, { units: ['A'] });
    expect(await cache.save()).toBeUndefined();
    const again = await FactCache.open(root, ['/x']);
    expect(again.get(key)).toEqual({ units: ['A'] });
    expect([again.hits, again.misses]).toEqual([1, 0]);
    // Another set of roots has a cache of its own.
    expect((await FactCache.open(root, ['/y'])).get(key)).toBeUndefined();
  });

  it('after a small change writes only the new entries beside the base file, and the whole cache again once they grow', async () => {
    const base = await makeTree({});
    const keysOf = (cache: FactCache, from: number, to: number) =>
      Array.from({ length: to - from }, (_, at) => cache.key(`file${from + at}`));
    const first = await FactCache.open(base, ['/x']);
    for (const key of keysOf(first, 0, 100)) first.set(key, { key });
    expect(await first.save()).toBeUndefined();
    const [baseFile] = await fs.readdir(base);
    const baseBytes = await fs.readFile(path.join(base, baseFile!));

    // 5 new entries and 95 kept of 100: a delta file, the base file untouched.
    const second = await FactCache.open(base, ['/x']);
    for (const key of keysOf(second, 5, 100)) expect(second.get(key)).toEqual({ key });
    for (const key of keysOf(second, 100, 105)) second.set(key, { key });
    expect(await second.save()).toBeUndefined();
    expect((await fs.readdir(base)).sort()).toEqual([baseFile, baseFile!.replace(/\.bin$/, '.delta.bin')].sort());
    expect((await fs.readFile(path.join(base, baseFile!))).equals(baseBytes)).toBe(true);
    const third = await FactCache.open(base, ['/x']);
    for (const key of keysOf(third, 5, 105)) expect(third.get(key)).toEqual({ key });
    expect(third.misses).toBe(0);

    // 50 more new entries: past a fifth of the whole, the base is written afresh and the delta goes.
    for (const key of keysOf(third, 105, 155)) third.set(key, { key });
    expect(await third.save()).toBeUndefined();
    expect(await fs.readdir(base)).toEqual([baseFile]);
    const fourth = await FactCache.open(base, ['/x']);
    for (const key of keysOf(fourth, 5, 155)) expect(fourth.get(key)).toEqual({ key });
    // Entries no scan used any more are gone with the rewrite.
    expect(fourth.get(fourth.key('file0'))).toBeUndefined();
  });

  it('keeps an entry only noted as used (has) through a rewrite of the whole cache, without reading it', async () => {
    const root = await makeTree({});
    const first = await FactCache.open(root, ['/x']);
    first.set(first.key('kept'), { units: ['Kept'] });
    first.set(first.key('dropped'), { units: ['Dropped'] });
    await first.save();
    const second = await FactCache.open(root, ['/x']);
    expect(second.has(second.key('kept'))).toBe(true);
    expect(second.has(second.key('never set'))).toBe(false);
    for (let at = 0; at < 10; at++) second.set(second.key(`new${at}`), at);
    await second.save();
    expect(await fs.readdir(root)).toHaveLength(1);
    const third = await FactCache.open(root, ['/x']);
    expect(third.get(third.key('kept'))).toEqual({ units: ['Kept'] });
    expect(third.get(third.key('dropped'))).toBeUndefined();
    // Neither has() nor the rewrite read the value: get() was the first.
    expect([second.hits, third.hits]).toEqual([0, 1]);
  });

  it('writes each entry to the next cache file as it is set, reads it back from there, and leaves no temporary file', async () => {
    const root = await makeTree({});
    const cache = await FactCache.open(root, ['/x']);
    const big = 'x'.repeat(200_000);
    for (let at = 0; at < 5; at++) cache.set(cache.key(`file${at}`), { text: big, at });
    // Before the scan ends, the entries are on disk, not held: the temporary file has them all.
    const [temporary] = await fs.readdir(root);
    expect(temporary).toMatch(new RegExp(`\\.${process.pid}\\.tmp$`));
    expect((await fs.stat(path.join(root, temporary!))).size).toBeGreaterThan(5 * 200_000);
    expect(cache.get<{ at: number }>(cache.key('file3'))?.at).toBe(3);
    expect(await cache.save()).toBeUndefined();
    expect((await fs.readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await FactCache.open(root, ['/x'])).get<{ at: number }>(cache.key('file4'))?.at).toBe(4);
  });

  it('removes the temporary files of runs killed mid-scan, never those of a run still going', async () => {
    const root = await makeTree({});
    const first = await FactCache.open(root, ['/x']);
    first.set(first.key('a'), 1);
    await first.save();
    const [cacheFile] = await fs.readdir(root);
    // No process has this pid (above the kernel's limit); the parent of this one is running.
    await fs.writeFile(path.join(root, `${cacheFile}.4194305.tmp`), 'left by a killed scan');
    await fs.writeFile(path.join(root, `${cacheFile}.${process.ppid}.tmp`), 'another scan, still writing');
    const second = await FactCache.open(root, ['/x']);
    second.set(second.key('b'), 2);
    await second.save();
    expect((await fs.readdir(root)).sort()).toEqual([cacheFile, `${cacheFile}.${process.ppid}.tmp`].sort());
  });

  it('never writes through a link planted where its temporary file goes', async () => {
    const root = await makeTree({ 'victim.txt': 'not the cache\n' });
    const first = await FactCache.open(path.join(root, 'cache'), ['/x']);
    first.set(first.key('a'), 1);
    await first.save();
    const [cacheFile] = await fs.readdir(path.join(root, 'cache'));
    await fs.symlink(path.join(root, 'victim.txt'), path.join(root, 'cache', `${cacheFile}.${process.pid}.tmp`));
    const second = await FactCache.open(path.join(root, 'cache'), ['/x']);
    second.set(second.key('b'), 2);
    expect(await second.save()).toMatch(/could not be written \(EEXIST\)/);
    expect(await fs.readFile(path.join(root, 'victim.txt'), 'utf8')).toBe('not the cache\n');
  });

  it('ignores a delta file written against another base file', async () => {
    const root = await makeTree({});
    const first = await FactCache.open(root, ['/x']);
    for (let at = 0; at < 10; at++) first.set(first.key(`f${at}`), at);
    await first.save();
    const second = await FactCache.open(root, ['/x']);
    for (let at = 0; at < 10; at++) second.get(second.key(`f${at}`));
    second.set(second.key('extra'), 'from the delta');
    await second.save();
    expect((await FactCache.open(root, ['/x'])).get(second.key('extra'))).toBe('from the delta');

    // The base file replaced by another one (another run's, written since): the delta does not belong to it.
    const elsewhere = await makeTree({});
    const other = await FactCache.open(elsewhere, ['/x']);
    other.set(other.key('f0'), 'other');
    await other.save();
    const [baseFile] = await fs.readdir(elsewhere);
    await fs.copyFile(path.join(elsewhere, baseFile!), path.join(root, baseFile!));
    const mismatched = await FactCache.open(root, ['/x']);
    expect(mismatched.get(mismatched.key('extra'))).toBeUndefined();
    expect(mismatched.get(mismatched.key('f0'))).toBe('other');
  });

  it("extracts again when a rule pack changes the extractors' catalogue: the facts depend on it", async () => {
    const root = await makeTree({
      ...TREE,
      'orders/src/main/java/com/acme/Archive.java':
        'package com.acme;\npublic class Archive {\n  void keep(String doc) { Vault.store(doc); }\n}\n',
      'packs/vault.yaml': vaultPack({ catalogue: false }),
    });
    const cacheDir = path.join(root, '.cloudready', 'cache');
    const options = { paths: [path.join(root, 'orders')], cwd: root, now, cacheDir, ruleFolders: ['packs'] };
    const stores = async () =>
      (await scan(options)).findings
        .filter((finding) => finding.ruleId === 'vault/local-store')
        .map((finding) => finding.evidence.map((place) => `${place.file}:${place.line}`));
    expect(await stores()).toEqual([]);
    await fs.appendFile(path.join(root, 'packs/vault.yaml'), `${VAULT_CATALOGUE}\n`);
    expect(await stores()).toEqual([['src/main/java/com/acme/Archive.java:3']]);
  });

  it('starts afresh from a damaged or half-written cache, and leaves no temporary file', async () => {
    const root = await makeTree(TREE);
    const cacheDir = path.join(root, '.cloudready', 'cache');
    await scan({ paths: [root], cwd: root, now, cacheDir });
    const files = await fs.readdir(cacheDir);
    const whole = new Map<string, Buffer>();
    for (const file of files) {
      whole.set(file, await fs.readFile(path.join(cacheDir, file)));
      // A run killed while writing leaves a temporary file; here the caches themselves are cut short too.
      await fs.writeFile(path.join(cacheDir, `${file}.999.tmp`), whole.get(file)!.subarray(0, 100));
      await fs.writeFile(path.join(cacheDir, file), whole.get(file)!.subarray(0, whole.get(file)!.length / 2));
    }
    const result = await scan({ paths: [root], cwd: root, now, cacheDir });
    expect(comparable(result)).toBe(comparable(await scan({ paths: [root], cwd: root, now })));
    for (const file of files)
      expect((await fs.readFile(path.join(cacheDir, file))).length, file).toBe(whole.get(file)!.length);
  });

  it('the CLI keeps the cache in .cloudready/cache of the current folder; --no-cache reads and writes none', async () => {
    const root = await makeTree(TREE);
    const work = await makeTree({});
    expect(runCli(['scan', root, '--no-cache', '--format', 'json', '--quiet'], { cwd: work }).code).toBe(0);
    await expect(fs.stat(path.join(work, '.cloudready'))).rejects.toThrow();
    const first = runCli(['scan', root, '--format', 'json', '--quiet'], { cwd: work });
    expect(first.code).toBe(0);
    // Facts of the files and the last assessment (the built-in rule packs come compiled with the build).
    expect(
      (await fs.readdir(path.join(work, '.cloudready/cache'))).filter((name) =>
        /^(facts|result)-[0-9a-f]{16}\.bin$/.test(name),
      ),
    ).toHaveLength(2);
    const second = runCli(['scan', root, '--format', 'json', '--quiet'], { cwd: work });
    expect(JSON.parse(second.stdout).applications).toEqual(JSON.parse(first.stdout).applications);
  });

  it('a cache folder that cannot be written is a notice, not a failure', async () => {
    const root = await makeTree({ ...TREE, blocked: 'a file where the cache folder would go' });
    const notices: string[] = [];
    const result = await scan({
      paths: [root],
      cwd: root,
      now,
      cacheDir: path.join(root, 'blocked', 'cache'),
      notice: (message) => notices.push(message),
    });
    expect(result.applications).toHaveLength(2);
    // Said once, though three caches (facts, rule packs, the assessment) could not be written.
    expect(new Set(notices).size).toBe(1);
    expect(notices[0]).toMatch(/could not be written \(E(NOTDIR|EXIST)\); the next scan parses every file again/);
  });
});

describe('cached facts are never changed by what reads them', () => {
  it('a host name the configuration stops declaring is a host again on the next cached scan', async () => {
    // `billing.queue.local` is a service id while services.yaml declares it, a host once it does not.
    const root = await makeTree({
      'billing/composer.json': '{"name":"acme/billing","require":{"php":">=8.1"}}',
      'billing/src/Queue.php':
        "<?php\nclass Queue {\n  public function open() { return connect('billing.queue.local'); }\n}\n",
      'billing/config/services.yaml': 'services:\n  billing.queue.local:\n    class: Queue\n',
    });
    const cacheDir = path.join(root, '.cloudready', 'cache');
    const hosts = (result: ScanResult) =>
      result.findings
        .filter((finding) => finding.ruleId === 'networking/hardcoded-host')
        .flatMap((finding) => finding.evidence.map((place) => `${place.file}:${place.line}`));
    expect(hosts(await scan({ paths: [root], cwd: root, now, cacheDir }))).toEqual([]);
    await fs.writeFile(
      path.join(root, 'billing/config/services.yaml'),
      'services:\n  billing.mailer:\n    class: Mailer\n',
    );
    const uncached = await scan({ paths: [root], cwd: root, now });
    expect(hosts(uncached)).toEqual(['billing/src/Queue.php:3']);
    expect(comparable(await scan({ paths: [root], cwd: root, now, cacheDir }))).toBe(comparable(uncached));
  });
});
