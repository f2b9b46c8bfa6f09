import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../src/extract/inventory/inventory-values.js';
import { scan } from '../../../src/scan.js';
import { makeTree } from '../../helpers/temp-tree.js';

const now = () => new Date('2026-12-03T00:00:00Z');
const servers = Array.from({ length: 12 }, (_, at) => `app${String(at).padStart(2, '0')}`);

/** Twelve servers, a discovery appliance that reaches them all over WinRM and SSH, traffic to the internet and to one machine nobody listed. */
const ESTATE = [
  'version: 1',
  'hosts:',
  ...servers.map(
    (id, at) =>
      `  - { id: ${id}, os: { name: "Ubuntu 24.04 LTS" }, cpu: { cores: 2 }, memoryGiB: 8, ips: [10.0.1.${at + 1}], virtualisation: VMware vSphere }`,
  ),
  '  - { id: AzMigrateAppliance, ips: [10.0.0.250], os: { name: "Microsoft Windows Server 2022" }, cpu: { cores: 8 }, memoryGiB: 16 }',
  'connections:',
  ...servers.map((id, at) => `  - { source: 10.0.0.250, target: ${id}, port: ${at % 2 ? 22 : 5985} }`),
  '  - { source: app00, target: 52.95.110.1, port: 443 }',
  '  - { source: app01, target: 10.9.9.9, port: 1521 }',
  '',
].join('\n');

describe('traffic to addresses no inventory describes', () => {
  it('labels a discovery appliance and public addresses, and reports only the machine nobody listed as unknown', async () => {
    const root = await makeTree({ 'inventory/estate.yaml': ESTATE });
    const result = await scan({ paths: [root], cwd: root, now });
    const kinds = Object.fromEntries(
      result.graph.nodes
        .filter((node) => node.id.startsWith('address:'))
        .map((node) => [node.id, `${node.kind} ${node.label}`]),
    );
    expect(kinds).toEqual({
      'address:10.9.9.9': 'unknown-host 10.9.9.9',
      'address:52.95.110.1': 'internet 52.95.110.1 (public address)',
    });
    expect(result.graphAnalysis.unknownEndpoints.map((endpoint) => endpoint.id)).toEqual(['address:10.9.9.9']);
    // The appliance is described: it is not moved, and its traffic binds no move group.
    expect(result.hosts.find((host) => host.id === 'AzMigrateAppliance')).toMatchObject({ kind: 'appliance' });
    expect(result.hosts.find((host) => host.id === 'AzMigrateAppliance')?.readiness).toBeUndefined();
    expect(result.diagnostics.find((d) => d.code === 'inventory-appliance')?.message).toBe(
      'AzMigrateAppliance reaches 12 of the 13 servers described on management ports: taken for a discovery appliance or management tool; its traffic binds no move group and is not traffic to an unknown machine',
    );
    const groups = result.waves.waves.flatMap((wave) => wave.groups);
    expect(groups.every((group) => group.hosts.length === 1)).toBe(true);
    expect(groups).toHaveLength(12);
  });

  it('tells public addresses from private, shared, link-local and documentation ones', () => {
    expect(['52.95.110.1', '20.190.160.1', '8.8.8.8', '2600:1f18::1'].map(isPublicAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      [
        '10.1.2.3',
        '172.20.0.1',
        '192.168.1.1',
        '100.64.0.1',
        '169.254.1.1',
        '127.0.0.1',
        '203.0.113.7',
        'fd00::1',
        'fe80::1',
        'db01',
      ].map(isPublicAddress),
    ).toEqual(Array(10).fill(false));
  });
});
