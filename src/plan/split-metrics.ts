import type { UndirectedGraph } from 'graphology';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import { compareStrings } from '../util/compare.js';
import { modularity } from './graph-algorithms.js';
import type { SplitMetrics } from './split-types.js';

/** The split's graph: units and tables, undirected, with summed edge weights. */
export type WeightedGraph = UndirectedGraph<{ label: string }, { weight: number }>;

/** Edges between units of code. */
export const CODE_EDGES = new Set(['calls', 'inherits', 'implements', 'instantiates', 'uses', 'includes', 'imports']);

export interface Partition {
  communities: Map<string, number>;
  count: number;
}

/** Share of sampled unit pairs two partitions treat alike (together in both, or apart in both). */
export function agreement(a: Partition, b: Partition, units: string[], rng: () => number): number {
  if (units.length < 2) return 1;
  const samples = Math.min(20_000, (units.length * (units.length - 1)) / 2);
  let same = 0;
  for (let i = 0; i < samples; i++) {
    const x = units[Math.floor(rng() * units.length)]!;
    let y = units[Math.floor(rng() * units.length)]!;
    if (x === y) y = units[(units.indexOf(x) + 1) % units.length]!;
    const together = (p: Partition) => p.communities.get(x) === p.communities.get(y);
    if (together(a) === together(b)) same++;
  }
  return same / samples;
}

/** The static quality metrics of Mono2Micro (FSE 2021) and CoGCN (AAAI 2021), as docs/split.md defines them. */
export function splitMetrics(graph: PortfolioGraph, core: string[], serviceOf: (unit: string) => string | undefined, g: WeightedGraph, assignment: Map<string, number>, stability: number): Omit<SplitMetrics, 'resolutionStability'> {
  const coreSet = new Set(core);
  const sizes = new Map<string, number>();
  for (const unit of core) sizes.set(serviceOf(unit)!, (sizes.get(serviceOf(unit)!) ?? 0) + 1);
  const K = sizes.size;
  const N = core.length;
  // Linked unit pairs (any code edge, either direction), counted once.
  const linked = new Set<string>();
  const callWeights = new Map<string, number>();
  for (const unit of core) {
    graph.forEachOutEdge(unit, (_edge, { kind }, _source, target) => {
      if (!coreSet.has(target) || target === unit || !CODE_EDGES.has(kind)) return;
      linked.add([unit, target].sort(compareStrings).join('\0'));
      if (kind === 'calls') callWeights.set(`${unit}\0${target}`, (callWeights.get(`${unit}\0${target}`) ?? 0) + 1);
    });
  }
  const inside = new Map<string, number>();
  const across = new Map<string, number>();
  let crossPairs = 0;
  for (const pair of linked) {
    const [a, b] = pair.split('\0') as [string, string];
    const [sa, sb] = [serviceOf(a)!, serviceOf(b)!];
    if (sa === sb) inside.set(sa, (inside.get(sa) ?? 0) + 1);
    else {
      const key = [sa, sb].sort(compareStrings).join('\0');
      across.set(key, (across.get(key) ?? 0) + 1);
      crossPairs++;
    }
  }
  let cohesion = 0;
  for (const [service, size] of sizes) cohesion += (inside.get(service) ?? 0) / (size * size);
  let coupling = 0;
  for (const [key, count] of across) {
    const [a, b] = key.split('\0') as [string, string];
    coupling += count / (sizes.get(a)! * sizes.get(b)!);
  }
  const sm = K > 0 ? cohesion / K - (K > 1 ? (2 / (K * (K - 1))) * coupling : 0) : 0;
  let crossCalls = 0;
  let allCalls = 0;
  for (const [key, v] of callWeights) {
    const [a, b] = key.split('\0') as [string, string];
    const weight = Math.log(v) + 1;
    allCalls += weight;
    if (serviceOf(a) !== serviceOf(b)) crossCalls += weight;
  }
  const ned = N > 0 ? 1 - [...sizes.values()].filter((size) => size >= 5 && size <= 20).reduce((sum, size) => sum + size, 0) / N : 0;
  // Use cases: the units reachable from each entry point through calls and uses.
  const touching = new Map<string, number>();
  for (const entry of core.filter((unit) => graph.getNodeAttribute(unit, 'entryPoints'))) {
    const reached = new Set([entry]);
    let frontier = [entry];
    for (let depth = 0; depth < 8 && frontier.length; depth++) {
      const next: string[] = [];
      for (const unit of frontier) graph.forEachOutEdge(unit, (_edge, { kind }, _source, target) => {
        if (coreSet.has(target) && (kind === 'calls' || kind === 'uses' || kind === 'instantiates') && !reached.has(target)) {
          reached.add(target);
          next.push(target);
        }
      });
      frontier = next;
    }
    for (const service of new Set([...reached].map(serviceOf))) if (service) touching.set(service, (touching.get(service) ?? 0) + 1);
  }
  const bcp = K > 0 ? [...sizes.keys()].reduce((sum, service) => sum + Math.log(Math.max(1, touching.get(service) ?? 0)), 0) / K : 0;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    modularity: round(modularity(g, { getNodeCommunity: (node: string) => assignment.get(node) ?? -1, getEdgeWeight: 'weight' })),
    sm: round(sm),
    icp: round(allCalls ? crossCalls / allCalls : 0),
    ifn: round(K ? crossPairs / K : 0),
    ned: round(ned),
    bcp: round(bcp),
    stability: round(stability),
  };
}
