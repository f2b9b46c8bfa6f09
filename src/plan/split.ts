import { UndirectedGraph } from 'graphology';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import { compareStrings } from '../util/compare.js';
import { seededRandom } from '../util/seeded-random.js';
import { louvain, modularity } from './graph-algorithms.js';
import { agreement, CODE_EDGES, splitMetrics, type Partition, type WeightedGraph } from './split-metrics.js';
import type { SplitProposal, SplitService } from './split-types.js';

export type { SplitMetrics, SplitProposal, SplitService } from './split-types.js';

/**
 * How strongly an edge of the unit graph ties two units (or a unit and a table) together
 * (docs/split.md). Writing a table binds a unit to it more than reading does: a service owns
 * what it writes.
 */
export const SPLIT_WEIGHTS: Record<string, number> = { calls: 1, inherits: 1, implements: 1, instantiates: 0.8, uses: 0.5, includes: 0.5, imports: 0.3, writes: 2, reads: 1, 'maps-to': 3 };
/** Units of one package are a little closer than their code says: a chain of weak edges. */
const SAME_PACKAGE = 0.2;
const DATA = /^(table|dataset|file|queue|segment|entity):/;
const RESOLUTIONS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
const SEEDS = 5;

export interface SplitOptions {
  services?: number | undefined;
  seed?: number | undefined;
  /** Files changed together in the history, paths as unit `file` attributes have them. */
  coChange?: { commits: number; pairs: { a: string; b: string; strength: number }[] } | undefined;
}

/** Weight of a co-change pair at full strength (always changed together). */
export const CO_CHANGE_WEIGHT = 1;

const packageOf = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
const shortName = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/**
 * Proposes services for one application (docs/split.md): Louvain communities on its weighted
 * unit graph, swept across resolutions and seeds; shared utility packages set aside first;
 * tables given to the service that writes them most, with writers moved where the code allows
 * and conflicts reported otherwise.
 */
export function proposeSplit(graph: PortfolioGraph, applicationId: string, options: SplitOptions = {}): SplitProposal {
  const prefix = `unit:${applicationId}:`;
  // Only server code is split: tests, build scripts, samples and vendored code are units of no service.
  const unitIds = graph.filterNodes((node, attributes) => node.startsWith(prefix) && (attributes.origin ?? 'production') === 'production').sort(compareStrings);
  const label = (node: string) => graph.getNodeAttribute(node, 'label');

  // The weighted, undirected graph of units and the data they touch.
  const g: WeightedGraph = new UndirectedGraph();
  const addWeight = (a: string, b: string, weight: number) => {
    if (a === b) return;
    for (const node of [a, b]) if (!g.hasNode(node)) g.addNode(node, { label: label(node) });
    const existing = g.edge(a, b);
    if (existing) g.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + weight);
    else g.addEdge(a, b, { weight });
  };
  const unitSet = new Set(unitIds);
  for (const unit of unitIds) {
    g.mergeNode(unit, { label: label(unit) });
    graph.forEachOutEdge(unit, (_edge, { kind }, _source, target) => {
      const weight = SPLIT_WEIGHTS[kind];
      if (weight === undefined) return;
      if (unitSet.has(target) || DATA.test(target)) addWeight(unit, target, weight);
    });
  }
  const byPackage = new Map<string, string[]>();
  for (const unit of unitIds) byPackage.set(packageOf(label(unit)), [...(byPackage.get(packageOf(label(unit))) ?? []), unit]);
  for (const members of byPackage.values()) for (let i = 1; i < members.length; i++) addWeight(members[i - 1]!, members[i]!, SAME_PACKAGE);
  // Files changed together in the history tie their units: the coupling the code does not show.
  let coChangePairs = 0;
  if (options.coChange) {
    const unitsOfFile = new Map<string, string[]>();
    for (const unit of unitIds) {
      const file = graph.getNodeAttribute(unit, 'file');
      if (typeof file === 'string') unitsOfFile.set(file, [...(unitsOfFile.get(file) ?? []), unit]);
    }
    for (const { a, b, strength } of options.coChange.pairs) {
      const [left, right] = [unitsOfFile.get(a), unitsOfFile.get(b)];
      if (!left || !right) continue;
      coChangePairs++;
      for (const x of left) for (const y of right) addWeight(x, y, (CO_CHANGE_WEIGHT * strength) / (left.length * right.length));
    }
  }

  const codeEdges = (unit: string) => graph.mapOutEdges(unit, (_edge, { kind }, _source, target) => (CODE_EDGES.has(kind) && unitSet.has(target) ? target : undefined)).filter((target): target is string => target !== undefined);
  const writes = (unit: string) => graph.mapOutEdges(unit, (_edge, { kind }, _source, target) => (kind === 'writes' ? target : undefined)).filter((target): target is string => target !== undefined);
  const entryPointsOf = (unit: string) => String(graph.getNodeAttribute(unit, 'entryPoints') ?? '');

  // Shared libraries: packages (or single units) used from three or more other packages that
  // serve no entry point and write no data: DTOs, constants, helpers. They would glue every
  // service to every other, so they are set aside.
  const usersOf = new Map<string, Set<string>>();
  for (const unit of unitIds) for (const target of codeEdges(unit)) {
    const from = packageOf(label(unit));
    if (from !== packageOf(label(target))) usersOf.set(target, new Set([...(usersOf.get(target) ?? []), from]));
  }
  const shared = new Set<string>();
  for (const members of byPackage.values()) {
    const users = new Set(members.flatMap((unit) => [...(usersOf.get(unit) ?? [])]));
    if (users.size >= 3 && members.every((unit) => !entryPointsOf(unit) && writes(unit).length === 0)) for (const unit of members) shared.add(unit);
  }
  for (const [unit, users] of usersOf) if (users.size >= 3 && !entryPointsOf(unit) && writes(unit).length === 0) shared.add(unit);
  const core = unitIds.filter((unit) => !shared.has(unit));
  if (core.length < 2) throw new Error(`${applicationId} has ${core.length} unit(s) outside shared libraries: nothing to split`);
  for (const unit of shared) g.dropNode(unit);
  for (const node of g.nodes()) if (g.degree(node) === 0 && !unitSet.has(node)) g.dropNode(node);

  // Louvain across resolutions and seeds; keep partitions of units that make sense as services.
  const seed = options.seed ?? 42;
  const sweep = RESOLUTIONS.map((resolution) => {
    const runs: Partition[] = [];
    for (let s = 0; s < SEEDS; s++) {
      const detailed = louvain.detailed(g, { resolution, getEdgeWeight: 'weight', rng: seededRandom(seed + s * 7919 + Math.round(resolution * 1000)) });
      const communities = new Map<string, number>(Object.entries(detailed.communities));
      runs.push({ communities, count: new Set(core.map((unit) => communities.get(unit))).size });
    }
    const rng = seededRandom(seed);
    let total = 0;
    let pairs = 0;
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        total += agreement(runs[i]!, runs[j]!, core, rng);
        pairs++;
      }
    }
    const best = runs[0]!;
    const quality = modularity(g, { getNodeCommunity: (node: string) => best.communities.get(node) ?? -1, getEdgeWeight: 'weight' });
    return { resolution, partition: best, stability: pairs ? total / pairs : 1, quality };
  });

  let chosen: (typeof sweep)[number];
  let why: string;
  if (options.services) {
    const target = options.services;
    chosen = [...sweep].sort((a, b) => Math.abs(a.partition.count - target) - Math.abs(b.partition.count - target) || (a.partition.count >= target ? -1 : 1) - (b.partition.count >= target ? -1 : 1) || b.stability - a.stability)[0]!;
    why = `asked for ${target} services; resolution ${chosen.resolution} gives ${chosen.partition.count} communities${chosen.partition.count > target ? ', merged by strongest coupling' : chosen.partition.count < target ? ' (no resolution gives more)' : ''}`;
  } else {
    const usable = sweep.filter((entry) => entry.partition.count >= 2 && entry.partition.count <= Math.max(2, Math.ceil(core.length / 3)));
    const pool = usable.length ? usable : sweep;
    chosen = [...pool].sort((a, b) => b.quality * b.stability - a.quality * a.stability || a.partition.count - b.partition.count)[0]!;
    why = `resolution ${chosen.resolution}: the best modularity (${chosen.quality.toFixed(2)}) times stability across ${SEEDS} seeded runs (${chosen.stability.toFixed(2)}) among ${RESOLUTIONS.length} resolutions`;
  }

  // Stability across resolutions: how alike the neighbouring resolutions' partitions are.
  const at = sweep.indexOf(chosen);
  const neighbours = [sweep[at - 1], sweep[at + 1]].filter((entry): entry is (typeof sweep)[number] => entry !== undefined);
  const resolutionStability = neighbours.length ? neighbours.reduce((sum, entry) => sum + agreement(chosen.partition, entry.partition, core, seededRandom(seed + 1)), 0) / neighbours.length : 1;

  // Community ids → dense service indexes, ordered by their first unit for determinism.
  const assignment = new Map<string, number>();
  const dense = new Map<number, number>();
  for (const node of [...g.nodes()].sort(compareStrings)) {
    const community = chosen.partition.communities.get(node)!;
    if (!dense.has(community)) dense.set(community, dense.size);
    assignment.set(node, dense.get(community)!);
  }
  const weightBetween = (a: number, b: number) => {
    let total = 0;
    g.forEachEdge((_edge, { weight }, x, y) => {
      const [cx, cy] = [assignment.get(x), assignment.get(y)];
      if ((cx === a && cy === b) || (cx === b && cy === a)) total += weight;
    });
    return total;
  };
  if (options.services) {
    // Merge the most coupled pair until the count is reached.
    let count = new Set(core.map((unit) => assignment.get(unit))).size;
    while (count > options.services) {
      const ids = [...new Set(core.map((unit) => assignment.get(unit)!))].sort((a, b) => a - b);
      let best: [number, number, number] = [ids[0]!, ids[1]!, -1];
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
        const w = weightBetween(ids[i]!, ids[j]!);
        if (w > best[2]) best = [ids[i]!, ids[j]!, w];
      }
      for (const [node, community] of assignment) if (community === best[1]) assignment.set(node, best[0]);
      count--;
    }
  }

  // Data ownership: each table goes to the service that writes it most; writers elsewhere move
  // when they are at least half as tied to the owner as to their own service.
  const tables = g.nodes().filter((node) => DATA.test(node));
  const affinity = (unit: string, service: number) => {
    let total = 0;
    g.forEachEdge(unit, (_edge, { weight }, x, y) => {
      const other = x === unit ? y : x;
      if (!DATA.test(other) && assignment.get(other) === service) total += weight;
    });
    return total;
  };
  const writersOf = (table: string) => core.filter((unit) => writes(unit).includes(table));
  for (const table of tables) {
    const writers = writersOf(table);
    if (writers.length === 0) continue;
    // Writing counts twice, reading once: the service that both writes and reads a table owns it.
    const tally = new Map<number, number>();
    for (const unit of writers) tally.set(assignment.get(unit)!, (tally.get(assignment.get(unit)!) ?? 0) + 2);
    for (const unit of core) if (graph.someOutEdge(unit, (_edge, { kind }, _source, target) => kind === 'reads' && target === table)) tally.set(assignment.get(unit)!, (tally.get(assignment.get(unit)!) ?? 0) + 1);
    const owner = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    assignment.set(table, owner);
    for (const unit of writers) {
      const current = assignment.get(unit)!;
      if (current !== owner && affinity(unit, owner) >= 0.5 * affinity(unit, current) && affinity(unit, owner) > 0) assignment.set(unit, owner);
    }
  }

  // Services, named after their dominant package and entities.
  const serviceIds = [...new Set(core.map((unit) => assignment.get(unit)!))].sort((a, b) => a - b);
  const names = new Map<number, string>();
  const taken = new Set<string>();
  for (const id of serviceIds) {
    const members = core.filter((unit) => assignment.get(unit) === id);
    const counts = new Map<string, number>();
    for (const unit of members) {
      const segment = packageOf(label(unit)).split('.').pop() || shortName(label(unit)).toLowerCase();
      counts.set(segment, (counts.get(segment) ?? 0) + 1);
    }
    let name = `${[...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]![0].toLowerCase()}-service`;
    for (let n = 2; taken.has(name); n++) name = `${name.replace(/-\d+$/, '')}-${n}`;
    taken.add(name);
    names.set(id, name);
  }
  const serviceOf = (unit: string) => (shared.has(unit) ? undefined : names.get(assignment.get(unit)!));

  const sharedByPackage = new Map<string, string[]>();
  for (const unit of [...shared].sort(compareStrings)) sharedByPackage.set(packageOf(label(unit)) || label(unit), [...(sharedByPackage.get(packageOf(label(unit)) || label(unit)) ?? []), label(unit)]);
  const sharedLibraries = [...sharedByPackage].map(([pkg, units]) => {
    const usedBy = new Set<string>();
    for (const unit of core) for (const target of codeEdges(unit)) if (shared.has(target) && (packageOf(label(target)) || label(target)) === pkg) usedBy.add(serviceOf(unit)!);
    return { name: `${pkg.split('.').pop()}-library`, units, usedBy: [...usedBy].sort(compareStrings) };
  });

  const services: SplitService[] = serviceIds.map((id) => {
    const name = names.get(id)!;
    const members = core.filter((unit) => assignment.get(unit) === id);
    const inbound = new Map<string, Set<string>>();
    const outbound = new Map<string, string>();
    for (const unit of core) {
      for (const target of codeEdges(unit)) {
        const [from, to] = [serviceOf(unit)!, serviceOf(target)];
        if (!to || from === to) continue;
        if (to === name) inbound.set(label(target), new Set([...(inbound.get(label(target)) ?? []), from]));
        if (from === name) outbound.set(label(target), to);
      }
    }
    const usesShared = new Set<string>();
    for (const unit of members) for (const target of codeEdges(unit)) if (shared.has(target)) usesShared.add(`${(packageOf(label(target)) || label(target)).split('.').pop()}-library`);
    return {
      name,
      units: members.map(label).sort(compareStrings),
      entities: tables.filter((table) => assignment.get(table) === id).map(label).sort(compareStrings),
      entryPoints: members.flatMap((unit) => (entryPointsOf(unit) ? entryPointsOf(unit).split('; ').map((entry) => `${entry} (${shortName(label(unit))})`) : [])).sort(compareStrings),
      inbound: [...inbound].map(([unit, from]) => ({ unit, from: [...from].sort(compareStrings) })).sort((a, b) => compareStrings(a.unit, b.unit)),
      outbound: [...outbound].map(([unit, service]) => ({ unit, service })).sort((a, b) => compareStrings(a.unit, b.unit)),
      sharedLibraries: [...usesShared].sort(compareStrings),
    };
  });

  const conflicts: SplitProposal['conflicts'] = [];
  for (const table of tables) {
    const writers = writersOf(table);
    const byService = new Map<string, string[]>();
    for (const unit of writers) byService.set(serviceOf(unit)!, [...(byService.get(serviceOf(unit)!) ?? []), label(unit)]);
    if (byService.size < 2) continue;
    const owner = names.get(assignment.get(table)!)!;
    const others = [...byService].filter(([service]) => service !== owner);
    conflicts.push({
      entity: label(table),
      owner,
      writers: [...byService].map(([service, units]) => ({ service, units: units.sort(compareStrings) })).sort((a, b) => compareStrings(a.service, b.service)),
      suggestion: `${label(table)} belongs to ${owner}: ${others.map(([service, units]) => `${units.map(shortName).join(', ')} in ${service}`).join('; ')} should ask ${owner} through its API (an operation such as "update ${label(table).toLowerCase()}") or publish an event ${owner} handles, instead of writing the table.`,
    });
  }

  const extractionOrder = [...services]
    .map((service) => ({ service, inbound: service.inbound.length, conflicts: conflicts.filter((conflict) => conflict.writers.some((writer) => writer.service === service.name)).length }))
    .sort((a, b) => a.inbound - b.inbound || a.conflicts - b.conflicts || a.service.units.length - b.service.units.length || compareStrings(a.service.name, b.service.name))
    .map(({ service, inbound, conflicts: count }) => ({ service: service.name, why: `${inbound} inbound interface${inbound === 1 ? '' : 's'}, ${count} data conflict${count === 1 ? '' : 's'}, ${service.units.length} units` }));

  return {
    application: applicationId,
    choice: { services: services.length, resolution: chosen.resolution, why },
    ...(options.coChange ? { history: { commits: options.coChange.commits, pairs: coChangePairs } } : {}),
    services,
    sharedLibraries,
    conflicts,
    extractionOrder,
    metrics: { ...splitMetrics(graph, core, serviceOf, g, assignment, chosen.stability), resolutionStability: Math.round(resolutionStability * 1000) / 1000 },
    weights: { ...SPLIT_WEIGHTS, 'same-package': SAME_PACKAGE, 'co-change': CO_CHANGE_WEIGHT },
  };
}
