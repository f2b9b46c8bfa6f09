import { UndirectedGraph } from 'graphology';
import { seededRandom } from '../../util/seeded-random.js';
import { louvain } from '../graph-algorithms.js';
import type { WeightedGraph } from './split-input.js';

/** The modularity of the services as the merges go, and why their number is what it is. */
export interface ServiceCount {
  /** Services before any merge (aggregates grown, plus groups no aggregate reached). */
  grown: number;
  services: number;
  modularity: number;
  why: string;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The weight of a graph's edges among placed nodes, per service: inside, degree, and between each pair ("a b", a < b). */
function clusterTies(g: WeightedGraph, assignment: Map<string, number>) {
  let total = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  const between = new Map<string, number>();
  g.forEachEdge((_edge, { weight }, x, y) => {
    const [cx, cy] = [assignment.get(x), assignment.get(y)];
    if (cx === undefined || cy === undefined) return;
    total += weight;
    degree.set(cx, (degree.get(cx) ?? 0) + weight);
    degree.set(cy, (degree.get(cy) ?? 0) + weight);
    if (cx === cy) inside.set(cx, (inside.get(cx) ?? 0) + weight);
    else {
      const key = cx < cy ? `${cx} ${cy}` : `${cy} ${cx}`;
      between.set(key, (between.get(key) ?? 0) + weight);
    }
  });
  return { total, inside, degree, between };
}

/** Newman's modularity of an assignment over the nodes it places (weighted, undirected). */
export function modularityOf(g: WeightedGraph, assignment: Map<string, number>): number {
  const { total, inside, degree } = clusterTies(g, assignment);
  if (total === 0) return 0;
  let q = 0;
  for (const [cluster, d] of degree) q += (inside.get(cluster) ?? 0) / total - (d / (2 * total)) ** 2;
  return q;
}

/** A service of fewer classes than this is no service: it joins the one it is most coupled to. */
export const MIN_SERVICE_CLASSES = 3;

/**
 * Settles the number of services (docs/split.md, step 4). Each grown service stands (an aggregate
 * and what gathered round it, a read side, a part no aggregate reaches), except one of fewer than
 * three classes, which joins the service whose merge with it raises modularity most. With
 * `target`, the pair whose merge raises modularity most (or lowers it least) is merged until that
 * many remain, or the largest services are cut by Louvain until there are enough. Changes
 * `assignment` in place and renumbers services 0..K-1 in order of their smallest member.
 */
export function settleServiceCount(
  g: WeightedGraph,
  assignment: Map<string, number>,
  isClass: (node: string) => boolean,
  target: number | undefined,
  seed: number,
): ServiceCount {
  const grown = new Set(assignment.values()).size;
  const notes = target !== undefined && target > grown ? cutUntil(g, assignment, target, seed) : [];
  const classesOf = () => {
    const counts = new Map<number, number>();
    for (const [node, cluster] of assignment) counts.set(cluster, (counts.get(cluster) ?? 0) + (isClass(node) ? 1 : 0));
    return counts;
  };
  let merges = 0;
  let small = 0;
  for (;;) {
    const counts = classesOf();
    if (counts.size <= 1) break;
    const tiny = [...counts].filter(([, count]) => count < MIN_SERVICE_CLASSES).map(([cluster]) => cluster);
    if (target !== undefined && counts.size <= target) break;
    if (target === undefined) {
      // Only services too small to stand alone merge (asked for a number, the user may want small ones).
      const best = tiny.length > 0 ? bestMerge(g, assignment, new Set(tiny)) : undefined;
      if (!best) break;
      merge(assignment, best);
      small++;
      continue;
    }
    const best = bestMerge(g, assignment);
    if (!best) break;
    merge(assignment, best);
    merges++;
  }
  renumber(assignment);
  const services = new Set(assignment.values()).size;
  const modularity = round(modularityOf(g, assignment));
  const smallNote =
    small > 0
      ? `; ${small} of fewer than ${MIN_SERVICE_CLASSES} classes joined the service they are most coupled to`
      : '';
  const why =
    target !== undefined
      ? `asked for ${target} service${target === 1 ? '' : 's'}: ${grown} grown from the data and the entry points, ${merges > 0 ? `${merges} merge${merges === 1 ? '' : 's'} of the pair whose merge raised modularity most` : notes.length ? notes.join('; ') : 'kept as grown'}${smallNote}${services !== target ? ` (${services} is as many as the code allows)` : ''}; modularity ${modularity}`
      : `one service per aggregate of data, read side with entry points, and group of classes no aggregate reaches: ${grown}${smallNote}; modularity ${modularity} (--services N merges or cuts them)`;
  return { grown, services, modularity, why };
}

function merge(assignment: Map<string, number>, { a, b }: { a: number; b: number }): void {
  for (const [node, cluster] of assignment) if (cluster === b) assignment.set(node, a);
}

/** The merge of two services that raises modularity most (or lowers it least). */
function bestMerge(
  g: WeightedGraph,
  assignment: Map<string, number>,
  among?: Set<number>,
): { a: number; b: number; gain: number } | undefined {
  const { total, degree, between } = clusterTies(g, assignment);
  if (total === 0) return undefined;
  let best: { a: number; b: number; gain: number } | undefined;
  const clusters = [...new Set(assignment.values())].sort((a, b) => a - b);
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const [a, b] = [clusters[i]!, clusters[j]!];
      if (among && !among.has(a) && !among.has(b)) continue;
      const gain =
        (between.get(`${a} ${b}`) ?? 0) / total - (2 * (degree.get(a) ?? 0) * (degree.get(b) ?? 0)) / (2 * total) ** 2;
      if (!best || gain > best.gain + 1e-12) best = { a, b, gain };
    }
  }
  return best;
}

/** Cuts the largest services with Louvain until `target` exist or none can be cut; says what it did. */
function cutUntil(g: WeightedGraph, assignment: Map<string, number>, target: number, seed: number): string[] {
  const notes: string[] = [];
  const uncuttable = new Set<number>();
  for (;;) {
    const sizes = new Map<number, number>();
    for (const cluster of assignment.values()) sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
    if (sizes.size >= target) break;
    const largest = [...sizes]
      .filter(([cluster, size]) => !uncuttable.has(cluster) && size >= 2)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!largest) break;
    const members = [...assignment].filter(([, cluster]) => cluster === largest[0]).map(([node]) => node);
    const sub = new UndirectedGraph<Record<string, never>, { weight: number }>();
    for (const node of members) sub.addNode(node);
    const inside = new Set(members);
    g.forEachEdge((_edge, { weight }, x, y) => {
      if (inside.has(x) && inside.has(y)) sub.addEdge(x, y, { weight });
    });
    const communities = louvain(sub, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
    const parts = [...new Set(Object.values(communities))].sort((a, b) => a - b);
    if (parts.length < 2) {
      uncuttable.add(largest[0]);
      continue;
    }
    let next = Math.max(...assignment.values()) + 1;
    const fresh = new Map(parts.slice(1).map((part) => [part, next++]));
    for (const node of members) if (fresh.has(communities[node]!)) assignment.set(node, fresh.get(communities[node]!)!);
    notes.push(`a service of ${largest[1]} cut in ${parts.length} by Louvain`);
  }
  return notes;
}

function renumber(assignment: Map<string, number>): void {
  const first = new Map<number, string>();
  for (const [node, cluster] of [...assignment].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (!first.has(cluster)) first.set(cluster, node);
  const order = new Map([...first.keys()].map((cluster, index) => [cluster, index]));
  for (const [node, cluster] of assignment) assignment.set(node, order.get(cluster)!);
}
