import { compareStrings } from '../../util/compare.js';
import { Heap } from '../graph-algorithms.js';
import type { Aggregate } from './aggregates.js';
import { MIN_SERVICE_CLASSES } from './service-count.js';
import type { SplitInput } from './split-input.js';

interface Reach {
  node: string;
  cluster: number;
  distance: number;
}

/**
 * Grows services from their aggregates (docs/split.md, step 3): every other class joins the
 * aggregate it is closest to, a path's length being the sum of 1/weight over its ties (a
 * multi-source Dijkstra: strong ties are short). So a controller joins the data it calls on, a
 * value type the entity that holds it, and a large service does not swallow its neighbours just
 * by being large. Returns each node's service (data nodes too). Classes no aggregate reaches form
 * services of their own where they hold together; the rest are placed later, by package. `skip`
 * holds classes growth leaves alone (utilities): no path runs through them.
 */
export function growServices(input: SplitInput, aggregates: Aggregate[], skip: Set<string>): Map<string, number> {
  const { g } = input;
  const assignment = new Map<string, number>();
  const best = new Map<string, number>();
  const heap = new Heap<Reach>(
    (a, b) => a.distance - b.distance || a.cluster - b.cluster || compareStrings(a.node, b.node),
  );
  const reachFrom = (sources: Iterable<string>, cluster: number) => {
    for (const node of sources) {
      best.set(node, 0);
      heap.push({ node, cluster, distance: 0 });
    }
    while (heap.size > 0) {
      const { node, cluster: from, distance } = heap.pop()!;
      if (assignment.has(node)) continue;
      assignment.set(node, from);
      g.forEachEdge(node, (_edge, { weight }, x, y) => {
        const other = x === node ? y : x;
        if (skip.has(other) || assignment.has(other) || weight <= 0) return;
        const length = distance + 1 / weight;
        if (length < (best.get(other) ?? Infinity)) {
          best.set(other, length);
          heap.push({ node: other, cluster: from, distance: length });
        }
      });
    }
  };
  aggregates.forEach((aggregate, cluster) => {
    for (const node of [...aggregate.data, ...aggregate.atoms]) {
      if (best.get(node) === 0) continue;
      best.set(node, 0);
      heap.push({ node, cluster, distance: 0 });
    }
  });
  reachFrom([], 0);

  // What no aggregate reaches: connected groups of classes become services of their own.
  let next = aggregates.length;
  const open = (node: string) => !assignment.has(node) && !skip.has(node);
  const seen = new Set<string>();
  for (const start of input.atoms.filter(open)) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    for (const queue = [start]; queue.length > 0;) {
      const node = queue.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      component.push(node);
      g.forEachNeighbor(node, (other) => {
        if (open(other) && !seen.has(other)) queue.push(other);
      });
    }
    const classes = component.filter((node) => input.atomOf.has(node));
    // The component's most connected class seeds it.
    if (classes.length >= MIN_SERVICE_CLASSES)
      reachFrom([[...classes].sort((a, b) => g.degree(b) - g.degree(a) || compareStrings(a, b))[0]!], next++);
  }
  return assignment;
}

/**
 * Places classes nothing ties to a service: with the package that holds most of their nearest
 * enclosing package's placed classes, else in the largest service (every class ends up in one place).
 */
export function placeByPackage(input: SplitInput, assignment: Map<string, number>, placedElsewhere: Set<string>): void {
  const unplaced = input.atoms.filter((atom) => !assignment.has(atom) && !placedElsewhere.has(atom));
  if (unplaced.length === 0) return;
  const byPrefix = new Map<string, Map<number, number>>();
  for (const [node, cluster] of assignment) {
    if (!input.atomOf.has(node)) continue;
    const parts = input.packageOf(node).split('.');
    for (let length = parts.length; length >= 0; length--) {
      const prefix = parts.slice(0, length).join('.');
      const tally = byPrefix.get(prefix) ?? byPrefix.set(prefix, new Map()).get(prefix)!;
      tally.set(cluster, (tally.get(cluster) ?? 0) + 1);
    }
  }
  for (const atom of unplaced) {
    const parts = input.packageOf(atom).split('.');
    for (let length = parts.length; length >= 0; length--) {
      const tally = byPrefix.get(parts.slice(0, length).join('.'));
      if (!tally) continue;
      assignment.set(atom, [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
      break;
    }
    if (!assignment.has(atom)) assignment.set(atom, 0);
  }
}
