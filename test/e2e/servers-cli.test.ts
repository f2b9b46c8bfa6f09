import { describe, expect, it } from 'vitest';
import { RVTOOLS_EXPORT } from '../helpers/rvtools-export.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

describe('scan of an RVTools export with no code', () => {
  it('prints the servers, worst first, with a verdict per cloud, and gives every server in the JSON result', async () => {
    const root = await makeTree(RVTOOLS_EXPORT);
    const table = runCli(['scan', root, '--no-cache', '--no-color']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('No application code found: the servers below are judged from the inventories alone.');
    expect(table.stdout).toContain('Servers: 6 servers to move (1 powered off); 1 hypervisor or appliance not moved');
    expect(table.stdout).toContain('AWS 2 ready, 2 with conditions, 2 not ready · Azure 2 ready, 2 with conditions, 2 not ready · GCP 2 ready, 1 with conditions, 3 not ready');
    const rows = table.stdout.split('\n').filter((line) => /^│ \S/.test(line));
    // Not ready somewhere first (FS-LEGACY01 on GCP, archive01's disk, Solaris), ready last.
    expect(rows.map((line) => line.split('│')[1]!.trim())).toEqual(['Server', 'FS-LEGACY01', 'archive01', 'sol-billing', 'SQL-REPORTS', 'app-node-a', 'app-node-b']);

    const json = runCli(['scan', root, '--no-cache', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).not.toContain('no applications found');
    const result = JSON.parse(json.stdout) as { hosts: { id: string; readiness?: { gcp: { status: string } } }[] };
    expect(result.hosts).toHaveLength(7);
    expect(result.hosts.find((host) => host.id === 'sol-billing')?.readiness?.gcp.status).toBe('not-ready');
  });
});
