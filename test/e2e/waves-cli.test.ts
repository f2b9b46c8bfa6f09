import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { importInventory } from '../../src/extract/inventory/import-inventory.js';
import type { WavePlan } from '../../src/plan/waves.js';
import type { Diagnostic, ScanResult } from '../../src/result/schema.js';
import { DEMO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

let saved: string;
let dir: string;
beforeAll(async () => {
  dir = await makeTree({});
  saved = path.join(dir, 'result.json');
  expect(runCli(['scan', DEMO, '--format', 'json', '--output', saved, '--quiet']).code).toBe(0);
});
const waves = (...args: string[]) => runCli(['waves', '--from', saved, ...args]);

describe('cloudready waves on the demo portfolio', () => {
  it('groups what must move together and explains each bond', () => {
    const plan = JSON.parse(waves('--format', 'json').stdout) as WavePlan;
    const groups = plan.waves.flatMap((wave) => wave.groups);
    expect(groups.map((group) => group.applications)).toEqual([
      ['fraud-scoring', 'fraud-scoring-rules-engine'],
      ['partner-portal'],
      ['billing-service'],
      ['catalog-service', 'order-management', 'web-storefront'],
    ]);
    expect(groups[0]!.bonds).toEqual([
      {
        kind: 'co-location',
        between: ['fraud-scoring', 'fraud-scoring-rules-engine'],
        detail: 'both run on fraud01.acme.corp',
      },
    ]);
    expect(groups[3]!.bonds.map((bond) => bond.detail)).toEqual([
      'talk over a latency-sensitive link lnx-web01.acme.corp → catalog01:8080',
      'talk over a latency-sensitive link lnx-web01.acme.corp → aix-app01.acme.corp:7001',
    ]);
  });

  it('starts with a pilot of small, ready, low-criticality groups; retained applications stay with their reason', () => {
    const plan = JSON.parse(waves('--format', 'json').stdout) as WavePlan;
    expect(plan.waves[0]).toMatchObject({
      number: 1,
      applications: ['fraud-scoring', 'fraud-scoring-rules-engine', 'partner-portal'],
    });
    expect(plan.waves[0]!.reasons[0]).toMatch(/^pilot: /);
    expect(plan.staying).toEqual([
      { application: 'card-authorisation', reason: 'retain: blocker mainframe/exec-cics: CICS command-level API' },
      {
        application: 'risk-batch',
        reason: 'retain: blocker licensing/licence-server: Node-locked or floating licence server',
      },
    ]);
  });

  it('lists the links that cross the hybrid boundary, with their volume, and until when', () => {
    const plan = JSON.parse(waves('--format', 'json').stdout) as WavePlan;
    expect(plan.crossingLinks).toContainEqual({
      from: 'riskhpc01.acme.corp',
      to: 'whdb01.acme.corp',
      port: 1521,
      volume: 'high',
      latencySensitive: false,
      until: 'always: one side stays',
    });
    expect(plan.crossingLinks).toContainEqual({
      from: 'fraud01.acme.corp',
      to: 'catalog01',
      port: 8080,
      volume: 'low',
      latencySensitive: false,
      until: 'wave 2',
    });
  });

  it('respects a smaller wave size and is in the scan result too', async () => {
    const plan = JSON.parse(waves('--format', 'json', '--max-per-wave', '2').stdout) as WavePlan;
    expect(plan.waves.every((wave) => wave.applications.length <= 2 || wave.groups.length === 1)).toBe(true);
    expect(plan.waves.length).toBeGreaterThan(2);
    const { readFile } = await import('node:fs/promises');
    const result = JSON.parse(await readFile(saved, 'utf8')) as ScanResult;
    expect(result.waves.waves.map((wave) => wave.applications)).toEqual(
      (JSON.parse(waves('--format', 'json').stdout) as WavePlan).waves.map((wave) => wave.applications),
    );
  });

  it('writes CSV and the AWS Cloud Migration Factory intake form, which cloudready reads back', async () => {
    const rows = parseCsv(waves('--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => `${row.wave} ${row.application}`)).toEqual([
      '1 fraud-scoring',
      '1 fraud-scoring-rules-engine',
      '1 partner-portal',
      '2 billing-service',
      '2 catalog-service',
      '2 order-management',
      '2 web-storefront',
    ]);
    const out = path.join(dir, 'cmf-intake.csv');
    expect(waves('--format', 'cmf', '--output', out).code).toBe(0);
    const intake = parseCsv(await (await import('node:fs/promises')).readFile(out, 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(intake.find((row) => row.server_name === 'win-bill01')).toMatchObject({
      wave_id: '2',
      app_name: 'Billing',
      server_os_family: 'windows',
      r_type: 'Refactor',
    });
    const diagnostics: Diagnostic[] = [];
    const loaded = await importInventory({ abs: out, file: 'cmf-intake.csv', size: 1, explicit: true }, diagnostics);
    expect(loaded?.format).toBe('aws-cmf');
    expect(diagnostics).toEqual([]);
    // The intake names the application as the table does; read back, that name places it on its hosts again.
    expect(loaded?.inventory.applications.find((app) => app.id === 'Billing')?.hosts).toEqual([
      'win-bill01',
      'win-sql01',
    ]);
  });

  it('prints a readable plan in the terminal', () => {
    const run = waves();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wave 1');
    expect(run.stdout).toContain('Links across the hybrid boundary');
  });
});

describe('the CMF intake of applications no inventory places', () => {
  it('says which applications it leaves out, and why, instead of dropping them silently', () => {
    const run = runCli(['waves', path.join(path.dirname(DEMO), 'monolith-shop'), '--format', 'cmf', '--no-cache']);
    expect(run.code).toBe(0);
    // The header only: the intake lists servers, and the shop has none.
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      '1 application is not in the CMF intake, which lists servers, because no inventory puts it on one: shop-monolith',
    );
    expect(runCli(['waves', path.join(path.dirname(DEMO), 'monolith-shop'), '--format', 'cmf', '--quiet']).stderr).toBe(
      '',
    );
  });

  it('dates each wave from a start day and a team, and says how', () => {
    const run = waves('--start', '2027-01-04', '--capacity', '4', '--no-color');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Wave 1  3 applications, 2 hosts, about 29 person-days  4 Jan 2027 → 13 Jan 2027, 8 working days',
    );
    expect(run.stdout).toContain(
      'Wave 2  4 applications, 6 hosts, about 228 person-days  14 Jan 2027 → 2 Apr 2027, 57 working days',
    );
    expect(run.stdout).toContain('2 waves from 2027-01-04 to 2027-04-02 with 4 people');
    expect(JSON.parse(waves('--start', '2027-01-04', '--capacity', '4', '--format', 'json').stdout).schedule.end).toBe(
      '2027-04-02',
    );
    const half = waves('--capacity', '4');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--capacity needs --start too');
  });
});
