import { compareStrings } from '../../util/compare.js';
import { businessWord, kebab } from './business-words.js';
import type { SplitInput } from './split-input.js';

/**
 * A service's name (docs/split.md, Names): the business word of its main data's entity class (or
 * of the class that stores it), else the word most of its classes' packages carry, else its main
 * entity's name, else its first entry point's route; never a layer (`jpa`, `impl`) or a number alone. Names are unique: a repeat gets -2, -3.
 */
export function nameServices(
  input: SplitInput,
  members: Map<number, string[]>,
  dataOf: Map<number, string[]>,
): Map<number, string> {
  const names = new Map<number, string>();
  const taken = new Set<string>();
  for (const [cluster, atoms] of [...members].sort((a, b) => a[0] - b[0])) {
    const counts = new Map<string, number>();
    for (const atom of atoms) {
      const word = input.wordOf.get(atom);
      if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const byPackage = [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0]?.[0];
    const data = (dataOf.get(cluster) ?? []).map((node) => ({
      node,
      weight:
        (input.writers.get(node)?.length ?? 0) * 2 +
        (input.mappedBy.get(node)?.length ?? 0) * 3 +
        (input.readers.get(node)?.length ?? 0),
    }));
    const main = data.sort((a, b) => b.weight - a.weight || compareStrings(a.node, b.node))[0]?.node;
    const entity = main
      ? input.mappedBy.get(main)?.[0]
        ? input.label(input.mappedBy.get(main)![0]!).split('.').pop()!
        : input.label(main)
      : undefined;
    const route = atoms
      .map((atom) => /\/([A-Za-z][\w-]*)/.exec(input.entryPoints.get(atom) ?? '')?.[1])
      .find((segment) => segment && businessWord(segment, []));
    // The module of its main data's entity (or store) comes first: a service is named after what it owns.
    const owner = main
      ? [...(input.mappedBy.get(main) ?? []), ...(input.writers.get(main) ?? [])].find(
          (atom) => atoms.includes(atom) && input.wordOf.has(atom),
        )
      : undefined;
    const base =
      kebab(
        (owner && input.wordOf.get(owner)) ?? byPackage ?? entity ?? route ?? input.label(atoms[0]!).split('.').pop()!,
      ) || 'service';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(cluster, name);
  }
  return names;
}
