import { describe, expect, it } from 'vitest';
import { builtInOsTable, osTable } from '../../../src/assess/servers/os-lifecycle.js';
import type { Server } from '../../../src/result/schema.js';
import { scan } from '../../../src/scan.js';
import { RVTOOLS_EXPORT } from '../../helpers/rvtools-export.js';
import { makeTree } from '../../helpers/temp-tree.js';

const now = () => new Date('2026-12-03T00:00:00Z');

async function servers(files: Record<string, string>): Promise<{ hosts: Server[]; messages: string[] }> {
  const root = await makeTree(files);
  const result = await scan({ paths: [root], cwd: root, now });
  return { hosts: result.hosts, messages: result.diagnostics.map((d) => `${d.level} ${d.message}`) };
}

const byId = (hosts: Server[], id: string) => hosts.find((host) => host.id === id)!;

describe('servers from an RVTools export alone', () => {
  it('lists every VM and hypervisor once: no template, no vCPU row taken for a VM, no merge on localhost.localdomain', async () => {
    const { hosts, messages } = await servers(RVTOOLS_EXPORT);
    expect(hosts.map((host) => host.id)).toEqual(['FS-LEGACY01', 'SQL-REPORTS', 'app-node-a', 'app-node-b', 'archive01', 'esx01.corp.example', 'sol-billing']);
    expect(messages.filter((message) => message.includes('listed again'))).toEqual([]);
    expect(messages).toContain('info record ignored: tpl-rhel9 is a VM template, not a server');
    expect(byId(hosts, 'esx01.corp.example')).toMatchObject({ kind: 'hypervisor', cluster: 'CL-WIN' });
    expect(byId(hosts, 'esx01.corp.example').readiness).toBeUndefined();
    // Two guests nobody named are two machines, each with its own records.
    expect(byId(hosts, 'app-node-a').records).toHaveLength(1);
    expect(byId(hosts, 'app-node-a').name).toBe('localhost.localdomain');
  });

  it('reads power state, cluster, hypervisor, firmware, both OS fields, disks and snapshots', async () => {
    const { hosts } = await servers(RVTOOLS_EXPORT);
    expect(byId(hosts, 'SQL-REPORTS')).toMatchObject({
      kind: 'vm',
      powerState: 'off',
      cores: 8,
      memoryGiB: 32,
      firmware: 'efi',
      cluster: 'CL-WIN',
      hypervisor: 'esx01.corp.example',
      datacenter: 'DC1',
      snapshots: 2,
      os: { name: 'Microsoft Windows Server 2012 R2 Standard (64-bit)', configured: 'Microsoft Windows Server 2012 (64-bit)', lifecycle: 'windows-server-2012', endOfSupport: '2023-10-10', extendedUntil: '2026-10-13' },
    });
    expect(byId(hosts, 'FS-LEGACY01').disks).toEqual({ count: 3, raw: 1, shared: 1, independent: 1 });
  });

  it('judges each VM per cloud: the OS on that cloud and on the table date, then disks and snapshots', async () => {
    const { hosts } = await servers(RVTOOLS_EXPORT);
    const legacy = byId(hosts, 'FS-LEGACY01').readiness!;
    expect([legacy.aws.status, legacy.azure.status, legacy.gcp.status]).toEqual(['ready-with-conditions', 'ready-with-conditions', 'not-ready']);
    expect(legacy.gcp.reasons[0]).toBe('Google Cloud runs no Windows Server 2003: rehosting tools take it on a best-effort basis only');
    expect(legacy.aws.reasons).toEqual([
      'Windows Server 2003 runs on AWS only with conditions: rehosting tools take it on a best-effort basis only',
      'Windows Server 2003: no security updates since 2015-07-14; upgrade before or during the move',
      "raw device mapping (Hard disk 2): copy the LUN's data to a cloud disk; snapshot-based replication does not carry physical-mode RDMs",
      "shared disk (Hard disk 3): a cluster needs the cloud's shared or multi-attach disks",
      'independent disk (Hard disk 3): left out of snapshots, so snapshot-based replication skips it',
    ]);
    // ESU for 2012 ended 2026-10-13, before the table's date; the 2012 setting against the 2012 R2 tools is one system.
    expect(byId(hosts, 'SQL-REPORTS').readiness!.azure.reasons).toEqual([
      'Windows Server 2012 / 2012 R2: no security updates since 2026-10-13; upgrade before or during the move',
      '2 snapshots: consolidate before replication',
    ]);
    expect(byId(hosts, 'app-node-a').readiness!.aws).toEqual({ status: 'ready', reasons: [] });
    for (const cloud of ['aws', 'azure', 'gcp'] as const) expect(byId(hosts, 'sol-billing').readiness![cloud].status).toBe('not-ready');
    // A 70 TiB data disk: over every cloud's largest disk.
    expect(byId(hosts, 'archive01').readiness!.gcp).toEqual({
      status: 'not-ready',
      reasons: ["Hard disk 2 is 70020 GiB, over Google Cloud's largest disk (65536 GiB)", 'Ubuntu 22.04 LTS: vendor support ends 2027-06-01; plan the upgrade with the move'],
    });
  });
});

describe('one machine from several files', () => {
  const vinfo = (vm: string, dns: string, ip: string) =>
    `VM,Powerstate,Template,DNS Name,CPUs,Memory,Primary IP Address,OS according to the VMware Tools\n${vm},poweredOn,False,${dns},2,4096,${ip},Ubuntu 22.04.4 LTS\n`;
  const cmdb = (name: string, ip: string) => `id,hostname,ips,os\n${name},${name}.corp.example,${ip},Ubuntu 22.04\n`;

  it('merges records that name it alike, and never on one shared address between names that differ', async () => {
    const same = await servers({ 'inventory/vinfo.csv': vinfo('web01', 'web01.corp.example', '10.0.0.5'), 'inventory/hosts.csv': cmdb('web01', '10.0.0.5') });
    expect(same.hosts).toHaveLength(1);
    expect(same.hosts[0]!.records.map((record) => record.file)).toEqual(['inventory/hosts.csv', 'inventory/vinfo.csv']);
    // Site A and site B reuse 10.0.0.5: two machines.
    const reused = await servers({ 'inventory/vinfo.csv': vinfo('web01', 'web01.corp.example', '10.0.0.5'), 'inventory/hosts.csv': cmdb('pay07', '10.0.0.5') });
    expect(reused.hosts.map((host) => host.id).sort()).toEqual(['pay07', 'web01']);
  });
});

describe('the operating-system lifecycle table', () => {
  it('is dated, names its sources, and finds each system by its own name', () => {
    const table = builtInOsTable();
    expect(table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(table.sources.length).toBeGreaterThan(5);
    for (const system of table.systems) {
      if (system.endOfSupport && system.extendedUntil) expect(system.extendedUntil > system.endOfSupport).toBe(true);
      expect(table.find(system.name.split(' / ')[0]!)?.id, system.id).toBe(system.id);
    }
    expect(table.find('Microsoft Windows Server 2019 Datacenter (64-bit)')?.id).toBe('windows-server-2019');
    expect(table.find('CentOS 7 (64-bit)')?.id).toBe('centos-7');
    expect(table.find('FreeDOS')).toBeUndefined();
  });

  it('refuses a table with a pattern the linear engine cannot run, or a field missing, naming the file', () => {
    const table = (match: string, extra = '') => `asOf: 2026-12-03\nsources: [https://example.org/]\nlimits:\n  aws: { maxDisks: 1, maxDiskGiB: 1 }\n  azure: { maxDisks: 1, maxDiskGiB: 1 }\n  gcp: { maxDisks: 1, maxDiskGiB: 1 }\nsystems:\n  - { id: x, name: X, match: '${match}', clouds: { aws: supported, azure: supported, gcp: supported }${extra} }\n`;
    expect(() => osTable(table('(?<!Open)Solaris'), 'os.yaml')).toThrow(/look-behind|look-around|lookbehind/i);
    expect(() => osTable(table('X', ', endOfSupport: soon'), 'os.yaml')).toThrow(/^os\.yaml:8: systems\.0\.endOfSupport/);
    expect(osTable(table('X'), 'os.yaml').find('x 1')?.id).toBe('x');
  });
});
