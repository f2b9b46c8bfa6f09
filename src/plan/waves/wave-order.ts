import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import type { Application } from '../../result/schema.js';
import { compareStrings } from '../../util/compare.js';
import type { ServerUnits } from '../server-units.js';
import type { MoveGroup, Wave, WaveOptions } from './wave-types.js';

export const CRITICALITY = ['low', 'important', 'business-critical', 'mission-critical'];
const PILOT_SCORE = 70;

/** Dependencies between move groups: G needs H when one of G's applications depends on one of H's. */
export function groupNeeds(graph: PortfolioGraph, groups: MoveGroup[]): Map<string, Set<string>> {
  const groupOf = new Map(groups.flatMap((group) => group.applications.map((id) => [id, group])));
  const needs = new Map(groups.map((group) => [group.id, new Set<string>()]));
  graph.forEachEdge((_edge, { kind }, source, target, sourceAttributes, targetAttributes) => {
    if (kind !== 'depends-on' || sourceAttributes.kind !== 'application' || targetAttributes.kind !== 'application')
      return;
    const [from, to] = [groupOf.get(source.slice(4)), groupOf.get(target.slice(4))];
    if (from && to && from !== to) needs.get(from.id)!.add(to.id);
  });
  return needs;
}

/**
 * Groups into waves: a pilot of small, ready, low-criticality groups first, then dependencies
 * before their dependents (Kahn's order; a cycle is broken by the best group left), less
 * critical and more ready first, within the size and effort limits.
 */
export function orderWaves(
  graph: PortfolioGraph,
  groups: MoveGroup[],
  byId: Map<string, Application>,
  serverUnits: ServerUnits,
  options: WaveOptions & { maxPerWave: number; maxServersPerWave: number },
): Wave[] {
  const { maxPerWave, maxServersPerWave } = options;
  const appNode = (id: string) => `app:${id}`;
  const needs = groupNeeds(graph, groups);
  const criticality = (group: MoveGroup) =>
    Math.max(
      -1,
      ...group.applications.map((id) =>
        CRITICALITY.indexOf(
          String(graph.hasNode(appNode(id)) ? (graph.getNodeAttribute(appNode(id), 'criticality') ?? '') : ''),
        ),
      ),
    );
  // The servers of no application among a group's or a wave's hosts.
  const loose = (unit: { hosts: string[] }) => unit.hosts.filter((host) => serverUnits.has(host));
  const readiness = (group: MoveGroup) =>
    Math.min(
      ...group.applications.map((id) => byId.get(id)!.score),
      ...loose(group).map((unit) => serverUnits.score(unit)),
    );
  const named = (group: MoveGroup) =>
    [...group.applications, ...loose(group).map((host) => host.slice('host:'.length))].join(', ');
  const effort = (group: MoveGroup) =>
    group.applications.reduce((sum, id) => sum + byId.get(id)!.effort, 0) +
    loose(group).reduce((sum, unit) => sum + serverUnits.effort(unit), 0);

  const waves: Wave[] = [];
  const placed = new Map<string, number>();
  const hostSets = new Map<number, Set<string>>();
  const fits = (wave: Wave, group: MoveGroup) =>
    wave.applications.length + group.applications.length <= maxPerWave &&
    loose(wave).length + loose(group).length <= maxServersPerWave &&
    (options.maxHostsPerWave === undefined || wave.hosts.length + group.hosts.length <= options.maxHostsPerWave) &&
    (options.effortBudget === undefined || wave.effort + effort(group) <= options.effortBudget);
  const open = (reason: string): Wave => {
    const wave: Wave = {
      number: waves.length + 1,
      groups: [],
      applications: [],
      hosts: [],
      effort: 0,
      reasons: [reason],
    };
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
    .filter(
      (group) =>
        group.applications.length + loose(group).length <= 2 &&
        readiness(group) >= PILOT_SCORE &&
        criticality(group) <= CRITICALITY.indexOf('important'),
    )
    .sort((a, b) => readiness(b) - readiness(a) || compareStrings(a.id, b.id));
  if (pilots.length) {
    const pilot = open(
      'pilot: small, high-readiness, low-criticality groups, to prove the landing zone and the runbook',
    );
    for (const group of pilots)
      if (pilot.groups.length === 0 || fits(pilot, group))
        add(
          pilot,
          group,
          `pilot (score ${readiness(group)}, ${group.applications.length ? `${group.applications.length} application${group.applications.length === 1 ? '' : 's'}` : `${loose(group).length} server${loose(group).length === 1 ? '' : 's'}`})`,
        );
  }
  // Then: a group whose dependencies have moved (or are in a cycle with it) goes next; among
  // those, less critical and more ready first. Kahn's order, kept with counts of what each waits on.
  const rank = new Map(groups.map((group) => [group.id, [criticality(group), -readiness(group)] as const]));
  const better = (a: MoveGroup, b: MoveGroup) =>
    rank.get(a.id)![0] - rank.get(b.id)![0] || rank.get(a.id)![1] - rank.get(b.id)![1] || compareStrings(a.id, b.id);
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
    if (!found)
      for (const id of unplaced) if (!found || better(byGroupId.get(id)!, found) < 0) found = byGroupId.get(id)!;
    const group = found!;
    unplaced.delete(group.id);
    const waitingOn = [...needs.get(group.id)!].filter((dependency) => !placed.has(dependency));
    const reason = waitingOn.length
      ? `moves before ${waitingOn.length} group(s) it needs, which wait on it in turn: its links to them cross until they follow`
      : `${needs.get(group.id)!.size ? 'its dependencies have moved; ' : ''}criticality ${CRITICALITY[criticality(group)] ?? 'unknown'}, lowest score ${readiness(group)}`;
    const last = waves.at(-1);
    const minWave = Math.max(0, ...[...needs.get(group.id)!].map((dependency) => placed.get(dependency) ?? 0));
    if (last && last.number > minWave && last.reasons[0]!.startsWith('wave') && fits(last, group))
      add(last, group, reason);
    else
      add(
        open(
          `wave ${waves.length + 1}: ${fits({ number: 0, groups: [], applications: [], hosts: [], effort: 0, reasons: [] }, group) ? 'next groups in dependency order' : 'a group larger than the wave limit moves alone'}`,
        ),
        group,
        reason,
      );
    settle(group.id);
  }
  return waves;
}
