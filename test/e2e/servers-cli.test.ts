import { describe, expect, it } from 'vitest';
import { RVTOOLS_EXPORT } from '../helpers/rvtools-export.js';
import { EURO_PRICES } from '../helpers/price-list.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

describe('scan of an RVTools export with no code', () => {
  it('prints the servers, worst first, with a verdict per cloud, and gives every server in the JSON result', async () => {
    const root = await makeTree(RVTOOLS_EXPORT);
    const table = runCli(['scan', root, '--no-cache', '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'No application code found: the servers below are judged from the inventories alone.',
    );
    expect(table.stdout).toContain('Servers: 6 servers to move (1 powered off); 1 hypervisor or appliance not moved');
    expect(table.stdout).toContain(
      'AWS 1 ready, 3 with conditions, 2 not ready · Azure 1 ready, 3 with conditions, 2 not ready · GCP 1 ready, 2 with conditions, 3 not ready',
    );
    expect(table.stdout).toMatch(
      /A month, sized on measured use with 30 % head-room for 2 servers, on allocation for 2 \(built-in list prices of \d{4}-\d{2}-\d{2}, USD\): AWS \$[\d,]+ \(us-east-1\) · Azure \$[\d,]+ \(eastus\) · GCP \$[\d,]+ \(us-central1\)/,
    );
    expect(table.stdout).toContain(
      'Findings on servers that run no application: 8 major, 4 minor (platform-and-sla/end-of-life-os ×2,',
    );
    expect(table.stdout).toContain('Powered off, if they move too: AWS $');
    const rows = table.stdout.split('\n').filter((line) => /^│ \S/.test(line));
    // Not ready somewhere first (FS-LEGACY01 on GCP, archive01's disk, Solaris), ready last.
    expect(rows.map((line) => line.split('│')[1]!.trim())).toEqual([
      'Server',
      'FS-LEGACY01',
      'archive01',
      'sol-billing',
      'SQL-REPORTS',
      'app-node-b',
      'app-node-a',
    ]);

    const json = runCli(['scan', root, '--no-cache', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).not.toContain('no applications found');
    const result = JSON.parse(json.stdout) as { hosts: { id: string; readiness?: { gcp: { status: string } } }[] };
    expect(result.hosts).toHaveLength(7);
    expect(result.hosts.find((host) => host.id === 'sol-billing')?.readiness?.gcp.status).toBe('not-ready');

    // Code scanning gets each server finding at the VM's row of the export.
    const sarif = runCli(['scan', root, '--no-cache', '--format', 'sarif']);
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
            properties: { serverId?: string };
          }[];
        }[];
      }
    ).runs[0]!.results;
    const raw = results.find((item) => item.ruleId === 'servers/raw-disk')!;
    expect(raw.properties.serverId).toBe('FS-LEGACY01');
    expect(raw.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'inventory/rvtools/RVTools_tabvInfo.csv', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2 },
    });
    expect(results).toHaveLength(12);
  });

  it('costs with the price list given by --prices, and stops with its file and line when it is wrong', async () => {
    const root = await makeTree({
      ...RVTOOLS_EXPORT,
      'prices.yaml': EURO_PRICES,
      'bad-prices.yaml': EURO_PRICES.replace('perGiBMonth: 0.05', 'perGiBMonth: cheap'),
    });
    const json = runCli(['scan', '.', '--no-cache', '--format', 'json', '--prices', 'prices.yaml'], { cwd: root });
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as {
      serverCosts: { source: string; currency: string; clouds: Record<string, { region: string; servers: number }> };
    };
    expect(result.serverCosts).toMatchObject({
      source: 'prices.yaml',
      currency: 'EUR',
      clouds: { azure: { region: 'westeurope', servers: 3 } },
    });
    expect(Object.keys(result.serverCosts.clouds)).toEqual(['azure']);

    const bad = runCli(['scan', '.', '--no-cache', '--prices', 'bad-prices.yaml'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-prices.yaml:7: clouds.azure.storage.perGiBMonth');
    const missing = runCli(['scan', '.', '--no-cache', '--prices', 'none.yaml'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.yaml: price list not found');
  });
});

describe('cloudready servers', () => {
  it('lists every server worst first, writes one CSV row per server with each cloud, and says when there are none', async () => {
    const root = await makeTree(RVTOOLS_EXPORT);
    const table = runCli(['servers', root, '--no-cache', '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe(
      'Servers: 6 servers to move (1 powered off); 1 hypervisor or appliance not moved',
    );
    expect(table.stdout).toContain('Not moved: esx01.corp.example (hypervisor)');
    const csv = runCli(['servers', root, '--no-cache', '--format', 'csv']).stdout.trim().split(/\r?\n/);
    expect(csv).toHaveLength(8);
    expect(csv[0]).toMatch(
      /^id,name,kind,power,os,os_lifecycle,end_of_support,extended_until,vcpus,memory_gib,storage_gib,storage_used_gib,disks,snapshots,datacenter,cluster,hypervisor,applications,cpu_used_percent,memory_used_percent,sized_on,findings,aws_readiness,aws_reasons,aws_instance,aws_monthly_usd,aws_region,azure_readiness.*,prices_of$/,
    );
    expect(csv.find((line) => line.startsWith('sol-billing,'))).toContain(',not-ready,');
    // What a VM uses and what it was sized on, and its findings, beside the verdicts.
    expect(csv.find((line) => line.startsWith('app-node-a,'))).toContain(',10,20,utilisation,,');
    expect(csv.find((line) => line.startsWith('app-node-a,'))).toMatch(
      /,us-east-1,.*,eastus,.*,us-central1,built-in list of \d{4}-\d{2}-\d{2}$/,
    );
    expect(csv.find((line) => line.startsWith('archive01,'))).toContain(',70080,58593.8,2,');
    expect(csv.find((line) => line.startsWith('SQL-REPORTS,'))).toContain(
      ',,,allocation,platform-and-sla/end-of-life-os;servers/snapshots,',
    );
    const empty = await makeTree({ 'README.md': '# nothing here\n' });
    expect(runCli(['servers', empty, '--no-cache']).stdout).toContain(
      'No servers: cloudready reads them from inventories',
    );
  });
});

describe('RVTools exports found by their names', () => {
  it('reads them anywhere in a scanned folder, and when one is named alone on the command line', async () => {
    const root = await makeTree(
      Object.fromEntries(
        Object.entries(RVTOOLS_EXPORT).map(([file, text]) => [file.replace('inventory/rvtools/', 'exports/'), text]),
      ),
    );
    const folder = JSON.parse(runCli(['scan', root, '--no-cache', '--format', 'json']).stdout) as { hosts: unknown[] };
    expect(folder.hosts).toHaveLength(7);
    const alone = JSON.parse(
      runCli(['scan', `${root}/exports/RVTools_tabvInfo.csv`, '--no-cache', '--format', 'json']).stdout,
    ) as { hosts: { id: string }[] };
    expect(alone.hosts.map((host) => host.id)).toEqual([
      'FS-LEGACY01',
      'SQL-REPORTS',
      'app-node-a',
      'app-node-b',
      'archive01',
      'sol-billing',
    ]);
  });
});
