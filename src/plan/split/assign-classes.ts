import { compareStrings } from '../../util/compare.js';
import { append } from '../../util/multimap.js';
import { seededRandom } from '../../util/seeded-random.js';
import { louvain } from '../graph-algorithms.js';
import { findAggregates, type Aggregate } from './aggregates.js';
import { growServices, placeByPackage } from './grow-services.js';
import { settleServiceCount, type ServiceCount } from './service-count.js';
import { WORD_NODE, type SplitInput } from './split-input.js';
import { placeUtilities, utilityPackages } from './utilities.js';

/** Which service each class went to, which packages became shared libraries, and why the count is what it is. */
export interface ClassAssignment {
  /** Class (or data node) → service number. */
  assignment: Map<string, number>;
  /** Shared library package → its classes. */
  shared: Map<string, string[]>;
  sharedAtoms: Set<string>;
  count: ServiceCount;
}

/**
 * Seeds, then every class to a service: aggregates of data and the classes that store it, and
 * read sides with entry points, seed services (the code's own communities when it holds no
 * data); every other class joins the seed it is closest to, or its package's service; the count
 * is settled (tiny services merged, or as many as asked for); utility packages that three
 * services use become shared libraries, the others join their users.
 */
export function assignClasses(input: SplitInput, target: number | undefined, seed: number): ClassAssignment {
  const utilities = utilityPackages(input);
  const utilityAtoms = new Set([...utilities.values()].flat());
  let aggregates = findAggregates(input);
  // Business words whose classes serve entry points but hold no aggregate's class (a read side such as tracking) seed services of their own.
  aggregates = [...aggregates, ...entryPointWords(input, aggregates)];
  // Without data, the code's own communities are the seeds (Louvain, seeded).
  if (aggregates.length === 0) aggregates = communitySeeds(input, utilityAtoms, seed);
  const assignment = growServices(input, aggregates, utilityAtoms);
  placeByPackage(input, assignment, utilityAtoms);
  const count = settleServiceCount(input.g, assignment, (node) => input.atomOf.has(node), target, seed);
  const shared = placeUtilities(input, utilities, assignment);
  const sharedAtoms = new Set([...shared.values()].flat());
  placeByPackage(input, assignment, sharedAtoms);
  return { assignment, shared, sharedAtoms, count };
}

/** Seeds for code without data: Louvain's communities of its classes (seeded, so the same code gives the same seeds). */
function communitySeeds(input: SplitInput, skip: Set<string>, seed: number): Aggregate[] {
  const sub = input.g.copy();
  for (const node of skip) sub.dropNode(node);
  if (sub.size === 0) return [];
  const communities = louvain(sub, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  const byCommunity = new Map<number, string[]>();
  for (const atom of input.atoms) if (communities[atom] !== undefined) append(byCommunity, communities[atom], atom);
  // A class with no tie is no seed: it is placed by package.
  return [...byCommunity.values()]
    .filter((atoms) => atoms.length >= 2)
    .map((atoms) => ({ data: [], atoms: atoms.sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.atoms[0]!, b.atoms[0]!));
}

/** Business words with entry points and no aggregate class: each seeds a service from its word node. */
export function entryPointWords(input: SplitInput, aggregates: Aggregate[]): Aggregate[] {
  const held = new Set(
    aggregates.flatMap((aggregate) =>
      aggregate.atoms.map((atom) => input.wordOf.get(atom)).filter((word) => word !== undefined),
    ),
  );
  const words = new Set(
    [...input.entryPoints.keys()]
      .map((atom) => input.wordOf.get(atom))
      .filter((word) => word !== undefined && !held.has(word)),
  );
  return [...words]
    .sort((a, b) => compareStrings(a!, b!))
    .map((word) => ({ data: [], atoms: [`${WORD_NODE}${word}`] }));
}
