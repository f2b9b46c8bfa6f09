import { compareStrings } from '../../util/compare.js';
import { append } from '../../util/multimap.js';
import { WORD_NODE, type SplitInput } from './split-input.js';

/** The seed of a service: data that is stored together, with the classes that map and store it. */
export interface Aggregate {
  data: string[];
  atoms: string[];
}

interface Seed {
  data: Set<string>;
  atoms: Set<string>;
}

/**
 * The application's aggregates (docs/split.md, step 1), the seeds of its services:
 * - a root: data with a class of its own that touches only it (its repository or DAO), with its
 *   entity class; seeds that share a class (an entity mapped to two tables) are one;
 * - data no class touches alone goes with the class that stores it most, and what one class
 *   stores most is one aggregate (a DAO of orders and their lines);
 * - a part: an entity nothing stores directly (it is saved through its root's cascade) joins the
 *   root whose classes reach it first through the code (Cargo → Itinerary → Leg), and stands alone
 *   if none does.
 * A class that writes several aggregates' data (a service orchestrating them, a loader of sample
 * data) joins none of them here: it goes where its ties are strongest, and writing another
 * service's data is reported as a conflict.
 */
export function findAggregates(input: SplitInput): Aggregate[] {
  const seeds: Seed[] = [];
  const seedOf = new Map<string, Seed>();
  const add = (data: string[], atoms: string[]) => {
    // An atom already in another seed joins the two.
    const joined = [...new Set(atoms.map((atom) => seedOf.get(atom)).filter((seed) => seed !== undefined))];
    const seed = joined[0] ?? { data: new Set<string>(), atoms: new Set<string>() };
    if (!joined[0]) seeds.push(seed);
    for (const other of joined.slice(1)) {
      for (const node of other.data) seed.data.add(node);
      for (const atom of other.atoms) {
        seed.atoms.add(atom);
        seedOf.set(atom, seed);
      }
      seeds.splice(seeds.indexOf(other), 1);
    }
    for (const node of data) {
      seed.data.add(node);
      seedOf.set(node, seed);
    }
    for (const atom of atoms) {
      seed.atoms.add(atom);
      seedOf.set(atom, seed);
    }
  };
  const touches = (atom: string) => new Set([...(input.writes.get(atom) ?? []), ...(input.reads.get(atom) ?? [])]);

  // Roots: data with a class that touches nothing else.
  for (const data of input.data) {
    const own = [...(input.writers.get(data) ?? []), ...(input.readers.get(data) ?? [])].filter(
      (atom) => touches(atom).size === 1,
    );
    if (own.length > 0) add([data], [...(input.mappedBy.get(data) ?? []), ...own]);
  }

  // Data no class touches alone: each goes with the class that stores it most (writing counts twice,
  // reading once), and what one class stores most is one aggregate (a DAO of orders and their lines).
  const unseeded = input.data.filter((data) => !seedOf.has(data) && (input.writers.get(data)?.length ?? 0) > 0);
  const storeOf = new Map<string, string[]>();
  for (const data of unseeded) {
    const score = (atom: string) => 2 + (input.readers.get(data)?.includes(atom) ? 1 : 0);
    const [store] = [...input.writers.get(data)!].sort(
      (a, b) =>
        score(b) - score(a) || input.writes.get(a)!.length - input.writes.get(b)!.length || compareStrings(a, b),
    );
    append(storeOf, store!, data);
  }
  for (const [store, data] of [...storeOf].sort(([a], [b]) => compareStrings(a, b))) add(data, [store]);

  // Parts: mapped entities nothing stores alone, reached from a root's classes through the code.
  const parts = input.data.filter((data) => !seedOf.has(data) && input.mappedBy.has(data));
  const owner = reachFromRoots(input, seeds, seedOf);
  for (const data of parts) {
    const entity = input.mappedBy.get(data)!;
    const reached = entity.map((atom) => owner.get(atom)).find((seed) => seed !== undefined);
    if (reached) add([data], [...reached.atoms][0] ? [[...reached.atoms][0]!, ...entity] : entity);
    else add([data], entity);
  }
  // One module, one aggregate: seeds whose classes share a business word (the lending module's books, patrons and sheets) are joined, and the word's node is theirs.
  for (const seed of [...seeds]) {
    const words = [...seed.atoms].map((atom) => input.wordOf.get(atom)).filter((word) => word !== undefined);
    if (words.length > 0 && seeds.includes(seed))
      add([], [[...seed.atoms][0]!, ...new Set(words.map((word) => `${WORD_NODE}${word}`))]);
  }
  return seeds
    .map((seed) => ({ data: [...seed.data].sort(compareStrings), atoms: [...seed.atoms].sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.data[0]!, b.data[0]!));
}

/** How far (in uses) a root's entities reach the parts they hold: Cargo → Itinerary → Leg is two. */
const PART_DEPTH = 3;

/** Whether two classes are of one module: one business word, or one package where neither has a word. */
function sameModule(input: SplitInput, a: string, b: string): boolean {
  const [wordA, wordB] = [input.wordOf.get(a), input.wordOf.get(b)];
  return wordA !== undefined || wordB !== undefined ? wordA === wordB : input.packageOf(a) === input.packageOf(b);
}

/**
 * The root whose entity classes reach each class first, breadth first along the code's own
 * direction (what a class uses) and at most PART_DEPTH steps, never through another seed's
 * classes, an entry point or a class that writes data, nor out of the module (business word, or
 * package without one): an entity holds its parts, a service that calls many repositories holds
 * nothing, and an aggregate does not cross a module's boundary.
 */
function reachFromRoots(input: SplitInput, seeds: Seed[], seedOf: Map<string, Seed>): Map<string, Seed> {
  const owner = new Map<string, Seed>();
  let frontier: [string, Seed][] = [];
  for (const seed of seeds)
    for (const data of [...seed.data].sort(compareStrings))
      for (const atom of input.mappedBy.get(data) ?? []) frontier.push([atom, seed]);
  for (let depth = 0; depth < PART_DEPTH && frontier.length > 0; depth++) {
    const next: [string, Seed][] = [];
    for (const [atom, seed] of frontier) {
      for (const used of input.uses.get(atom) ?? []) {
        if (
          owner.has(used) ||
          seedOf.has(used) ||
          input.entryPoints.has(used) ||
          input.writes.has(used) ||
          !sameModule(input, atom, used)
        )
          continue;
        owner.set(used, seed);
        next.push([used, seed]);
      }
    }
    frontier = next;
  }
  return owner;
}
