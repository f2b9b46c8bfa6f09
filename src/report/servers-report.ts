import { Chalk, type ChalkInstance } from 'chalk';
import { CLOUDS } from '../assess/servers/clouds.js';
import type { ScanResult, Server } from '../result/schema.js';
import { printableDeep } from '../util/printable.js';
import { spreadsheetCsv } from './csv-cells.js';
import type { ReportOptions } from './reporter-types.js';
import { serversSummary, serversTable } from './servers-table.js';

/** Every server the inventories describe, worst first, with the month's cost per cloud. */
export function serversText(result: ScanResult, options: ReportOptions): string {
  return table(printableDeep(result), new Chalk({ level: options.color ? 1 : 0 }), options.width);
}

export function serversJson(result: ScanResult): string {
  return `${JSON.stringify({ serverCosts: result.serverCosts, hosts: result.hosts }, null, 2)}\n`;
}

/** One row per server, for the spreadsheet an infrastructure team plans in. */
export function serversCsv(result: ScanResult): string {
  return csv(result.hosts, result);
}

/** One row per server for a spreadsheet: what it is, then per cloud its verdict, first reason, size and month. */
function csv(servers: Server[], result: ScanResult): string {
  const currency = result.serverCosts?.currency ?? '';
  // Every figure says its region, and the last column the day of its prices.
  const perCloud = CLOUDS.flatMap((cloud) => [
    `${cloud}_readiness`,
    `${cloud}_reasons`,
    `${cloud}_instance`,
    `${cloud}_monthly_${currency.toLowerCase() || 'cost'}`,
    `${cloud}_region`,
  ]);
  const rows = [
    [
      'id',
      'name',
      'kind',
      'power',
      'os',
      'os_lifecycle',
      'end_of_support',
      'extended_until',
      'vcpus',
      'memory_gib',
      'storage_gib',
      'storage_used_gib',
      'disks',
      'snapshots',
      'datacenter',
      'cluster',
      'hypervisor',
      'applications',
      'cpu_used_percent',
      'memory_used_percent',
      'sized_on',
      'findings',
      ...perCloud,
      'prices_of',
    ],
  ];
  const findings = new Map<string, string[]>();
  for (const finding of result.serverFindings)
    findings.set(finding.serverId, [...(findings.get(finding.serverId) ?? []), finding.ruleId]);
  for (const server of servers) {
    const bases = new Set(Object.values(server.targets ?? {}).map((target) => target?.basis));
    rows.push([
      server.id,
      server.name,
      server.kind,
      server.powerState ?? '',
      server.os?.name ?? '',
      server.os?.lifecycle ?? '',
      server.os?.endOfSupport ?? '',
      server.os?.extendedUntil ?? '',
      String(server.cores ?? ''),
      String(server.memoryGiB ?? ''),
      String(server.storageGiB ?? ''),
      String(server.storageUsedGiB ?? ''),
      String(server.disks?.count ?? ''),
      String(server.snapshots ?? ''),
      server.datacenter ?? '',
      server.cluster ?? '',
      server.hypervisor ?? '',
      server.applications.join(';'),
      String(server.utilisation?.cpuPercent ?? ''),
      String(server.utilisation?.memoryPercent ?? ''),
      bases.has('utilisation') ? 'utilisation' : bases.has('allocation') ? 'allocation' : '',
      (findings.get(server.id) ?? []).join(';'),
      ...CLOUDS.flatMap((cloud) => {
        const verdict = server.readiness?.[cloud];
        const target = server.targets?.[cloud];
        return [
          verdict?.status ?? '',
          verdict?.reasons.join('; ') ?? '',
          target?.instance ?? '',
          target ? String(target.monthly.total) : '',
          target ? (result.serverCosts?.clouds[cloud]?.region ?? '') : '',
        ];
      }),
      result.serverCosts
        ? `${result.serverCosts.source === 'built-in' ? 'built-in list' : result.serverCosts.source} of ${result.serverCosts.priceDate}`
        : '',
    ]);
  }
  return spreadsheetCsv(rows);
}

function table(result: ScanResult, c: ChalkInstance, width?: number): string {
  if (result.hosts.length === 0)
    return 'No servers: cloudready reads them from inventories (RVTools, Azure Migrate, AWS, CMDB, its own format; docs/inventory.md).\n';
  const lines = serversSummary(result, c);
  const hypervisors = result.hosts
    .filter((server) => !server.readiness)
    .map((server) => `${server.id} (${server.kind})`);
  return `${[...lines, serversTable(result.hosts, c, Infinity, width), ...(hypervisors.length ? [c.dim(`Not moved: ${hypervisors.join(', ')}`)] : [])].join('\n')}\n`;
}
