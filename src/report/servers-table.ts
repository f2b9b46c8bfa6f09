import type { ChalkInstance } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import type { ScanResult, Server } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { plural } from '../util/plural.js';

type Status = NonNullable<Server['readiness']>['aws']['status'];

/** Servers shown in the terminal; the JSON result (hosts) has every one. */
const SHOWN = 15;
const CLOUDS = [
  ['aws', 'AWS'],
  ['azure', 'Azure'],
  ['gcp', 'GCP'],
] as const;
const RANK: Record<Status, number> = { 'not-ready': 0, unknown: 1, 'ready-with-conditions': 2, ready: 3 };
const LABEL: Record<Status, string> = {
  'not-ready': 'not ready',
  unknown: 'unknown',
  'ready-with-conditions': 'conditions',
  ready: 'ready',
};

/**
 * The servers the inventories describe, the ones that need attention first: how many are ready
 * on each cloud, then a table of the worst, with the first reason of each.
 */
export function serversSection(result: ScanResult, c: ChalkInstance, width?: number): string[] {
  const judged = result.hosts.filter((server) => server.readiness);
  if (judged.length === 0) return [];
  const lines = ['', ...serversSummary(result, c), serversTable(judged, c, SHOWN, width)];
  if (judged.length > SHOWN)
    lines.push(c.dim(`  … ${judged.length - SHOWN} more (cloudready servers lists them all; --format json: hosts)`));
  return lines;
}

/** How many servers move, how many are ready on each cloud, and what they would cost a month. */
export function serversSummary(result: ScanResult, c: ChalkInstance): string[] {
  const judged = result.hosts.filter((server) => server.readiness);
  const off = judged.filter((server) => server.powerState === 'off').length;
  const notMoved = result.hosts.length - judged.length;
  const counts = CLOUDS.map(([cloud, name]) => {
    const by = (status: Status) => judged.filter((server) => server.readiness![cloud].status === status).length;
    return `${name} ${by('ready')} ready, ${by('ready-with-conditions')} with conditions, ${by('not-ready')} not ready${by('unknown') ? `, ${by('unknown')} unknown` : ''}`;
  });
  return [
    `Servers: ${plural(judged.length, 'server')} to move${off ? ` (${off} powered off)` : ''}${notMoved ? `; ${plural(notMoved, 'hypervisor or appliance', 'hypervisors and appliances')} not moved` : ''}`,
    c.dim(`  ${counts.join(' · ')}`),
    ...costLines(result, c),
    ...findingLines(result, c),
  ];
}

/** The findings of servers that run no application: how many of each severity, the rules most often found. */
function findingLines(result: ScanResult, c: ChalkInstance): string[] {
  const findings = result.serverFindings;
  if (findings.length === 0) return [];
  const severities = (['blocker', 'major', 'minor', 'info'] as const).flatMap((severity) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return count > 0 ? [`${count} ${severity}`] : [];
  });
  const byRule = new Map<string, number>();
  for (const finding of findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const top = [...byRule].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
  const listed = top
    .slice(0, 5)
    .map(([rule, count]) => `${rule} ×${count}`)
    .join(', ');
  return [
    c.dim(
      `  Findings on servers that run no application: ${severities.join(', ')} (${listed}${top.length > 5 ? ', …' : ''}; --format json: serverFindings)`,
    ),
  ];
}

/** Widths of the OS and reason columns, and the least they wrap to on a narrow terminal. */
const OS_WIDTH = [28, 14] as const;
const REASON_WIDTH = [60, 24] as const;

/**
 * Servers worst first (not ready somewhere, then unknown, then with conditions), at most `limit`,
 * with the first reason of each. On a terminal of a given width the power, memory and vCPU columns
 * give way, then the reason column wraps narrower, then the OS column, so the table fits where it can.
 */
export function serversTable(servers: Server[], c: ChalkInstance, limit = Infinity, width?: number): string {
  const judged = servers.filter((server) => server.readiness);
  const worst = (server: Server) => Math.min(...CLOUDS.map(([cloud]) => RANK[server.readiness![cloud].status]));
  const ordered = [...judged].sort((a, b) => worst(a) - worst(b) || compareStrings(a.id, b.id));
  const paint = (status: Status) =>
    (status === 'ready' ? c.green : status === 'not-ready' ? c.red : status === 'unknown' ? c.dim : c.yellow)(
      LABEL[status],
    );
  const rows = ordered.slice(0, limit).map((server) => {
    const reason = CLOUDS.map(([cloud]) => server.readiness![cloud].reasons[0]).find(Boolean) ?? '';
    // The inventory's id (a VM's name): DNS names repeat where guests were left unnamed.
    return [
      server.id,
      server.os?.name ?? c.dim('?'),
      server.powerState ?? '',
      server.cores ?? '',
      server.memoryGiB ?? '',
      ...CLOUDS.map(([cloud]) => paint(server.readiness![cloud].status)),
      reason,
    ];
  });
  // Power, memory and vCPUs give way first on a narrow terminal; then the reason, then the OS, wrap narrower.
  const heads = ['Server', 'OS', 'Power', 'vCPU', 'GiB', ...CLOUDS.map(([, name]) => name), 'First reason'];
  const aligns = ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'left', 'left'] as const;
  let shown = heads.map((_head, at) => at);
  const render = (osWidth: number, reasonWidth: number) => {
    const table = new Table({
      head: shown.map((at) => c.bold(heads[at]!)),
      colAligns: shown.map((at) => aligns[at]!),
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      colWidths: shown.map((at) =>
        at === 1 ? osWidth : at === heads.length - 1 ? reasonWidth : null,
      ) as unknown as number[],
      wordWrap: true,
    });
    for (const row of rows) table.push(shown.map((at) => row[at]!));
    return table.toString();
  };
  const tableWidth = (text: string) => stripVTControlCharacters(text.slice(0, text.indexOf('\n'))).length;
  let os: number = OS_WIDTH[0];
  let reason: number = REASON_WIDTH[0];
  let text = render(os, reason);
  for (const dropped of [2, 4, 3]) {
    if (!width || tableWidth(text) <= width) break;
    shown = shown.filter((at) => at !== dropped);
    text = render(os, reason);
  }
  if (width && tableWidth(text) > width) {
    reason = Math.max(REASON_WIDTH[1], reason - (tableWidth(text) - width));
    text = render(os, reason);
  }
  if (width && tableWidth(text) > width) {
    os = Math.max(OS_WIDTH[1], os - (tableWidth(text) - width));
    text = render(os, reason);
  }
  return text;
}

/** The month's cost per cloud at the list's prices, with the date and source of the prices, and what could not be sized. */
function costLines(result: ScanResult, c: ChalkInstance): string[] {
  const costs = result.serverCosts;
  if (!costs) return [];
  const money = (value: number) =>
    `${costs.currency === 'USD' ? '$' : `${costs.currency} `}${Math.round(value).toLocaleString('en-US')}`;
  const per = CLOUDS.flatMap(([cloud, name]) => {
    const cost = costs.clouds[cloud];
    return cost ? [{ name, cost }] : [];
  });
  const on = per.map(({ name, cost }) => `${name} ${money(cost.monthly)} (${cost.region})`).join(' · ');
  const off = per
    .filter(({ cost }) => cost.poweredOff.servers > 0)
    .map(({ name, cost }) => `${name} ${money(cost.poweredOff.monthly)}`);
  const unsized = per.filter(({ cost }) => cost.unsized > 0).map(({ name, cost }) => `${name} ${cost.unsized}`);
  const source = costs.source === 'built-in' ? 'built-in list prices' : costs.source;
  return [
    c.dim(`  A month, ${sizingBasis(result.hosts)} (${source} of ${costs.priceDate}, ${costs.currency}): ${on}`),
    ...(off.length > 0 ? [c.dim(`  Powered off, if they move too: ${off.join(' · ')}`)] : []),
    ...(unsized.length > 0
      ? [c.dim(`  Not sized (not ready there, or no vCPUs or memory in the inventory): ${unsized.join(' · ')}`)]
      : []),
  ];
}

/** What the sizes were picked from: allocation, or measured use for some servers. */
function sizingBasis(servers: Server[]): string {
  const sized = servers.filter((server) => server.targets && Object.values(server.targets).some(Boolean));
  const measured = sized.filter((server) =>
    Object.values(server.targets!).some((target) => target?.basis === 'utilisation'),
  ).length;
  if (measured === 0) return 'sized on allocated vCPUs and memory';
  if (measured === sized.length) return 'sized on measured use with 30 % head-room';
  return `sized on measured use with 30 % head-room for ${plural(measured, 'server')}, on allocation for ${sized.length - measured}`;
}
