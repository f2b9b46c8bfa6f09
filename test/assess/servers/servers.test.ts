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
    expect(hosts.map((host) => host.id)).toEqual([
      'FS-LEGACY01',
      'SQL-REPORTS',
      'app-node-a',
      'app-node-b',
      'archive01',
      'esx01.corp.example',
      'sol-billing',
    ]);
    expect(messages.filter((message) => message.includes('listed again'))).toEqual([]);
    expect(messages).toContain('info record ignored: tpl-rhel9 is a VM template, not a server');
    expect(byId(hosts, 'esx01.corp.example')).toMatchObject({ kind: 'hypervisor', cluster: 'CL-WIN' });
    expect(byId(hosts, 'esx01.corp.example').readiness).toBeUndefined();
    // Two guests nobody named are two machines, each with its own records (vCPU, vMemory, vTools rows complete the VM, none is one).
    expect(
      byId(hosts, 'app-node-a').records.map((record) => record.file.replace('inventory/rvtools/RVTools_tab', '')),
    ).toEqual(['vCPU.csv', 'vInfo.csv', 'vMemory.csv', 'vTools.csv']);
    expect(byId(hosts, 'app-node-b').records).toHaveLength(2);
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
      os: {
        name: 'Microsoft Windows Server 2012 R2 Standard (64-bit)',
        configured: 'Microsoft Windows Server 2012 (64-bit)',
        lifecycle: 'windows-server-2012',
        endOfSupport: '2023-10-10',
        extendedUntil: '2026-10-13',
      },
    });
    expect(byId(hosts, 'FS-LEGACY01').disks).toEqual({ count: 3, raw: 1, shared: 1, independent: 1 });
  });

  it('judges each VM per cloud: the OS on that cloud and on the table date, then disks and snapshots', async () => {
    const { hosts } = await servers(RVTOOLS_EXPORT);
    const legacy = byId(hosts, 'FS-LEGACY01').readiness!;
    expect([legacy.aws.status, legacy.azure.status, legacy.gcp.status]).toEqual([
      'ready-with-conditions',
      'ready-with-conditions',
      'not-ready',
    ]);
    expect(legacy.gcp.reasons[0]).toBe(
      'Google Cloud runs no Windows Server 2003: rehosting tools take it on a best-effort basis only',
    );
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
    for (const cloud of ['aws', 'azure', 'gcp'] as const)
      expect(byId(hosts, 'sol-billing').readiness![cloud].status).toBe('not-ready');
    // A 70 TiB data disk: over every cloud's largest disk.
    expect(byId(hosts, 'archive01').readiness!.gcp).toEqual({
      status: 'not-ready',
      reasons: [
        'Hard disk 2 is 70020 GiB, over the largest disk (65536 GiB) of Google Cloud',
        'Ubuntu 22.04 LTS: vendor support ends 2027-06-01; plan the upgrade with the move',
      ],
    });
    // Stopped guest tools and an SR-IOV adapter (vTools, vNetwork) are conditions.
    expect(byId(hosts, 'app-node-b')).toMatchObject({
      tools: 'not-running',
      readiness: { aws: { status: 'ready-with-conditions' } },
    });
    expect(byId(hosts, 'app-node-b').readiness!.aws.reasons[0]).toMatch(/^VMware Tools not running/);
    expect(byId(hosts, 'sol-billing').nics).toEqual([
      { name: 'Network adapter 2', adapter: 'SriovEthernetCard', network: 'VLAN30' },
    ]);
  });

  it('sizes on what a VM uses where vCPU and vMemory say it, with 30 % head-room, else on its allocation', async () => {
    const { hosts } = await servers(RVTOOLS_EXPORT);
    const used = byId(hosts, 'app-node-a');
    // 960 of 9,600 MHz and 1,638 of 8,192 MiB active: 1 vCPU and 2.1 GiB with head-room, not 4 and 8.
    expect(used.utilisation).toEqual({
      cpuPercent: 10,
      memoryPercent: 20,
      source: 'RVTools vCPU and vMemory (one moment)',
    });
    expect(used.targets!.aws).toMatchObject({ basis: 'utilisation', instance: 'c7i.large', vcpus: 2, memoryGiB: 4 });
    const allocated = byId(hosts, 'app-node-b');
    expect(allocated.utilisation).toBeUndefined();
    expect(allocated.targets!.aws).toMatchObject({ basis: 'allocation', vcpus: 4 });
    expect(allocated.targets!.aws!.memoryGiB).toBeGreaterThanOrEqual(8);
    // A powered-off VM's zero use says nothing: it is sized on what it is given.
    expect(byId(hosts, 'SQL-REPORTS').utilisation).toBeUndefined();
    expect(byId(hosts, 'SQL-REPORTS').targets!.azure).toMatchObject({ basis: 'allocation', vcpus: 8 });
  });
});

describe('findings of servers that run no application', () => {
  it("come from the rules that read hosts, at the server's inventory record, and count in the summary", async () => {
    const root = await makeTree(RVTOOLS_EXPORT);
    const result = await scan({ paths: [root], cwd: root, now });
    const found = result.serverFindings.map((finding) => `${finding.serverId} ${finding.ruleId}`);
    expect(found).toEqual([
      'FS-LEGACY01 platform-and-sla/end-of-life-os',
      'FS-LEGACY01 servers/independent-disk',
      'FS-LEGACY01 servers/os-not-offered',
      'FS-LEGACY01 servers/raw-disk',
      'FS-LEGACY01 servers/shared-disk',
      'SQL-REPORTS platform-and-sla/end-of-life-os',
      'SQL-REPORTS servers/snapshots',
      'app-node-b servers/tools-not-running',
      'archive01 servers/disk-over-limit',
      'archive01 servers/os-support-ending',
      'sol-billing platform-and-sla/unix-host',
      'sol-billing servers/passthrough-nic',
    ]);
    const raw = result.serverFindings.find((finding) => finding.ruleId === 'servers/raw-disk')!;
    expect(raw).toMatchObject({ id: 'servers/raw-disk@host:FS-LEGACY01', severity: 'major', evidenceCount: 1 });
    expect(raw.evidence[0]).toMatchObject({ file: 'inventory/rvtools/RVTools_tabvInfo.csv', line: 2 });
    expect(raw.evidence[0]!.snippet).toContain('raw device mapping (Hard disk 2)');
    expect(
      result.serverFindings.find((finding) => finding.ruleId === 'servers/disk-over-limit')!.evidence[0]!.snippet,
    ).toBe(
      'host archive01: Hard disk 2 is 70020 GiB, over the largest disk (65536 GiB) of AWS, Azure and Google Cloud',
    );
    expect(result.summary.serverFindings).toEqual({ blocker: 0, major: 8, minor: 4, info: 0 });
    // Server findings are not application findings: no score, no gate.
    expect(result.findings).toEqual([]);
    expect(result.rules.map((rule) => rule.id)).toContain('servers/raw-disk');
    // A wave of servers takes what their findings take: FS-LEGACY01 19, SQL-REPORTS 5.5, app-node-b 0.5 person-days.
    expect(result.waves.waves.map((wave) => [wave.hosts.length, wave.effort])).toEqual([[4, 25]]);
  });

  it('follow cloudready.yaml: a disabled rule finds nothing, a severity set there is the severity', async () => {
    const root = await makeTree({
      ...RVTOOLS_EXPORT,
      'cloudready.yaml': 'rules:\n  disable: [servers/snapshots]\n  severity: { servers/raw-disk: blocker }\n',
    });
    const result = await scan({ paths: [root], cwd: root, now });
    expect(result.serverFindings.some((finding) => finding.ruleId === 'servers/snapshots')).toBe(false);
    expect(result.serverFindings.find((finding) => finding.ruleId === 'servers/raw-disk')!.severity).toBe('blocker');
  });

  it("come from a team's own host rules too, pointing at the record when a rule holds by an absence; hypervisors get none", async () => {
    const pack = [
      'pack: estate',
      'title: Our estate rules',
      'description: What our infrastructure team checks.',
      'rules:',
      '  - id: estate/not-linux',
      '    title: Not on our Linux standard build',
      '    category: platform',
      '    severity: minor',
      '    effort: 1',
      '    description: Servers off the standard Linux build need their own migration runbook.',
      '    remediation: Write a runbook or rebuild on the standard image.',
      '    when: { not: { host: { platform: [Linux] } } }',
    ].join('\n');
    // An ESXi host of 64 cores: an oversized host, were it moved; it is not.
    const vhost = RVTOOLS_EXPORT['inventory/rvtools/RVTools_tabvHost.csv']!.replace(
      ',2,20,40,786432,',
      ',2,32,64,786432,',
    );
    const root = await makeTree({
      ...RVTOOLS_EXPORT,
      'inventory/rvtools/RVTools_tabvHost.csv': vhost,
      'packs/estate.yaml': `${pack}\n`,
    });
    const result = await scan({ paths: [root], cwd: root, now, ruleFolders: [`${root}/packs`] });
    const own = result.serverFindings.filter((finding) => finding.ruleId === 'estate/not-linux');
    expect(own.map((finding) => finding.serverId)).toEqual(['FS-LEGACY01', 'SQL-REPORTS', 'sol-billing']);
    expect(own[0]!.evidence).toEqual([
      { file: 'inventory/rvtools/RVTools_tabvInfo.csv', line: 2, snippet: 'host FS-LEGACY01' },
    ]);
    expect(result.serverFindings.some((finding) => finding.serverId === 'esx01.corp.example')).toBe(false);
  });

  it('go to the application when the server runs one, where they count in its score', async () => {
    const root = await makeTree({
      ...RVTOOLS_EXPORT,
      'billing/pom.xml':
        '<project><groupId>corp</groupId><artifactId>billing</artifactId><version>1</version><packaging>war</packaging></project>\n',
      'billing/src/main/java/corp/Billing.java': 'package corp;\npublic class Billing {}\n',
      'inventory/apps.yaml': 'version: 1\napplications:\n  - id: billing\n    hosts: [FS-LEGACY01]\n',
    });
    const result = await scan({ paths: [root], cwd: root, now });
    expect(result.serverFindings.some((finding) => finding.serverId === 'FS-LEGACY01')).toBe(false);
    const billing = result.findings
      .filter((finding) => finding.applicationId === 'billing')
      .map((finding) => finding.ruleId);
    expect(billing).toEqual(
      expect.arrayContaining(['platform-and-sla/end-of-life-os', 'servers/raw-disk', 'servers/shared-disk']),
    );
    expect(result.applications.find((app) => app.id === 'billing')!.score).toBeLessThan(100);
  });
});

describe('one machine from several files', () => {
  const vinfo = (vm: string, dns: string, ip: string) =>
    `VM,Powerstate,Template,DNS Name,CPUs,Memory,Primary IP Address,OS according to the VMware Tools\n${vm},poweredOn,False,${dns},2,4096,${ip},Ubuntu 22.04.4 LTS\n`;
  const cmdb = (name: string, ip: string) => `id,hostname,ips,os\n${name},${name}.corp.example,${ip},Ubuntu 22.04\n`;

  it('merges records that name it alike, and never on one shared address between names that differ', async () => {
    const same = await servers({
      'inventory/vinfo.csv': vinfo('web01', 'web01.corp.example', '10.0.0.5'),
      'inventory/hosts.csv': cmdb('web01', '10.0.0.5'),
    });
    expect(same.hosts).toHaveLength(1);
    expect(same.hosts[0]!.records.map((record) => record.file)).toEqual(['inventory/hosts.csv', 'inventory/vinfo.csv']);
    // Site A and site B reuse 10.0.0.5: two machines.
    const reused = await servers({
      'inventory/vinfo.csv': vinfo('web01', 'web01.corp.example', '10.0.0.5'),
      'inventory/hosts.csv': cmdb('pay07', '10.0.0.5'),
    });
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
    const table = (match: string, extra = '') =>
      `asOf: 2026-12-03\nsources: [https://example.org/]\nlimits:\n  aws: { maxDisks: 1, maxDiskGiB: 1 }\n  azure: { maxDisks: 1, maxDiskGiB: 1 }\n  gcp: { maxDisks: 1, maxDiskGiB: 1 }\nsystems:\n  - { id: x, name: X, match: '${match}', clouds: { aws: supported, azure: supported, gcp: supported }${extra} }\n`;
    expect(() => osTable(table('(?<!Open)Solaris'), 'os.yaml')).toThrow(/look-behind|look-around|lookbehind/i);
    expect(() => osTable(table('X', ', endOfSupport: soon'), 'os.yaml')).toThrow(
      /^os\.yaml:8: systems\.0\.endOfSupport/,
    );
    expect(osTable(table('X'), 'os.yaml').find('x 1')?.id).toBe('x');
  });
});
