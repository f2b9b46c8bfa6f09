import { compareStrings } from '../util/compare.js';

/**
 * MoJo and MoJoFM (Tzerpos and Holt 1999; Wen and Tzerpos 2004): how far a proposed split is from
 * a reference one, in Move and Join operations, and as a 0-100 similarity. Both partitions map an
 * object (a class) to the name of its cluster (a service); only objects the reference places count.
 */
export interface MoJoOutcome {
  /** Moves and joins that turn the proposal into the reference. */
  distance: number;
  /** 100 when they agree, 0 at the largest distance any proposal can have from this reference. */
  similarity: number;
  /** Objects both partitions place. */
  objects: number;
}

export function mojoFm(proposal: Map<string, string>, reference: Map<string, string>): MoJoOutcome {
  const objects = [...proposal.keys()].filter((object) => reference.has(object)).sort(compareStrings);
  // Each proposed cluster, with how many of its objects each reference cluster holds.
  const tags = new Map<string, Map<string, number>>();
  for (const object of objects) {
    const cluster = proposal.get(object)!;
    const counts = tags.get(cluster) ?? new Map<string, number>();
    tags.set(cluster, counts);
    const group = reference.get(object)!;
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  // A cluster belongs to the reference cluster it shares most objects with; the others move out.
  let moves = 0;
  const candidates: string[][] = [];
  for (const counts of tags.values()) {
    const most = Math.max(...counts.values());
    moves += [...counts.values()].reduce((sum, count) => sum + count, 0) - most;
    candidates.push([...counts].filter(([, count]) => count === most).map(([group]) => group));
  }
  // Ties are settled so that as many clusters as possible land in different reference clusters
  // (a maximum bipartite matching): each shared landing is a join.
  const groups = largestMatching(candidates);
  const distance = moves + tags.size - groups;
  const largest = largestDistance(reference, new Set(objects));
  return {
    distance,
    similarity: largest === 0 ? (distance === 0 ? 100 : 0) : round((1 - distance / largest) * 100),
    objects: objects.length,
  };
}

/** The largest MoJo distance of any partition of these objects from the reference (Wen and Tzerpos). */
function largestDistance(reference: Map<string, string>, objects: Set<string>): number {
  const sizes = new Map<string, number>();
  for (const [object, group] of reference) if (objects.has(object)) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  let groups = 0;
  for (const size of [...sizes.values()].sort((a, b) => a - b)) if (groups < size) groups++;
  return objects.size - groups;
}

/** Size of a maximum matching of clusters to reference groups, each cluster to one of its candidates (augmenting paths). */
function largestMatching(candidates: string[][]): number {
  const owner = new Map<string, number>();
  const assign = (cluster: number, seen: Set<string>): boolean => {
    for (const group of candidates[cluster]!) {
      if (seen.has(group)) continue;
      seen.add(group);
      const current = owner.get(group);
      if (current === undefined || assign(current, seen)) {
        owner.set(group, cluster);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let cluster = 0; cluster < candidates.length; cluster++) if (assign(cluster, new Set())) matched++;
  return matched;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
