import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEstate } from '../../../src/model/estate.js';
import { importInventory } from '../../../src/extract/inventory/import-inventory.js';
import { readWorkbookTables } from '../../../src/extract/inventory/read-workbook.js';
import type { LoadedInventory } from '../../../src/extract/inventory/inventory-builder.js';
import type { Diagnostic } from '../../../src/result/schema.js';
import { deflatedEntry, zipArchive } from '../../../scripts/make-bad-portfolio.mjs';
import { REPO } from '../../helpers/run-cli.js';
import { makeTree } from '../../helpers/temp-tree.js';

const FIXTURES = path.join(REPO, 'test/fixtures/inventory');

async function load(
  rel: string,
  base = FIXTURES,
  extra: { format?: 'cmdb-csv'; columns?: Record<string, string> } = {},
) {
  const abs = path.join(base, rel);
  const diagnostics: Diagnostic[] = [];
  const { size } = await fs.stat(abs);
  const loaded = await importInventory({ abs, file: rel, size, explicit: true, ...(extra as object) }, diagnostics);
  return { loaded, diagnostics, messages: diagnostics.map((d) => `${d.level} ${d.line ?? '-'} ${d.message}`) };
}

const hostsOf = (loaded: LoadedInventory | undefined) =>
  Object.fromEntries((loaded?.inventory.hosts ?? []).map((host) => [host.id, host]));

describe('RVTools', () => {
  it('per-sheet CSV as European Excel writes it: BOM, semicolons, CRLF, old column names, duplicates, blanks and templates', async () => {
    const { loaded, messages } = await load('rvtools/RVTools_tabvInfo.csv');
    expect(loaded?.format).toBe('rvtools');
    expect(loaded?.records).toEqual({ imported: 4, ignored: 1, rejected: 1 });
    expect(messages).toEqual([
      'warning 4 host ERP-DB01 is listed again (first at line 3); the records are merged',
      'warning 5 record rejected: the VM column is blank',
      'info 7 record ignored: TPL-W2019 is a VM template, not a server',
    ]);
    const hosts = hostsOf(loaded);
    expect(hosts['ERP-APP01']).toMatchObject({
      hostname: 'erp-app01.corp.example',
      ips: ['10.1.20.31'],
      aliases: ['4211aa01-1111-2222-3333-444455556666'],
      os: { name: 'Microsoft Windows Server 2012 R2 (64-bit)' },
      platform: 'Windows',
      cpu: { cores: 8 },
      memoryGiB: 32,
      storageGiB: 512,
      location: 'DC-MUC',
      virtualisation: 'VMware vSphere',
    });
    // "2.048.000" MB with dots grouping thousands.
    expect(hosts['ERP-DB01']).toMatchObject({ platform: 'Linux', storageGiB: 2000, memoryGiB: 128 });
    expect(hosts['W2K3-LEGACY']?.os?.name).toBe('Microsoft Windows Server 2003 Standard (32-bit)');
  });

  it('vNetwork adds every address of a VM; the sheet is recognised by its columns too', async () => {
    const { loaded } = await load('rvtools/RVTools_tabvNetwork.csv');
    expect(hostsOf(loaded)['ERP-APP01']?.ips).toEqual(['10.1.20.31', 'fe80::250:56ff:fe8a:101', '10.9.90.31']);
  });

  it('an .xlsx workbook: sheets in any order, columns in any order, Excel dates, ESXi versions from vHost', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const vInfo = workbook.addWorksheet('vInfo');
    vInfo.addRow([
      'Powerstate',
      'VM',
      'Template',
      'PowerOn',
      'CPUs',
      'Memory',
      'Provisioned MiB',
      'Primary IP Address',
      'DNS Name',
      'Host',
      'Datacenter',
      'OS according to the VMware Tools',
    ]);
    vInfo.addRow([
      'poweredOn',
      'SAP-PRD-01',
      false,
      new Date(Date.UTC(2025, 2, 14, 6, 12)),
      16,
      262144,
      1048576,
      '10.7.0.11',
      'sap-prd-01.corp.example',
      'esx-07.corp.example',
      'DC-FRA',
      'SUSE Linux Enterprise 15 (64-bit)',
    ]);
    vInfo.addRow(['poweredOn', 'TPL-SLES', true, null, 2, 4096, 40960, '', '', 'esx-07.corp.example', 'DC-FRA', '']);
    const vHost = workbook.addWorksheet('vHost');
    vHost.addRow([
      'Host',
      'Datacenter',
      'Cluster',
      'Vendor',
      'Model',
      '# CPU',
      'Cores per CPU',
      '# Cores',
      '# Memory',
      'ESX Version',
    ]);
    vHost.addRow([
      'esx-07.corp.example',
      'DC-FRA',
      'CL-SAP',
      'Dell Inc.',
      'PowerEdge R750',
      2,
      28,
      56,
      1048576,
      'VMware ESXi 7.0.3 build-21930508',
    ]);
    const vDisk = workbook.addWorksheet('vDisk');
    vDisk.addRow(['VM', 'Powerstate', 'Template', 'Disk', 'Capacity MiB', 'Disk Mode', 'Thin']);
    vDisk.addRow(['SAP-HANA-02', 'poweredOn', false, 'Hard disk 1', 102400, 'persistent', true]);
    vDisk.addRow(['SAP-HANA-02', 'poweredOn', false, 'Hard disk 2', 409600, 'persistent', false]);
    vDisk.addRow(['SAP-HANA-02', 'poweredOn', false, 'Hard disk 3', 'n/a', 'persistent', false]);
    const vPartition = workbook.addWorksheet('vPartition');
    vPartition.addRow(['VM', 'Disk', 'Capacity MiB', 'Consumed MiB', 'Free MiB']);
    vPartition.addRow(['SAP-PRD-01', '/', 51200, 20480, 30720]);
    workbook.addWorksheet('vSource').addRow(['Name', 'Version']);
    const dir = await makeTree({ 'export.xlsx': Buffer.from(await workbook.xlsx.writeBuffer()) });
    const { loaded, messages } = await load('export.xlsx', dir);
    expect(messages).toEqual([
      'info - sheet vInfo, row 3: record ignored: TPL-SLES is a VM template, not a server',
      'warning - sheet vDisk, row 4: record rejected: no Capacity MB/MiB for SAP-HANA-02',
    ]);
    expect(loaded?.records).toEqual({ imported: 5, ignored: 1, rejected: 1 });
    const hosts = hostsOf(loaded);
    expect(hosts['SAP-PRD-01']).toMatchObject({
      platform: 'Linux',
      cpu: { cores: 16 },
      memoryGiB: 256,
      storageGiB: 1024,
      virtualisation: 'VMware vSphere (ESXi 7.0.3 build-21930508)',
    });
    // A VM only vDisk knows gets its provisioned capacity from its disks.
    expect(hosts['SAP-HANA-02']).toMatchObject({ storageGiB: 500 });
    expect(hosts['esx-07.corp.example']).toMatchObject({
      hardware: 'Dell Inc. PowerEdge R750',
      cpu: { cores: 56 },
      memoryGiB: 1024,
      groups: ['vmware-esxi-host'],
    });
  });

  it('a workbook whose sheets come before xl/workbook.xml in the archive is read with its sheet names', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('vHost').addRow(['Host', 'ESX Version']);
    const vInfo = workbook.addWorksheet('vInfo');
    vInfo.addRow(['VM', 'Powerstate', 'CPUs']);
    vInfo.addRow(['WEB-01', 'poweredOn', 4]);
    const entries = await zipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
    // Worksheets, shared strings and relationships first; the workbook (the sheet names) last.
    const late = (name: string) =>
      name === 'xl/workbook.xml'
        ? 2
        : name.startsWith('xl/worksheets/') || name.includes('sharedStrings') || name.endsWith('.rels')
          ? 0
          : 1;
    const reordered = zipArchive(
      [...entries].sort((a, b) => late(a[0]) - late(b[0])).map(([name, bytes]) => [name, deflatedEntry(bytes)]),
    );
    const tables = await readWorkbookTables(reordered, 'export.xlsx');
    expect(tables.map((table) => table.sheet).sort()).toEqual(['vHost', 'vInfo']);
  });

  it('a workbook is streamed with a cap on its cells: past it, the workbook is an error, not a full heap', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const vInfo = workbook.addWorksheet('vInfo');
    vInfo.addRow(['VM', 'Powerstate', 'CPUs']);
    for (let n = 0; n < 40; n++) vInfo.addRow([`VM-${n}`, 'poweredOn', 2]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const tables = await readWorkbookTables(bytes, 'export.xlsx', 1_000);
    expect(tables.map((table) => [table.sheet, table.header])).toEqual([['vInfo', ['VM', 'Powerstate', 'CPUs']]]);
    const rows: number[] = [];
    tables[0]!.eachRow((row) => rows.push(row.line));
    expect(rows).toHaveLength(40);
    await expect(readWorkbookTables(bytes, 'export.xlsx', 100)).rejects.toThrow(
      'workbook holds more than 100 cells; not read (an export to split by sheet)',
    );
  });

  it('a file that is not a workbook is an error naming the file, not a crash', async () => {
    const dir = await makeTree({ 'broken.xlsx': 'PK\u0003\u0004 this is not a zip' });
    const { loaded, diagnostics } = await load('broken.xlsx', dir);
    expect(loaded).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'inventory-invalid', file: 'broken.xlsx' }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/^not a readable \.xlsx workbook/);
  });
});

describe('Azure Migrate dependency analysis', () => {
  it('aggregates time slots into observations; rejects rows without a side or with a bad port; keeps unknown destinations', async () => {
    const { loaded, messages } = await load('azure-dependencies.csv');
    expect(loaded?.format).toBe('azure-migrate');
    expect(loaded?.records).toEqual({ imported: 3, ignored: 1, rejected: 2 });
    expect(messages).toEqual([
      'warning 5 record rejected: destination port "15xx" is not a port number',
      'warning 6 record rejected: no source server name or IP',
      'info 7 record ignored: loopback traffic within one server',
    ]);
    expect(loaded?.inventory.connections).toEqual([
      {
        source: 'ERP-APP01',
        target: 'ERP-DB01',
        port: 1521,
        observations: 2,
        sourceProcess: 'disp+work.exe',
        targetProcess: 'oracle',
      },
      { source: 'ERP-APP01', target: '172.16.4.4', port: 3299, observations: 1, sourceProcess: 'disp+work.exe' },
    ]);
    expect(hostsOf(loaded)['ERP-APP01']).toMatchObject({ ips: ['10.1.20.31'], software: [{ name: 'SAP NetWeaver' }] });
  });
});

describe('Azure Migrate server import', () => {
  it('reads cores, memory, OS, boot type, disks and measured utilisation; a row without a name is rejected, an impossible percentage left out', async () => {
    const { loaded, messages } = await load('azure-migrate-import/servers.csv');
    expect(loaded?.format).toBe('azure-migrate');
    expect(loaded?.records).toEqual({ imported: 3, ignored: 0, rejected: 1 });
    expect(messages).toEqual(['warning 4 record rejected: the Server name column is blank']);
    const hosts = hostsOf(loaded);
    expect(hosts['erp-app01']).toMatchObject({
      ips: ['10.20.1.11', '10.20.1.12'],
      os: { name: 'Windows Server 2016 Datacenter' },
      platform: 'Windows',
      cpu: { cores: 8 },
      memoryGiB: 32,
      firmware: 'efi',
      storageGiB: 640,
      disks: [
        { name: 'Disk 1', capacityGiB: 128 },
        { name: 'Disk 2', capacityGiB: 512 },
      ],
      utilisation: { cpuPercent: 23.5, memoryPercent: 41, source: 'Azure Migrate import (CPU and memory utilization)' },
    });
    expect(hosts['erp-db01']).toMatchObject({ os: { name: 'Red Hat Enterprise Linux 8.9' }, firmware: 'bios' });
    expect(hosts['erp-db01']!.utilisation).toBeUndefined();
    expect(hosts['edge-proxy']!.utilisation).toEqual({
      memoryPercent: 12,
      source: 'Azure Migrate import (CPU and memory utilization)',
    });
  });
});

describe('AWS', () => {
  it('Application Discovery Service agent exports join on agent_id across files', async () => {
    const files = [
      'aws/o-0a1b2c3d4e5f60001_osInfo.csv',
      'aws/o-0a1b2c3d4e5f60001_networkInterface.csv',
      'aws/o-0a1b2c3d4e5f60001_systemPerformance.csv',
      'aws/o-0a1b2c3d4e5f60002_destinationProcessConnection.csv',
    ];
    const loaded = await Promise.all(files.map((file) => load(file)));
    expect(loaded.map(({ loaded: l }) => [l?.format, l?.records])).toEqual([
      ['aws-ads', { imported: 2, ignored: 0, rejected: 1 }],
      ['aws-ads', { imported: 3, ignored: 0, rejected: 0 }],
      ['aws-ads', { imported: 1, ignored: 0, rejected: 0 }],
      ['aws-ads', { imported: 4, ignored: 0, rejected: 1 }],
    ]);
    expect(loaded[0]!.messages).toEqual(['warning 4 record rejected: agent_id is blank']);
    expect(loaded[3]!.messages).toEqual(['warning 6 record rejected: source_ip or destination_ip is blank']);
    const estate = buildEstate(
      loaded.map(({ loaded: l }) => l!),
      [],
    );
    expect(
      estate.hosts.map(({ host }) => [host.id, host.aliases, host.ips, host.cpu?.cores, host.memoryGiB, host.os?.name]),
    ).toEqual([
      ['ords-app01', ['o-0a1b2c3d4e5f60001'], ['10.2.1.10'], 4, 16, 'Linux - Red Hat Enterprise Linux Server'],
      [
        'ords-web01',
        ['o-0a1b2c3d4e5f60002'],
        ['10.2.1.20'],
        undefined,
        undefined,
        'Microsoft Windows Server 2016 Datacenter',
      ],
    ]);
    expect(
      estate.connections.map((c) => [c.source, c.target, c.port, c.observations, c.sourceHost, c.targetHost]),
    ).toEqual([
      ['ords-app01', '10.8.0.50', undefined, 1, 'ords-app01', undefined],
      ['ords-app01', '10.8.0.50', 1521, 1, 'ords-app01', undefined],
      ['ords-web01', 'ords-app01', 8443, 2, 'ords-web01', 'ords-app01'],
    ]);
  });

  it('Migration Hub import template: several IPs in one cell, applications per server, a blank row rejected', async () => {
    const { loaded, messages } = await load('aws/migration-hub-import.csv');
    expect(loaded?.format).toBe('aws-ads');
    expect(messages).toEqual(['warning 4 record rejected: no ExternalId, HostName or IPAddress']);
    expect(hostsOf(loaded)['hr-app01.corp.example']).toMatchObject({
      ips: ['10.3.0.42', '10.3.9.42'],
      aliases: ['srv-0042', 'vm-942'],
      cpu: { cores: 8 },
      memoryGiB: 24,
      platform: 'Windows',
      virtualisation: 'VMware vSphere',
    });
    expect(loaded?.inventory.applications).toEqual([
      { id: 'HR Portal', hosts: ['hr-app01.corp.example', 'hr-db01.corp.example'] },
      { id: 'Payroll', hosts: ['hr-db01.corp.example'] },
    ]);
  });

  it('Cloud Migration Factory intake: one row per application and server, servers shared between applications', async () => {
    const { loaded, messages } = await load('aws/cmf-intake.csv');
    expect(loaded?.format).toBe('aws-cmf');
    expect(messages).toEqual(['warning 5 record rejected: server_name is blank']);
    expect(hostsOf(loaded)['pay-app01']).toMatchObject({
      hostname: 'pay-app01.corp.example',
      os: { name: 'windows', version: 'Windows Server 2016' },
      platform: 'Windows',
      environment: 'prod',
      groups: ['app'],
    });
    expect(loaded?.inventory.applications).toEqual([
      { id: 'Payroll', hosts: ['pay-app01', 'pay-db01'] },
      { id: 'Timesheets', hosts: ['pay-app01'] },
    ]);
  });
});

describe('Ansible', () => {
  it('INI: ranges, groups through children, group and host variables; passwords are never read', async () => {
    const { loaded, messages } = await load('ansible/hosts');
    expect(loaded?.format).toBe('ansible');
    expect(messages).toEqual([]);
    const hosts = hostsOf(loaded);
    expect(Object.keys(hosts)).toEqual([
      'bastion01.corp.example',
      'pay-app01.corp.example',
      'pay-app02.corp.example',
      'pay-app03.corp.example',
      'pay-db01.corp.example',
      'ts-win01',
    ]);
    expect(hosts['pay-db01.corp.example']).toMatchObject({
      ips: ['10.4.1.10'],
      os: { name: 'RHEL', version: '8.8' },
      platform: 'Linux',
      groups: ['hr', 'payroll'],
      environment: 'production',
      location: 'DC-MUC',
    });
    expect(hosts['ts-win01']).toMatchObject({ platform: 'Windows', groups: ['hr', 'timesheets'] });
    expect(hosts['bastion01.corp.example']?.groups).toEqual([]);
    expect(JSON.stringify(loaded)).not.toContain('S3cret');
  });

  it('YAML: nested children, alphabetic ranges, facts for sizing', async () => {
    const { loaded } = await load('ansible/inventory.yml');
    const hosts = hostsOf(loaded);
    expect(Object.keys(hosts).sort()).toEqual([
      'db01.corp.example',
      'jump01.corp.example',
      'weba.corp.example',
      'webb.corp.example',
      'webc.corp.example',
    ]);
    expect(hosts['weba.corp.example']).toMatchObject({
      groups: ['production', 'webservers'],
      environment: 'staging',
      ips: ['10.5.0.10'],
    });
    expect(hosts['db01.corp.example']).toMatchObject({
      groups: ['dbservers', 'production'],
      cpu: { cores: 16 },
      memoryGiB: 64,
    });
    expect(loaded?.lines.get('host:db01.corp.example')).toBe(17);
  });

  it('ranges are counted before they are made: a 270-byte pattern for a hundred million hosts yields a capped file and a warning', async () => {
    const dir = await makeTree({
      'inventory/hosts.ini': `[web]\nweb[0:9999]-rack-[0:9999]-node-[0:9999].corp.example\n[web:vars]\nos=RHEL\n`,
    });
    const started = Date.now();
    const { loaded, messages } = await load('inventory/hosts.ini', dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(Object.keys(hostsOf(loaded))).toHaveLength(10_000);
    expect(hostsOf(loaded)['web0-rack-0-node-9999.corp.example']).toMatchObject({ groups: ['web'] });
    expect(messages).toEqual([]);
    const many = Array.from({ length: 12 }, (_, n) => `app${n}-[0:9999]`).join('\n');
    const capped = await load(
      'inventory/many.ini',
      await makeTree({ 'inventory/many.ini': `[apps]\n${many}\n[apps:vars]\nos=RHEL\n` }),
    );
    expect(Object.keys(hostsOf(capped.loaded))).toHaveLength(100_000);
    expect(capped.messages).toEqual(['warning 12 more than 100,000 hosts; the rest of the file is not read']);
  });

  it('a :children chain 50,000 groups deep is walked, not recursed', async () => {
    const chain = Array.from({ length: 50_000 }, (_, n) => `[g${n + 1}:children]\ng${n}`).join('\n');
    const dir = await makeTree({ 'inventory/deep.ini': `[g0]\nleaf01.corp.example\n${chain}\n` });
    const { loaded } = await load('inventory/deep.ini', dir);
    const groups = hostsOf(loaded)['leaf01.corp.example']?.groups ?? [];
    expect(groups).toContain('g0');
    expect(groups.length).toBe(1_000);
  });
});

describe('netstat and ss captures', () => {
  it('Linux netstat -anp: direction from listening ports, loopback and closing sockets ignored, IPv4-mapped addresses', async () => {
    const { loaded } = await load('netstat/erp-app01.netstat.txt');
    expect(loaded?.format).toBe('netstat');
    expect(loaded?.records).toEqual({ imported: 7, ignored: 2, rejected: 0 });
    expect(loaded?.inventory.connections).toEqual([
      { source: '10.1.30.77', target: 'erp-app01', port: 3200, observations: 1, targetProcess: 'disp+work' },
      { source: '10.1.30.78', target: 'erp-app01', port: 3200, observations: 1, targetProcess: 'disp+work' },
      { source: 'erp-app01', target: '10.1.20.32', port: 1521, observations: 2, sourceProcess: 'disp+work' },
      { source: 'erp-app01', target: '172.16.4.4', port: 3299, observations: 1, sourceProcess: 'saprouter' },
    ]);
    expect(hostsOf(loaded)['erp-app01']?.ips).toEqual(['10.1.20.31']);
  });

  it('Windows netstat -ano (CRLF, LISTENING, PIDs) and ss with a declared host name', async () => {
    const windows = await load('netstat/hr-app01.txt');
    expect(windows.loaded?.inventory.connections).toEqual([
      { source: '10.3.50.10', target: 'hr-app01', port: 443, observations: 1, targetProcess: 'pid 4' },
      { source: 'hr-app01', target: '10.3.0.43', port: 5432, observations: 2, sourceProcess: 'pid 4312' },
    ]);
    const ss = await load('netstat/ords-app01.ss.txt');
    expect(ss.loaded?.inventory.connections).toEqual([
      { source: 'ords-app01', target: '10.8.0.50', port: 1521, observations: 1, sourceProcess: 'java' },
      { source: '10.2.1.20', target: 'ords-app01', port: 8443, observations: 1, targetProcess: 'java' },
    ]);
  });
});

describe('cloudready CSV', () => {
  it('hosts, software, applications and connections files; each bad record rejected with its line and field', async () => {
    const [hosts, software, applications, connections] = await Promise.all(
      ['hosts', 'software', 'applications', 'connections'].map((kind) => load(`cloudready-csv/${kind}.csv`)),
    );
    expect(hosts!.messages).toEqual([
      'warning 4 record rejected: cpu.cores: Invalid input: expected number, received string',
    ]);
    expect(hostsOf(hosts!.loaded)['lnx01']).toMatchObject({
      ips: ['10.6.0.6', '10.6.9.6'],
      platform: 'Linux',
      os: { name: 'Red Hat Enterprise Linux', version: '9.2' },
    });
    expect(software!.messages).toEqual([
      expect.stringMatching(/^warning 4 record rejected: licence\.model: Invalid option/),
    ]);
    expect(hostsOf(software!.loaded)['lnx01']?.software).toEqual([
      {
        name: 'MATLAB Runtime',
        vendor: 'MathWorks',
        version: 'R2023b',
        licence: { model: 'node-locked', byol: false, server: 'lic01.corp.example' },
      },
    ]);
    expect(applications!.messages).toEqual([
      expect.stringMatching(/^warning 3 record rejected: sla\.availability: Too big/),
    ]);
    expect(applications!.loaded?.inventory.applications).toEqual([
      {
        id: 'trading',
        hosts: ['sol01', 'lnx01'],
        sla: {
          availability: 99.95,
          rtoMinutes: 30,
          rpoMinutes: 5,
          criticality: 'mission-critical',
          dataClassification: 'confidential',
        },
      },
    ]);
    expect(connections!.messages).toEqual([expect.stringMatching(/^warning 4 record rejected: port: Too big/)]);
    expect(connections!.loaded?.inventory.connections).toEqual([
      { source: 'lnx01', target: 'sol01', port: 1521, protocol: 'oracle-net', volume: 'high', latencySensitive: true },
      {
        source: 'lnx01',
        target: '10.6.50.1',
        port: 443,
        protocol: 'https',
        latencySensitive: false,
        observations: 240,
      },
    ]);
  });
});

describe('CMDB CSV with a column mapping', () => {
  it('maps columns by the names cloudready.yaml gives; names a mapped column the file lacks', async () => {
    const dir = await makeTree({
      'cmdb.csv':
        'CI Name;FQDN;IP Address;Operating System;RAM (MB);CPU Count;Business Service;Location\r\nSRV-0101;srv-0101.corp.example;10.9.1.1;AIX 7.2;65536;8;Treasury, Risk;DC-1\r\n;;;;;;;\r\nSRV-0102;;10.9.1.2;Windows Server 2019;8192;2;;DC-2\r\n',
    });
    const columns = {
      id: 'CI Name',
      hostname: 'FQDN',
      ips: 'IP Address',
      os: 'Operating System',
      memoryMiB: 'RAM (MB)',
      cores: 'CPU Count',
      application: 'Business Service',
      location: 'Location',
      environment: 'Env',
    };
    const { loaded, messages } = await load('cmdb.csv', dir, { format: 'cmdb-csv', columns });
    expect(messages).toEqual(['warning 1 the column mapping names "Env", which the header does not have']);
    expect(loaded?.records).toEqual({ imported: 2, ignored: 0, rejected: 0 });
    expect(hostsOf(loaded)['SRV-0101']).toMatchObject({
      platform: 'AIX',
      memoryGiB: 64,
      cpu: { cores: 8 },
      location: 'DC-1',
    });
    expect(loaded?.inventory.applications).toEqual([
      { id: 'Treasury', hosts: ['SRV-0101'] },
      { id: 'Risk', hosts: ['SRV-0101'] },
    ]);
  });
});

describe('large exports', () => {
  // Over 1 MiB a UTF-8 CSV is parsed from its bytes, never made one string; other encodings are decoded first.
  const rows = (count: number) =>
    Array.from(
      { length: count },
      (_, at) =>
        `srv${String(at).padStart(6, '0')};srv${at}.corp.example;10.${(at >> 16) & 255}.${(at >> 8) & 255}.${at & 255};Ubuntu 22.04;4;Zürich`,
    ).join('\r\n');
  const header = 'id;hostname;ips;os;cpu_cores;location';

  it('reads a UTF-8 file with a byte order mark, an Excel sep= line and a title above the header from its bytes', async () => {
    const text = `sep=;\r\nServer export 2026-12-01\r\n${header}\r\n${rows(20_000)}\r\n`;
    const dir = await makeTree({});
    await fs.writeFile(
      path.join(dir, 'hosts.csv'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    );
    const { loaded, messages } = await load('hosts.csv', dir);
    expect((await fs.stat(path.join(dir, 'hosts.csv'))).size).toBeGreaterThan(1024 * 1024);
    expect(loaded?.format).toBe('cloudready-csv');
    expect(loaded?.records).toEqual({ imported: 20_000, ignored: 0, rejected: 0 });
    expect(messages.filter((message) => !message.startsWith('info'))).toEqual([]);
    expect(hostsOf(loaded)['srv019999']).toMatchObject({
      hostname: 'srv19999.corp.example',
      location: 'Zürich',
      cpu: { cores: 4 },
    });
    // The line of a host is its line in the file, counting the sep= and title lines.
    expect(loaded?.lines.get('host:srv000000')).toBe(4);
  });

  it('decodes a Latin-1 file as before: its accents are kept', async () => {
    const dir = await makeTree({});
    await fs.writeFile(path.join(dir, 'hosts.csv'), Buffer.from(`${header}\n${rows(20_000)}\n`, 'latin1'));
    const { loaded } = await load('hosts.csv', dir);
    expect(loaded?.records.imported).toBe(20_000);
    expect(hostsOf(loaded)['srv000001']!.location).toBe('Zürich');
  });
});

describe('recognising files', () => {
  it('a CSV in no known layout is an error when named by the user, naming the formats cloudready reads', async () => {
    const dir = await makeTree({ 'hosts.csv': 'host,ip\nweb01,10.0.0.1\n', 'notes.txt': 'just some notes' });
    for (const file of ['hosts.csv', 'notes.txt']) {
      const { loaded, diagnostics } = await load(file, dir);
      expect(loaded).toBeUndefined();
      expect(diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'inventory-format', file })]);
      expect(diagnostics[0]?.message).toContain('RVTools');
    }
  });

  it('a CSV with an unterminated quote is an error with the line the parser stopped at', async () => {
    const dir = await makeTree({
      'deps.csv':
        'Source server name,Source IP,Destination IP,Destination port\nweb01,10.0.0.1,10.0.0.2,443\n"web02,10.0.0.3,10.0.0.2,443\n',
    });
    const { diagnostics } = await load('deps.csv', dir);
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'inventory-invalid', file: 'deps.csv', line: 3 }),
    ]);
  });
});

describe('the estate across files', () => {
  it('one machine named differently by several exports is one host; applications and connections resolve to it', async () => {
    const sources = ['netstat/hr-app01.txt', 'aws/migration-hub-import.csv'];
    const diagnostics: Diagnostic[] = [];
    const estate = buildEstate(
      (await Promise.all(sources.map((file) => load(file)))).map(({ loaded }) => loaded!),
      diagnostics,
    );
    expect(estate.hosts.map(({ host, formats }) => [host.id, formats])).toEqual([
      ['hr-app01.corp.example', ['aws-ads', 'netstat']],
      ['hr-db01.corp.example', ['aws-ads']],
    ]);
    expect(estate.resolve('HR-APP01')).toBe('hr-app01.corp.example');
    expect(estate.resolve('10.3.9.42')).toBe('hr-app01.corp.example');
    expect(estate.resolve('127.0.0.1')).toBeUndefined();
    // hr-app01 → 10.3.0.43:5432 is hr-app01 → hr-db01, found through the IP.
    expect(estate.connections.map((c) => [c.source, c.target, c.port, c.targetHost ?? null])).toEqual([
      ['10.3.50.10', 'hr-app01.corp.example', 443, 'hr-app01.corp.example'],
      ['hr-app01.corp.example', 'hr-db01.corp.example', 5432, 'hr-db01.corp.example'],
    ]);
    expect(estate.applications.map((app) => [app.id, app.hosts])).toEqual([
      ['hr-portal', ['hr-app01.corp.example', 'hr-db01.corp.example']],
      ['payroll', ['hr-db01.corp.example']],
    ]);
  });
});

describe('inventories in the fact cache', () => {
  it('reads an unchanged export back with its diagnostics, and imports a changed one afresh', async () => {
    const { FactCache } = await import('../../../src/extract/fact-cache.js');
    const root = await makeTree({
      'inv/vms.csv': await fs.readFile(path.join(FIXTURES, 'rvtools/RVTools_tabvInfo.csv'), 'utf8'),
    });
    const abs = path.join(root, 'inv/vms.csv');
    const source = async () => ({ abs, file: 'inv/vms.csv', size: (await fs.stat(abs)).size, explicit: false });
    const uncached = await load('rvtools/RVTools_tabvInfo.csv');
    const cacheDir = path.join(root, 'cache');

    const first = await FactCache.open(cacheDir, ['inventories']);
    const firstDiagnostics: Diagnostic[] = [];
    const imported = await importInventory(await source(), firstDiagnostics, first);
    expect(first.misses).toBe(1);
    await first.save();

    const second = await FactCache.open(cacheDir, ['inventories']);
    const diagnostics: Diagnostic[] = [];
    const kept = await importInventory(await source(), diagnostics, second);
    expect(second.hits).toBe(1);
    expect(kept).toEqual(imported);
    expect(kept?.inventory.hosts).toEqual(uncached.loaded?.inventory.hosts);
    expect(diagnostics).toEqual(firstDiagnostics);
    expect(diagnostics.map((d) => d.message)).toContain(
      'host ERP-DB01 is listed again (first at line 3); the records are merged',
    );

    // One more VM: a different file, imported again.
    await fs.appendFile(abs, '"APP-NEW01";"poweredOn";4;16384;"Microsoft Windows Server 2019 (64-bit)";"10.1.9.9"\r\n');
    const third = await FactCache.open(cacheDir, ['inventories']);
    await importInventory(await source(), [], third);
    expect(third.misses).toBe(1);
  });
});

/** The entries of a zip archive, name → uncompressed bytes, in archive order. */
async function zipEntries(bytes: Buffer): Promise<[string, Buffer][]> {
  const { default: yauzl } = await import('yauzl');
  const zip = await yauzl.fromBufferPromise(bytes, { autoClose: false });
  const entries: [string, Buffer][] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.push([entry.fileName, Buffer.concat(chunks)]);
  }
  zip.close();
  return entries;
}
