import { Chalk, type ChalkInstance } from 'chalk';
import { platformOf } from '../extract/inventory/inventory-values.js';
import { hostsOf } from '../model/application-hosts.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { ScanResult, WaveSchedule } from '../result/schema.js';
import { printableDeep } from '../util/printable.js';
import { spreadsheetCsv } from './csv-cells.js';
import type { ReportOptions } from './reporter-types.js';

/** What `cloudready waves` renders: a wave plan (the scan's, or one planned with other limits) and the result it is of. */
export interface WavesInput {
  plan: ScanResult['waves'] & { schedule?: WaveSchedule | undefined };
  result: ScanResult;
  /** The result's graph, as the plan was made on it. */
  graph: PortfolioGraph;
}

/** "4 Jan 2027 → 15 Jan 2027, 10 working days" */
export function wavePeriod(schedule: WaveSchedule | undefined, wave: number): string {
  const dates = schedule?.waves.find((entry) => entry.number === wave);
  if (!dates) return '';
  const day = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return `${day(dates.start)} → ${day(dates.end)}, ${dates.workingDays} working day${dates.workingDays === 1 ? '' : 's'}`;
}

function table(plan: WavesInput['plan'], result: ScanResult, c: ChalkInstance): string {
  const score = new Map(result.applications.map((app) => [app.id, app]));
  // The names the portfolio table shows.
  const name = (id: string) => score.get(id)?.name ?? id;
  const lines: string[] = [];
  for (const wave of plan.waves) {
    const period = wavePeriod(plan.schedule, wave.number);
    lines.push(
      c.bold(`Wave ${wave.number}`) +
        c.dim(
          `  ${wave.applications.length} applications, ${wave.hosts.length} hosts, about ${wave.effort} person-days`,
        ) +
        (period ? `  ${period}` : ''),
      c.dim(`  ${wave.reasons[0]}`),
    );
    for (const group of wave.groups) {
      const hosts = group.hosts.map((host) => host.replace(/^host:/, ''));
      lines.push(
        `  ${group.applications.length ? group.applications.map((id) => `${name(id)} (${score.get(id)?.strategy} ${score.get(id)?.score})`).join(' + ') : `servers: ${hosts.join(' + ')}`}`,
      );
      if (group.hosts.length && group.applications.length) lines.push(c.dim(`    hosts: ${hosts.join(', ')}`));
      for (const bond of group.bonds)
        lines.push(c.dim(`    together because they ${bond.detail} (${bond.between.map(name).join(' ↔ ')})`));
    }
    lines.push('');
  }
  lines.push(c.bold('Staying'));
  for (const stay of plan.staying) lines.push(`  ${name(stay.application)}: ${stay.reason}`);
  for (const stay of plan.stayingServers) lines.push(`  server ${stay.server}: ${stay.reason}`);
  if (!plan.staying.length && !plan.stayingServers.length) lines.push(c.dim('  nothing'));
  lines.push('', c.bold('Links across the hybrid boundary'));
  for (const link of plan.crossingLinks) {
    lines.push(
      `  ${link.from} → ${link.to}${link.port ? `:${link.port}` : ''}${link.volume ? `, ${link.volume} volume` : ''}${link.latencySensitive ? c.yellow(', latency-sensitive') : ''}; until ${link.until}`,
    );
  }
  if (!plan.crossingLinks.length) lines.push(c.dim('  none'));
  if (plan.schedule)
    lines.push(
      '',
      c.bold('Roadmap'),
      `  ${plan.waves.length} waves from ${plan.schedule.start} to ${plan.schedule.end} with ${plan.schedule.capacity} people: each wave's effort divided by the people, in working days, one wave after another.`,
    );
  return `${lines.join('\n')}\n`;
}

/** The plan as the terminal shows it. Names come from scanned files: never a raw escape on the terminal. */
export function wavesTable({ plan, result }: WavesInput, options: ReportOptions): string {
  return table(printableDeep(plan), printableDeep(result), new Chalk({ level: options.color ? 1 : 0 }));
}

export function wavesJson({ plan }: WavesInput): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** One row per application (and per group of servers no application runs on), for a spreadsheet. */
export function wavesCsv({ plan, result }: WavesInput): string {
  return csv(plan, result);
}

function csv(plan: WavesInput['plan'], result: ScanResult): string {
  const apps = new Map(result.applications.map((app) => [app.id, app]));
  const rows = [
    ['wave', 'group', 'application', 'name', 'strategy', 'score', 'effort_low', 'effort_high', 'hosts', 'bonds'],
  ];
  for (const wave of plan.waves) {
    for (const group of wave.groups) {
      for (const id of group.applications) {
        const app = apps.get(id)!;
        rows.push([
          String(wave.number),
          group.id,
          id,
          app.name,
          app.strategy,
          String(app.score),
          String(app.effortRange.low),
          String(app.effortRange.high),
          group.hosts.map((host) => host.replace(/^host:/, '')).join(';'),
          group.bonds.map((bond) => bond.detail).join('; '),
        ]);
      }
      // A group of servers no application runs on: one row for the group, its servers under hosts.
      if (group.applications.length === 0)
        rows.push([
          String(wave.number),
          group.id,
          '',
          '',
          'rehost',
          '',
          '',
          '',
          group.hosts.map((host) => host.replace(/^host:/, '')).join(';'),
          group.bonds.map((bond) => bond.detail).join('; '),
        ]);
    }
  }
  return spreadsheetCsv(rows);
}

const R_TYPE: Record<string, string> = {
  rehost: 'Rehost',
  replatform: 'Replatform',
  refactor: 'Refactor',
  repurchase: 'Repurchase',
  relocate: 'Relocate',
  retain: 'Retain',
  retire: 'Retire',
};

/**
 * AWS Cloud Migration Factory intake form: one row per application and server, the columns the
 * factory's intake expects (wave_id, app_name, server_name, server_os_family ...).
 */
function cmf(plan: WavesInput['plan'], result: ScanResult, graph: PortfolioGraph): string {
  const apps = new Map(result.applications.map((app) => [app.id, app]));
  const servers = new Map(result.hosts.map((server) => [server.id, server]));
  const rows = [
    [
      'wave_id',
      'app_name',
      'cloudendure_projectname',
      'aws_accountid',
      'server_name',
      'server_os_family',
      'server_os_version',
      'server_fqdn',
      'server_tier',
      'server_environment',
      'r_type',
      'subnet_IDs',
      'securitygroup_IDs',
      'instanceType',
      'tenancy',
    ],
  ];
  for (const wave of plan.waves) {
    for (const group of wave.groups) {
      // Servers no application runs on: rehosted, under the group's name.
      if (group.applications.length === 0)
        for (const host of group.hosts) rows.push(serverRow(wave.number, group.id, host, 'Rehost'));
      for (const id of group.applications) {
        const app = apps.get(id)!;
        // The intake is one row per server: an application no inventory puts on a server has none (cmfUnhosted).
        for (const host of hostsOf(graph, id)) rows.push(serverRow(wave.number, app.name, host, R_TYPE[app.strategy]!));
      }
    }
  }
  return spreadsheetCsv(rows);

  function serverRow(wave: number, app: string, host: string, rType: string): string[] {
    const attributes = graph.getNodeAttributes(host);
    // Inventories that name the OS but not its family (cloudready's own format) still tell Windows from Linux.
    const platform = String(attributes.platform ?? platformOf(String(attributes.os ?? '')) ?? '');
    const family =
      platform === 'Windows' ? 'windows' : platform === 'Linux' ? 'linux' : platform.toLowerCase() || 'unknown';
    const label = String(attributes.label);
    const id = host.replace(/^host:/, '');
    // The size the scan picked on AWS, when it picked one.
    const instance = servers.get(id)?.targets?.aws?.instance ?? '';
    return [
      String(wave),
      app,
      '',
      '',
      id,
      family,
      String(attributes.os ?? ''),
      label.includes('.') ? label : '',
      '',
      String(attributes.environment ?? ''),
      rType,
      '',
      '',
      instance,
      'Shared',
    ];
  }
}

export function wavesCmf({ plan, result, graph }: WavesInput): string {
  return cmf(plan, result, graph);
}

/** Applications the CMF intake leaves out, because it lists servers and no inventory puts them on one. */
export function cmfUnhosted({ plan, result, graph }: WavesInput): string[] {
  const names = new Map(result.applications.map((app) => [app.id, app.name]));
  return plan.waves
    .flatMap((wave) => wave.groups.flatMap((group) => group.applications))
    .filter((id) => hostsOf(graph, id).length === 0)
    .map((id) => names.get(id) ?? id);
}
