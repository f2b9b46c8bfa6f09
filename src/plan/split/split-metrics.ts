import type { SplitMetric, SplitMetrics } from '../split-types.js';
import { compareStrings } from '../../util/compare.js';
import { modularityOf } from './service-count.js';
import type { SplitInput } from './split-input.js';

const round = (value: number) => Math.round(value * 1000) / 1000;
const value = (number: number): SplitMetric => ({ value: round(number) });
const notApplicable = (reason: string): SplitMetric => ({ value: null, reason });

/**
 * Modularity and the five metrics of Mono2Micro (Kalia et al., FSE 2021), as docs/split.md
 * defines them, over every server class: a shared library counts as a group of its own, so the
 * classes set aside are not left out of the figures. Links are static code edges, or the
 * measured calls when given; a metric that cannot be computed is null with the reason.
 */
export function splitMetrics(input: SplitInput, groupOf: Map<string, string>): SplitMetrics {
  const atoms = input.atoms.filter((atom) => groupOf.has(atom));
  const sizes = new Map<string, number>();
  for (const atom of atoms) sizes.set(groupOf.get(atom)!, (sizes.get(groupOf.get(atom)!) ?? 0) + 1);
  const K = sizes.size;
  const N = atoms.length;
  const measured = input.callsMeasured;
  // Linked class pairs, counted once: any code edge, or a measured call.
  const linked = new Set<string>();
  const link = (a: string, b: string) => {
    if (a !== b && groupOf.has(a) && groupOf.has(b)) linked.add(compareStrings(a, b) < 0 ? `${a}\0${b}` : `${b}\0${a}`);
  };
  if (measured) for (const key of input.calls.keys()) link(...(key.split('\0') as [string, string]));
  else for (const [atom, used] of input.uses) for (const other of used) link(atom, other);

  const inside = new Map<string, number>();
  const across = new Map<string, number>();
  let crossPairs = 0;
  for (const pair of linked) {
    const [a, b] = pair.split('\0').map((atom) => groupOf.get(atom)!) as [string, string];
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + 1);
    else {
      const key = compareStrings(a, b) < 0 ? `${a}\0${b}` : `${b}\0${a}`;
      across.set(key, (across.get(key) ?? 0) + 1);
      crossPairs++;
    }
  }
  let cohesion = 0;
  for (const [group, size] of sizes) cohesion += (inside.get(group) ?? 0) / (size * size);
  let coupling = 0;
  for (const [key, count] of across) {
    const [a, b] = key.split('\0') as [string, string];
    coupling += count / (sizes.get(a)! * sizes.get(b)!);
  }
  const sm = cohesion / K - (K > 1 ? (2 / (K * (K - 1))) * coupling : 0);

  let crossCalls = 0;
  let allCalls = 0;
  for (const [key, count] of input.calls) {
    const [a, b] = key.split('\0') as [string, string];
    if (!groupOf.has(a) || !groupOf.has(b)) continue;
    const weight = Math.log(count) + 1;
    allCalls += weight;
    if (groupOf.get(a) !== groupOf.get(b)) crossCalls += weight;
  }
  const ned =
    1 - [...sizes.values()].filter((size) => size >= 5 && size <= 20).reduce((sum, size) => sum + size, 0) / N;

  // Use cases: the classes reachable from each entry point through code edges (up to 8 steps).
  const entries = atoms.filter((atom) => input.entryPoints.has(atom));
  const touching = new Map<string, number>();
  for (const entry of entries) {
    const reached = new Set([entry]);
    let frontier = [entry];
    for (let depth = 0; depth < 8 && frontier.length; depth++) {
      const next: string[] = [];
      for (const atom of frontier)
        for (const other of input.uses.get(atom) ?? [])
          if (groupOf.has(other) && !reached.has(other)) {
            reached.add(other);
            next.push(other);
          }
      frontier = next;
    }
    for (const group of new Set([...reached].map((atom) => groupOf.get(atom)!)))
      touching.set(group, (touching.get(group) ?? 0) + 1);
  }
  const bcp = [...sizes.keys()].reduce((sum, group) => sum + Math.log(Math.max(1, touching.get(group) ?? 0)), 0) / K;

  // Modularity over the split's weighted graph: data nodes count with the service they belong to.
  const numbered = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const [node, group] of groupOf) numbered.set(node, ids.get(group) ?? ids.set(group, ids.size).get(group)!);
  let weighted = false;
  input.g.forEachEdge((_edge, _attributes, x, y) => {
    if (numbered.has(x) && numbered.has(y)) weighted = true;
  });

  const edges = measured ? 'runtime' : 'static';
  if (N === 0) {
    const none = notApplicable('no server class');
    return {
      over: { classes: 0, groups: 0, links: 0, edges },
      modularity: none,
      sm: none,
      icp: none,
      ifn: none,
      ned: none,
      bcp: none,
    };
  }
  return {
    over: { classes: N, groups: K, links: linked.size, edges },
    modularity: weighted ? value(modularityOf(input.g, numbered)) : notApplicable('no ties between classes'),
    sm:
      linked.size > 0
        ? value(sm)
        : notApplicable(
            measured ? 'no measured call joins two server classes' : 'no code edge joins two server classes',
          ),
    icp:
      allCalls > 0
        ? value(crossCalls / allCalls)
        : notApplicable(
            measured ? 'no measured call joins two server classes' : 'no static call between server classes was read',
          ),
    ifn: value(crossPairs / K),
    ned: value(ned),
    bcp:
      entries.length > 0
        ? value(bcp)
        : notApplicable('no entry point (controller, servlet, listener, job) was found, so there are no use cases'),
  };
}
