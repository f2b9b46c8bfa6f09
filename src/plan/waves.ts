import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { Application, Server, ServerFinding } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { append } from '../util/multimap.js';
import { communities, ServerUnits, type Bond } from './server-units.js';

export type { Bond } from './server-units.js';

export interface WaveOptions {
  /** Applications per wave at most (a move group larger than this gets a wave of its own). */
  maxPerWave?: number | undefined;
  /** Hosts per wave at most. */
  maxHostsPerWave?: number | undefined;
  /** Person-days of effort per wave at most (typical figures). */
  effortBudget?: number | undefined;
  /** Servers no application runs on, per wave at most (default 25: a replication batch). */
  maxServersPerWave?: number | undefined;
}

export interface MoveGroup {
  id: string;
  applications: string[];
  hosts: string[];
  datastores: string[];
  bonds: Bond[];
}

export interface CrossingLink {
  from: string;
  to: string;
  port?: number | undefined;
  volume?: string | undefined;
  latencySensitive: boolean;
  /** Until when the link crosses: the staying side never moves, or the wave the other side moves in. */
  until: string;
}

export interface Wave {
  number: number;
  groups: MoveGroup[];
  applications: string[];
  hosts: string[];
  effort: number;
  reasons: string[];
}

export interface WavePlan {
  waves: Wave[];
  staying: { application: string; reason: string }[];
  /** Servers no application runs on that no cloud can take as they are. */
  stayingServers: { server: string; reason: string }[];
  crossingLinks: CrossingLink[];
}

const CRITICALITY = ['low', 'important', 'business-critical', 'mission-critical'];
const DATASTORES = new Set(['database', 'cache', 'object-storage']);
const PILOT_SCORE = 70;

/**
 * Move groups and migration waves (docs/waves.md). Applications that share a datastore, run on
 * one host, or talk over a latency-sensitive or high-volume link move together; retained and
 * retired applications stay, and the links to them cross the hybrid boundary. Groups go into
 * waves: a pilot of small, ready, low-criticality groups first, then dependencies before their
 * dependents, less critical before more, within the size and effort limits.
 */
export function planWaves(graph: PortfolioGraph, applications: Application[], options: WaveOptions = {}, servers: Server[] = [], serverFindings: Pick<ServerFinding, 'serverId' | 'effort'>[] = []): WavePlan {
  const maxPerWave = options.maxPerWave ?? 5;
  const maxServersPerWave = options.maxServersPerWave ?? 25;
  const byId = new Map(applications.map((app) => [app.id, app]));
  const staying: WavePlan['staying'] = [];
  const moving = new Set<string>();
  for (const app of [...applications].sort((a, b) => compareStrings(a.id, b.id))) {
    if (app.strategy === 'retain') staying.push({ application: app.id, reason: `retain: ${app.strategyReasons[0] ?? 'its findings keep it in place'}` });
    else if (app.strategy === 'retire') staying.push({ application: app.id, reason: 'retire: decommissioned, not moved' });
    else moving.add(app.id);
  }
  // Servers no application runs on move as units of their own (server-units.ts).
  const serverUnits = new ServerUnits(graph, servers, serverFindings);
  for (const unit of serverUnits.units.keys()) moving.add(unit);
  const appNode = (id: string) => `app:${id}`;
  const hostsOf = (id: string) => (graph.hasNode(appNode(id)) ? graph.filterOutNeighbors(appNode(id), (host) => graph.getNodeAttribute(host, 'kind') === 'host').sort(compareStrings) : []);

  // Union-find over moving applications, remembering why each pair is bound.
  const parent = new Map([...moving].map((id) => [id, id]));
  // Iterative, halving the path as it goes: a chain of 100,000 servers bound one by one overflowed a recursive find.
  const find = (id: string): string => {
    let at = id;
    for (let up = parent.get(at)!; up !== at; up = parent.get(at)!) {
      const grand = parent.get(up)!;
      parent.set(at, grand);
      at = grand;
    }
    return at;
  };
  const bonds: Bond[] = [];
  const bondKeys = new Set<string>();
  const bond = (a: string, b: string, kind: Bond['kind'], detail: string) => {
    if (a === b || !moving.has(a) || !moving.has(b)) return;
    const pair = [a, b].sort(compareStrings) as [string, string];
    const key = [kind, pair[0], pair[1]].join('\0');
    if (!bondKeys.has(key)) {
      bondKeys.add(key);
      bonds.push({ kind, between: pair, detail });
    }
    parent.set(find(a), find(b));
  };
  const label = (node: string) => graph.getNodeAttribute(node, 'label');
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.kind === 'shares-datastore') bond(source.slice(4), target.slice(4), 'shared-datastore', `share ${attributes.datastore ?? 'a datastore'}`);
  });
  const onHost = new Map<string, string[]>();
  for (const id of byId.keys()) for (const host of hostsOf(id)) onHost.set(host, [...(onHost.get(host) ?? []), id]);
  for (const [host, ids] of onHost) for (let i = 1; i < ids.length; i++) bond(ids[0]!, ids[i]!, 'co-location', `both run on ${label(host)}`);
  // Chatty host links: latency-sensitive or high volume between the hosts of two applications.
  forEachHostLink(graph, (source, target, port, volume, latencySensitive) => {
    // A server no application runs on moves with what it talks to, but for infrastructure and hubs.
    if (serverUnits.binds(source, target, port)) {
      const units = (host: string) => (serverUnits.has(host) ? [host] : (onHost.get(host) ?? []));
      for (const a of units(source)) for (const b of units(target)) bond(a, b, latencySensitive || volume === 'high' ? 'chatty-link' : 'connection', `talk over ${label(source)} → ${label(target)}${port ? `:${port}` : ''}`);
    }
    if (!latencySensitive && volume !== 'high') return;
    for (const a of onHost.get(source) ?? []) for (const b of onHost.get(target) ?? []) {
      bond(a, b, 'chatty-link', `talk over a ${latencySensitive ? 'latency-sensitive' : 'high-volume'} link ${label(source)} → ${label(target)}${port ? `:${port}` : ''}`);
    }
  });

  const members = new Map<string, string[]>();
  for (const id of [...moving].sort(compareStrings)) append(members, find(id), id);
  // A component with servers too large to move as one (servers linked in a chain through the
  // estate) is cut into its communities of traffic; the links between them cross for a while.
  const bondsByRoot = new Map<string, Bond[]>();
  for (const entry of bonds) append(bondsByRoot, find(entry.between[0]), entry);
  const parts = [...members].flatMap(([root, units]) => (units.some((unit) => serverUnits.has(unit)) ? communities(units, bondsByRoot.get(root) ?? [], 2 * maxServersPerWave) : [units]));
  const partOf = new Map(parts.flatMap((units, index) => units.map((unit) => [unit, index] as const)));
  const bondsOf = new Map<number, Bond[]>();
  for (const entry of bonds) {
    const part = partOf.get(entry.between[0]);
    if (part !== undefined && part === partOf.get(entry.between[1])) append(bondsOf, part, entry);
  }
  const groups: MoveGroup[] = parts.map((units, part) => {
    const ids = units.filter((unit) => !serverUnits.has(unit));
    const hosts = [...new Set([...ids.flatMap(hostsOf), ...units.filter((unit) => serverUnits.has(unit))])].sort(compareStrings);
    const datastores = new Set<string>();
    for (const id of ids) {
      if (!graph.hasNode(appNode(id))) continue;
      graph.forEachOutNeighbor(appNode(id), (neighbour, attributes) => {
        if (DATASTORES.has(attributes.kind)) datastores.add(attributes.label);
      });
    }
    return {
      id: ids.length > 0 ? `group-${ids[0]}` : `group-${units[0]!.replace(':', '-')}`,
      applications: ids,
      hosts,
      datastores: [...datastores].sort(compareStrings),
      bonds: [...(bondsOf.get(part) ?? [])].sort((a, b) => compareStrings(a.between.join(), b.between.join()) || compareStrings(a.kind, b.kind)),
    };
  });
  const groupOf = new Map(groups.flatMap((group) => group.applications.map((id) => [id, group])));

  // Dependencies between groups: G needs H when one of G's applications depends on one of H's.
  const needs = new Map(groups.map((group) => [group.id, new Set<string>()]));
  graph.forEachEdge((_edge, { kind }, source, target, sourceAttributes, targetAttributes) => {
    if (kind !== 'depends-on' || sourceAttributes.kind !== 'application' || targetAttributes.kind !== 'application') return;
    const [from, to] = [groupOf.get(source.slice(4)), groupOf.get(target.slice(4))];
    if (from && to && from !== to) needs.get(from.id)!.add(to.id);
  });
  const criticality = (group: MoveGroup) => Math.max(-1, ...group.applications.map((id) => CRITICALITY.indexOf(String(graph.hasNode(appNode(id)) ? graph.getNodeAttribute(appNode(id), 'criticality') ?? '' : ''))));
  // The servers of no application among a group's or a wave's hosts.
  const loose = (unit: { hosts: string[] }) => unit.hosts.filter((host) => serverUnits.has(host));
  const readiness = (group: MoveGroup) => Math.min(...group.applications.map((id) => byId.get(id)!.score), ...loose(group).map((unit) => serverUnits.score(unit)));
  const named = (group: MoveGroup) => [...group.applications, ...loose(group).map((host) => host.slice('host:'.length))].join(', ');
  const effort = (group: MoveGroup) => group.applications.reduce((sum, id) => sum + byId.get(id)!.effort, 0) + loose(group).reduce((sum, unit) => sum + serverUnits.effort(unit), 0);

  const waves: Wave[] = [];
  const placed = new Map<string, number>();
  const hostSets = new Map<number, Set<string>>();
  const fits = (wave: Wave, group: MoveGroup) =>
    wave.applications.length + group.applications.length <= maxPerWave &&
    loose(wave).length + loose(group).length <= maxServersPerWave &&
    (options.maxHostsPerWave === undefined || wave.hosts.length + group.hosts.length <= options.maxHostsPerWave) &&
    (options.effortBudget === undefined || wave.effort + effort(group) <= options.effortBudget);
  const open = (reason: string): Wave => {
    const wave: Wave = { number: waves.length + 1, groups: [], applications: [], hosts: [], effort: 0, reasons: [reason] };
    waves.push(wave);
    return wave;
  };
  const add = (wave: Wave, group: MoveGroup, reason: string) => {
    wave.groups.push(group);
    wave.applications.push(...group.applications);
    const seen = hostSets.get(wave.number) ?? new Set(wave.hosts);
    hostSets.set(wave.number, seen);
    for (const host of group.hosts) {
      if (seen.has(host)) continue;
      seen.add(host);
      wave.hosts.push(host);
    }
    wave.effort += effort(group);
    wave.reasons.push(`${named(group)}: ${reason}`);
    placed.set(group.id, wave.number);
  };

  // The pilot: small, ready, not critical; the most ready first.
  const pilots = groups
    .filter((group) => group.applications.length + loose(group).length <= 2 && readiness(group) >= PILOT_SCORE && criticality(group) <= CRITICALITY.indexOf('important'))
    .sort((a, b) => readiness(b) - readiness(a) || compareStrings(a.id, b.id));
  if (pilots.length) {
    const pilot = open('pilot: small, high-readiness, low-criticality groups, to prove the landing zone and the runbook');
    for (const group of pilots) if (pilot.groups.length === 0 || fits(pilot, group)) add(pilot, group, `pilot (score ${readiness(group)}, ${group.applications.length ? `${group.applications.length} application${group.applications.length === 1 ? '' : 's'}` : `${loose(group).length} server${loose(group).length === 1 ? '' : 's'}`})`);
  }
  // Then: a group whose dependencies have moved (or are in a cycle with it) goes next; among
  // those, less critical and more ready first. Kahn's order, kept with counts of what each waits on.
  const rank = new Map(groups.map((group) => [group.id, [criticality(group), -readiness(group)] as const]));
  const better = (a: MoveGroup, b: MoveGroup) => rank.get(a.id)![0] - rank.get(b.id)![0] || rank.get(a.id)![1] - rank.get(b.id)![1] || compareStrings(a.id, b.id);
  const dependents = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const group of groups) {
    let count = 0;
    for (const dependency of needs.get(group.id)!) {
      if (placed.has(dependency)) continue;
      count++;
      dependents.set(dependency, [...(dependents.get(dependency) ?? []), group.id]);
    }
    waiting.set(group.id, count);
  }
  const byGroupId = new Map(groups.map((group) => [group.id, group]));
  const settle = (id: string) => {
    for (const dependent of dependents.get(id) ?? []) waiting.set(dependent, waiting.get(dependent)! - 1);
  };
  for (const id of placed.keys()) settle(id);
  const unplaced = new Set(groups.filter((group) => !placed.has(group.id)).map((group) => group.id));
  while (unplaced.size > 0) {
    let found: MoveGroup | undefined;
    for (const id of unplaced) {
      const candidate = byGroupId.get(id)!;
      if (waiting.get(id)! > 0) continue;
      if (!found || better(candidate, found) < 0) found = candidate;
    }
    // A cycle: nothing is free, so the best of what is left breaks it.
    if (!found) for (const id of unplaced) if (!found || better(byGroupId.get(id)!, found) < 0) found = byGroupId.get(id)!;
    const group = found!;
    unplaced.delete(group.id);
    const waitingOn = [...needs.get(group.id)!].filter((dependency) => !placed.has(dependency));
    const reason = waitingOn.length
      ? `moves before ${waitingOn.length} group(s) it needs, which wait on it in turn: its links to them cross until they follow`
      : `${needs.get(group.id)!.size ? 'its dependencies have moved; ' : ''}criticality ${CRITICALITY[criticality(group)] ?? 'unknown'}, lowest score ${readiness(group)}`;
    const last = waves.at(-1);
    const minWave = Math.max(0, ...[...needs.get(group.id)!].map((dependency) => placed.get(dependency) ?? 0));
    if (last && last.number > minWave && last.reasons[0]!.startsWith('wave') && fits(last, group)) add(last, group, reason);
    else add(open(`wave ${waves.length + 1}: ${fits({ number: 0, groups: [], applications: [], hosts: [], effort: 0, reasons: [] }, group) ? 'next groups in dependency order' : 'a group larger than the wave limit moves alone'}`), group, reason);
    settle(group.id);
  }

  // Links that cross the hybrid boundary: to what stays, and between waves until both have moved.
  const waveOfHost = new Map<string, number>();
  for (const wave of waves) for (const host of wave.hosts) waveOfHost.set(host, wave.number);
  const crossingLinks: CrossingLink[] = [];
  // The links are walked again rather than kept: an estate's export has a million of them.
  forEachHostLink(graph, (source, target, port, volume, latencySensitive) => {
    const [from, to] = [waveOfHost.get(source), waveOfHost.get(target)];
    if (from !== undefined && to !== undefined && from === to) return;
    if (from === undefined && to === undefined) return;
    const until = from === undefined || to === undefined ? 'always: one side stays' : `wave ${Math.max(from, to)}`;
    crossingLinks.push({ from: label(source), to: label(target), ...(port ? { port } : {}), ...(volume ? { volume } : {}), latencySensitive, until });
  });
  crossingLinks.sort((a, b) => Number(b.latencySensitive) - Number(a.latencySensitive) || compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  return { waves, staying, stayingServers: serverUnits.staying, crossingLinks };
}

/** Each traffic link between two hosts of the graph, with its port, volume and latency sensitivity. */
function forEachHostLink(graph: PortfolioGraph, visit: (source: string, target: string, port: number | undefined, volume: string | undefined, latencySensitive: boolean) => void) {
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes.kind !== 'connects-to' || sourceAttributes.kind !== 'host' || targetAttributes.kind !== 'host') return;
    visit(source, target, typeof attributes.port === 'number' ? attributes.port : undefined, typeof attributes.volume === 'string' ? attributes.volume : undefined, attributes.latencySensitive === true);
  });
}
