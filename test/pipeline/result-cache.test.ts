import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/result/schema.js';
import { scan, type ScanOptions } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

const now = () => new Date('2026-01-01T00:00:00Z');
const TREE = {
  'orders/pom.xml':
    '<project><groupId>com.acme</groupId><artifactId>orders</artifactId><packaging>war</packaging></project>',
  'orders/src/main/java/com/acme/OrderService.java':
    'package com.acme;\npublic class OrderService {\n  String url = "jdbc:oracle:thin:@db01.acme.corp:1521/ORD";\n}\n',
  'web/package.json': '{"name":"web","dependencies":{"express":"^4.18.0"}}',
  'web/src/server.js':
    "const express = require('express');\nexpress().listen(8080);\nfetch('http://pricing01:9000/api');\n",
  'inventory/hosts.csv': 'id,hostname,os,environment\nweb01,web01.acme.corp,RHEL 8,production\n',
};

const text = (result: ScanResult) => JSON.stringify(result);

/** A scan with the cache, and whether it reused the last assessment (no model stage ran). */
async function cachedScan(root: string, extra: Partial<ScanOptions> = {}) {
  const timings: ScanOptions['timings'] = {};
  const result = await scan({
    paths: [root],
    cwd: root,
    now,
    cacheDir: path.join(root, '.cloudready/cache'),
    timings,
    ...extra,
  });
  return { result, reused: timings.model === undefined };
}

describe('result cache: an unchanged tree reuses the last assessment', () => {
  it('gives the result of a full scan, byte for byte, and reuses it only while nothing changed', async () => {
    const root = await makeTree(TREE);
    const uncached = await scan({ paths: [root], cwd: root, now });
    const first = await cachedScan(root);
    expect(first.reused).toBe(false);
    const second = await cachedScan(root);
    expect(second.reused).toBe(true);
    expect(text(second.result)).toBe(text(uncached));
    expect(text(first.result)).toBe(text(uncached));

    // One byte of one file: assessed afresh, and the change shows.
    await fs.appendFile(path.join(root, 'orders/src/main/java/com/acme/OrderService.java'), '// x\n');
    const edited = await cachedScan(root);
    expect(edited.reused).toBe(false);
    expect(edited.result.applications.find((app) => app.id === 'orders')!.loc).toBe(
      uncached.applications.find((app) => app.id === 'orders')!.loc,
    );
    expect((await cachedScan(root)).reused).toBe(true);

    // A new file, an inventory change, a configuration change: each misses.
    await fs.writeFile(path.join(root, 'web/src/extra.js'), "require('fs').writeFileSync('/var/data/x', 'y');\n");
    const added = await cachedScan(root);
    expect(added.reused).toBe(false);
    expect(added.result.summary.files).toBe(uncached.summary.files + 1);
    await fs.appendFile(path.join(root, 'inventory/hosts.csv'), 'db01,db01.acme.corp,Windows Server 2012,production\n');
    const inventory = await cachedScan(root);
    expect(inventory.reused).toBe(false);
    expect(inventory.result.summary.inventory.hosts).toBe(2);
    await fs.writeFile(path.join(root, 'cloudready.yaml'), 'rules:\n  disable: [networking/hardcoded-host]\n');
    const configured = await cachedScan(root);
    expect(configured.reused).toBe(false);
    expect(configured.result.findings.some((finding) => finding.ruleId === 'networking/hardcoded-host')).toBe(false);
    expect(text((await cachedScan(root)).result)).toBe(text(configured.result));

    // The same rule pack from another folder: the result names where it came from, so it misses too.
    const pack =
      'pack: extra\ntitle: Extra\ndescription: An extra pack.\nrules:\n  - id: extra/todo\n    title: TODO\n    category: platform\n    severity: info\n    effort: 1\n    description: A TODO.\n    remediation: Do it.\n    when:\n      pattern: { regex: TODO }\n';
    await fs.mkdir(path.join(root, 'packs-a'));
    await fs.mkdir(path.join(root, 'packs-b'));
    await fs.writeFile(path.join(root, 'packs-a/extra.yaml'), pack);
    await fs.writeFile(path.join(root, 'packs-b/extra.yaml'), pack);
    const fromA = await cachedScan(root, { ruleFolders: ['packs-a'] });
    const fromB = await cachedScan(root, { ruleFolders: ['packs-b'] });
    expect(fromB.reused).toBe(false);
    expect(fromB.result.rulePacks.at(-1)?.source).toBe(path.join(root, 'packs-b/extra.yaml'));
    expect(fromA.result.rulePacks.at(-1)?.source).toBe(path.join(root, 'packs-a/extra.yaml'));
  });

  it('applies the gate, the baseline and the time afresh on a reused assessment', async () => {
    const root = await makeTree(TREE);
    await cachedScan(root);
    const baseline = await scan({ paths: [root], cwd: root, now });
    const options = {
      gate: { failUnder: 99 },
      baseline: { applications: baseline.applications, findings: baseline.findings.slice(1) },
      now: () => new Date('2026-02-02T00:00:00Z'),
    };
    const reused = await cachedScan(root, options);
    expect(reused.reused).toBe(true);
    const fresh = await scan({ paths: [root], cwd: root, ...options });
    expect(reused.result.scannedAt).toBe('2026-02-02T00:00:00.000Z');
    expect(reused.result.gate?.thresholds.failUnder).toBe(99);
    expect(reused.result.baseline?.new).toBe(1);
    expect(text(reused.result)).toBe(text(fresh));
    // The stored assessment is not changed by judging it: without options, no gate and no baseline.
    const plain = await cachedScan(root);
    expect(plain.reused).toBe(true);
    expect(plain.result.gate).toBeUndefined();
    expect(plain.result.findings.every((finding) => finding.baselineState === undefined)).toBe(true);
  });
});
