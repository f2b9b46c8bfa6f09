import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const comparable = (json: string) => ({ ...JSON.parse(json), scannedAt: '' });

/** Runs shards 1..count of a scan of `root` into `folder`; returns the shard files. */
function scanShards(root: string, folder: string, count: number, extra: string[] = []): string[] {
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = path.join(folder, `shard-${index}.bin`);
    const run = runCli(['scan', root, '--shard', `${index}/${count}`, '--output', file, '--no-cache', ...extra]);
    expect(run.stderr).toContain(`wrote ${file}: shard ${index}/${count}`);
    expect(run.code).toBe(0);
    files.push(file);
  }
  return files;
}

// Each test runs several whole scans of the demo portfolio.
const SCANS = 180_000;

describe('scan --shard and merge', () => {
  it(
    'gives exactly the result of one scan: graph edges between shards, graph rules, scores and waves',
    async () => {
      const folder = await makeTree({});
      const whole = runCli(['scan', DEMO, '--format', 'json', '--no-cache', '--quiet']);
      expect(whole.code).toBe(0);
      const shards = scanShards(DEMO, folder, 3);
      const merged = runCli(['merge', ...shards, '--format', 'json']);
      expect(merged.code).toBe(0);
      expect(merged.stderr).toBe('');
      const result = comparable(merged.stdout);
      expect(result).toEqual(comparable(whole.stdout));
      // The demo's applications call each other and share datastores: the graph joins the shards.
      const applicationEdges = result.graph.edges.filter(
        (edge: { source: string; target: string }) => edge.source.startsWith('app:') && edge.target.startsWith('app:'),
      );
      expect(applicationEdges.length).toBeGreaterThan(0);
      expect(result.waves.waves.length).toBeGreaterThan(1);
      expect(result.summary.inventory.files).toBe(5);
    },
    SCANS,
  );

  it(
    'merges in any order, and gates and reports like scan',
    async () => {
      const folder = await makeTree({});
      const shards = scanShards(DEMO, folder, 2);
      const gated = runCli([
        'merge',
        ...shards.reverse(),
        '--fail-under',
        '50',
        '--format',
        'sarif',
        '--output',
        path.join(folder, 'out.sarif'),
      ]);
      expect(gated.code).toBe(1);
      expect(gated.stderr).toMatch(/gate failed: card-authorisation: score \d+ is below 50/);
      const sarif = JSON.parse(await fs.readFile(path.join(folder, 'out.sarif'), 'utf8'));
      expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    },
    SCANS,
  );

  it(
    'refuses a missing, repeated, foreign or damaged shard, naming it',
    async () => {
      const folder = await makeTree({});
      const [one, two, three] = scanShards(DEMO, folder, 3) as [string, string, string];

      const missing = runCli(['merge', one, three]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('shard 2/3 missing: a merge needs all 3');

      const twice = runCli(['merge', one, two, two, three]);
      expect(twice.code).toBe(2);
      expect(twice.stderr).toContain('shard 2/3 given twice');

      const other = path.join(folder, 'other.bin');
      expect(runCli(['scan', DEMO, '--shard', '1/2', '--output', other, '--no-cache', '--quiet']).code).toBe(0);
      const mixed = runCli(['merge', other, two, three]);
      expect(mixed.code).toBe(2);
      expect(mixed.stderr).toContain(`${two}: is shard 2/3, ${other} one of 2`);

      const json = path.join(folder, 'result.json');
      await fs.writeFile(json, runCli(['scan', DEMO, '--format', 'json', '--no-cache', '--quiet']).stdout);
      const notShard = runCli(['merge', json]);
      expect(notShard.code).toBe(2);
      expect(notShard.stderr).toContain(`${json}: not a cloudready shard file`);

      const cut = path.join(folder, 'cut.bin');
      const bytes = await fs.readFile(two);
      await fs.writeFile(cut, bytes.subarray(0, bytes.length - 100));
      const damaged = runCli(['merge', one, cut, three]);
      expect(damaged.code).toBe(2);
      expect(damaged.stderr).toContain(`${cut}: the shard file is truncated or damaged`);
    },
    SCANS,
  );

  it(
    'refuses shards scanned with other settings',
    async () => {
      const folder = await makeTree({ 'strict.yaml': 'rules:\n  disable: [networking/hardcoded-ip]\n' });
      const [one] = scanShards(DEMO, folder, 2) as [string, string];
      const two = path.join(folder, 'strict-2.bin');
      expect(
        runCli([
          'scan',
          DEMO,
          '--shard',
          '2/2',
          '--output',
          two,
          '--config',
          path.join(folder, 'strict.yaml'),
          '--no-cache',
          '--quiet',
        ]).code,
      ).toBe(0);
      const merged = runCli(['merge', one, two]);
      expect(merged.code).toBe(2);
      expect(merged.stderr).toContain(
        `${two}: scanned with other settings than ${one} (cloudready.yaml or rule packs differ)`,
      );
    },
    SCANS,
  );

  it(
    'carries unreadable inputs to the merge, which reports them (and exits 2 with --strict)',
    async () => {
      const root = await makeTree({
        'shop/package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.18.0' } }),
        'shop/src/server.js': "const express = require('express');\nexpress().listen(8080);\n",
        'ledger/pom.xml': '<project><artifactId>ledger</artifact',
        'ledger/src/main/java/Ledger.java':
          'public class Ledger { String url = "jdbc:db2://mf01.acme.corp:446/LEDGER"; }\n',
      });
      const folder = await makeTree({});
      const shards = [1, 2].map((index) => {
        const file = path.join(folder, `s${index}.bin`);
        const run = runCli(['scan', root, '--shard', `${index}/2`, '--output', file, '--no-cache']);
        expect(run.code).toBe(0);
        return { file, stderr: run.stderr };
      });
      expect(shards.map((shard) => shard.stderr).join('')).toContain(
        '1 input could not be read (the merge reports it)',
      );
      expect(runCli(['merge', ...shards.map((shard) => shard.file), '--format', 'json']).code).toBe(0);
      const merged = runCli(['merge', ...shards.map((shard) => shard.file), '--format', 'json', '--strict']);
      expect(merged.code).toBe(2);
      expect(merged.stderr).toContain('ledger/pom.xml:1: malformed XML');
      const result = JSON.parse(merged.stdout);
      expect(result.applications.map((app: { id: string }) => app.id).sort()).toEqual(['ledger', 'shop']);
    },
    SCANS,
  );

  it(
    'asks for what a shard needs, and sends gate and format options to the merge',
    () => {
      const noOutput = runCli(['scan', DEMO, '--shard', '1/2']);
      expect(noOutput.code).toBe(2);
      expect(noOutput.stderr).toContain('--shard needs --output');
      const gate = runCli([
        'scan',
        DEMO,
        '--shard',
        '1/2',
        '--output',
        '/tmp/never.bin',
        '--format',
        'sarif',
        '--fail-under',
        '60',
      ]);
      expect(gate.code).toBe(2);
      expect(gate.stderr).toContain('--format, --fail-under belong on the merge');
      const wrong = runCli(['scan', DEMO, '--shard', '3/2']);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toContain('Expected I/N with 1 ≤ I ≤ N ≤ 10000, e.g. 2/8.');
    },
    SCANS,
  );
});
