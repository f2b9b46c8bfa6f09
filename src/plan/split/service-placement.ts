import { compareStrings } from '../../util/compare.js';
import { append } from '../../util/multimap.js';
import type { ClassAssignment } from './assign-classes.js';
import { kebab } from './business-words.js';
import { nameServices } from './service-names.js';
import type { SplitInput } from './split-input.js';

/** Where every class and table ended up, by name: what the proposal's parts are described from. */
export interface ServicePlacement {
  /** Service number → its classes (nested ones with their outer class); shared-library classes are in none. */
  members: Map<number, string[]>;
  /** Service number → the data it owns. */
  dataOf: Map<number, string[]>;
  names: Map<number, string>;
  shared: Map<string, string[]>;
  serviceOfAtom: (atom: string) => string | undefined;
  libraryOfAtom: Map<string, string>;
  libraryName: (pkg: string) => string;
  /** The units (classes, as labelled) of some atoms, sorted. */
  unitsOf: (atoms: string[]) => string[];
}

/** Names the services and places each table with the service of the class that stores it. */
export function placeServices(
  input: SplitInput,
  { assignment, shared, sharedAtoms }: ClassAssignment,
): ServicePlacement {
  const members = new Map<number, string[]>();
  for (const atom of input.atoms) if (!sharedAtoms.has(atom)) append(members, assignment.get(atom)!, atom);
  const dataOf = new Map<number, string[]>();
  for (const data of input.data) {
    const owner =
      assignment.get(data) ??
      assignment.get(
        [...(input.writers.get(data) ?? []), ...(input.readers.get(data) ?? [])].find((atom) => assignment.has(atom)) ??
          '',
      );
    if (owner !== undefined) append(dataOf, owner, data);
  }
  const names = nameServices(input, members, dataOf);
  const serviceOfAtom = (atom: string) => (sharedAtoms.has(atom) ? undefined : names.get(assignment.get(atom)!));
  const libraryName = (pkg: string) => `${kebab(pkg.split('.').pop() || 'common')}-library`;
  const libraryOfAtom = new Map<string, string>();
  for (const [pkg, atoms] of shared) for (const atom of atoms) libraryOfAtom.set(atom, libraryName(pkg));
  const unitsByAtom = new Map<string, string[]>();
  for (const [unit, atom] of input.atomOf) append(unitsByAtom, atom, input.label(unit));
  const unitsOf = (atoms: string[]) => atoms.flatMap((atom) => unitsByAtom.get(atom) ?? []).sort(compareStrings);

  return { members, dataOf, names, shared, serviceOfAtom, libraryOfAtom, libraryName, unitsOf };
}

/** Each class's service, or its shared library; each table's owning service: the groups the metrics measure. */
export function groupsOf(input: SplitInput, placement: ServicePlacement): Map<string, string> {
  const { serviceOfAtom, libraryOfAtom, dataOf, names } = placement;
  const groupOf = new Map<string, string>();
  for (const atom of input.atoms) groupOf.set(atom, serviceOfAtom(atom) ?? `library:${libraryOfAtom.get(atom)}`);
  for (const [cluster, data] of dataOf) for (const node of data) groupOf.set(node, names.get(cluster)!);
  return groupOf;
}
