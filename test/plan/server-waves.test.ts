import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const now = () => new Date('2026-12-03T00:00:00Z');

const host = (id: string, os: string) =>
  `  - { id: ${id}, hostname: ${id}.corp.example, os: { name: "${os}" }, cpu: { cores: 4 }, memoryGiB: 16, ips: [] }`;
const link = (source: string, target: string, port: number, extra = '') =>
  `  - { source: ${source}, target: ${target}, port: ${port}${extra} }`;

/** An estate with no code: two web stacks, DNS and monitoring every server talks to, and a Solaris box. */
const ESTATE = [
  'version: 1',
  'hosts:',
  host('web01', 'Red Hat Enterprise Linux 9'),
  host('app01', 'Red Hat Enterprise Linux 9'),
  host('db01', 'Microsoft Windows Server 2019'),
  host('web02', 'Ubuntu 24.04 LTS'),
  host('app02', 'Ubuntu 24.04 LTS'),
  host('dns01', 'Microsoft Windows Server 2022'),
  host('sol01', 'Oracle Solaris 11.4'),
  'connections:',
  link('web01', 'app01', 8080),
  link('app01', 'db01', 1433, ', volume: high'),
  link('web02', 'app02', 8443),
  ...['web01', 'app01', 'db01', 'web02', 'app02', 'sol01'].flatMap((source) => [
    link(source, 'dns01', 53),
    link(source, 'dns01', 10050),
  ]),
  '',
].join('\n');

describe('waves of servers no application runs on', () => {
  it('groups servers by the traffic between them, not by DNS or monitoring, and leaves what no cloud takes', async () => {
    const root = await makeTree({ 'inventory/estate.yaml': ESTATE });
    const { waves } = await scan({ paths: [root], cwd: root, now });
    const groups = waves.waves.flatMap((wave) =>
      wave.groups.map((group) => group.hosts.map((id) => id.replace('host:', '')).join('+')),
    );
    expect(groups.sort()).toEqual(['app01+db01+web01', 'app02+web02', 'dns01']);
    const stack = waves.waves.flatMap((wave) => wave.groups).find((group) => group.hosts.includes('host:web01'))!;
    expect(stack.id).toBe('group-host-app01');
    expect(stack.bonds.map((bond) => `${bond.kind} ${bond.detail}`)).toEqual([
      'chatty-link talk over app01.corp.example → db01.corp.example:1433',
      'connection talk over web01.corp.example → app01.corp.example:8080',
    ]);
    expect(waves.stayingServers).toEqual([
      {
        server: 'sol01',
        reason:
          "not ready on any cloud: AWS runs no Oracle Solaris: no public cloud but Oracle's runs Solaris; SPARC needs emulation or a rewrite",
      },
    ]);
  });

  it('cuts a chain of servers too long to move as one into communities of traffic, each within two waves of servers', async () => {
    const ids = Array.from({ length: 120 }, (_, at) => `srv${String(at).padStart(3, '0')}`);
    const chain = [
      'version: 1',
      'hosts:',
      ...ids.map((id) => host(id, 'Ubuntu 24.04 LTS')),
      'connections:',
      ...ids.slice(1).map((id, at) => link(ids[at]!, id, 8080)),
      '',
    ].join('\n');
    const root = await makeTree({ 'inventory/estate.yaml': chain });
    const first = (await scan({ paths: [root], cwd: root, now })).waves;
    const groups = first.waves.flatMap((wave) => wave.groups);
    expect(groups.length).toBeGreaterThan(2);
    expect(Math.max(...groups.map((group) => group.hosts.length))).toBeLessThanOrEqual(50);
    expect(groups.reduce((sum, group) => sum + group.hosts.length, 0)).toBe(120);
    for (const wave of first.waves) expect(wave.hosts.length).toBeLessThanOrEqual(50);
    // Seeded: the same estate gives the same groups.
    expect((await scan({ paths: [root], cwd: root, now })).waves).toEqual(first);
  });

  it('fills the CMF intake with the servers, their group and the AWS size the scan picked', async () => {
    const root = await makeTree({ 'inventory/estate.yaml': ESTATE });
    const cmf = runCli(['waves', root, '--format', 'cmf', '--no-cache']);
    expect(cmf.code).toBe(0);
    const rows = cmf.stdout
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.map((row) => row[4]).sort()).toEqual(['app01', 'app02', 'db01', 'dns01', 'web01', 'web02']);
    const db = rows.find((row) => row[4] === 'db01')!;
    expect([db[1], db[5], db[10], db[13]]).toEqual(['group-host-app01', 'windows', 'Rehost', 'm7i.xlarge']);
  });
});
