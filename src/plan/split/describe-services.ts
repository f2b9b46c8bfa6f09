import { compareStrings } from '../../util/compare.js';
import { append } from '../../util/multimap.js';
import type { SplitProposal, SplitService } from '../split-types.js';
import type { ServicePlacement } from './service-placement.js';
import type { SplitInput } from './split-input.js';

const shortName = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** Each service: its units, the tables it owns, what it serves, who calls it, what it calls and the shared libraries it uses. */
export function describeServices(input: SplitInput, placement: ServicePlacement): SplitService[] {
  const { members, dataOf, names, serviceOfAtom, libraryOfAtom, unitsOf } = placement;
  return [...members.keys()]
    .sort((a, b) => a - b)
    .map((cluster) => {
      const name = names.get(cluster)!;
      const atoms = members.get(cluster)!;
      const inbound = new Map<string, Set<string>>();
      const outbound = new Map<string, string>();
      for (const [atom, used] of input.uses) {
        for (const target of used) {
          const [from, to] = [serviceOfAtom(atom), serviceOfAtom(target)];
          if (!from || !to || from === to) continue;
          if (to === name) inbound.set(input.label(target), (inbound.get(input.label(target)) ?? new Set()).add(from));
          if (from === name) outbound.set(input.label(target), to);
        }
      }
      const libraries = new Set(
        atoms.flatMap((atom) =>
          (input.uses.get(atom) ?? [])
            .map((target) => libraryOfAtom.get(target))
            .filter((library) => library !== undefined),
        ),
      );
      return {
        name,
        units: unitsOf(atoms),
        entities: (dataOf.get(cluster) ?? []).map(input.label).sort(compareStrings),
        entryPoints: atoms
          .flatMap((atom) =>
            (input.entryPoints.get(atom)?.split('; ') ?? []).map(
              (entry) => `${entry} (${shortName(input.label(atom))})`,
            ),
          )
          .sort(compareStrings),
        inbound: [...inbound]
          .map(([unit, from]) => ({ unit, from: [...from].sort(compareStrings) }))
          .sort((a, b) => compareStrings(a.unit, b.unit)),
        outbound: [...outbound]
          .map(([unit, service]) => ({ unit, service }))
          .sort((a, b) => compareStrings(a.unit, b.unit)),
        sharedLibraries: [...libraries].sort(compareStrings),
      };
    });
}

/** Each shared library: its units and the services that use it. */
export function describeSharedLibraries(
  input: SplitInput,
  placement: ServicePlacement,
): SplitProposal['sharedLibraries'] {
  const { shared, serviceOfAtom, libraryName, unitsOf } = placement;
  return [...shared].map(([pkg, atoms]) => {
    const usedBy = new Set<string>();
    for (const [atom, used] of input.uses)
      if (used.some((target) => atoms.includes(target)) && serviceOfAtom(atom)) usedBy.add(serviceOfAtom(atom)!);
    return { name: libraryName(pkg), units: unitsOf(atoms), usedBy: [...usedBy].sort(compareStrings) };
  });
}

/**
 * Tables another service writes too: a service owns its entities and alone creates and updates
 * them, so each other writer should go through the owner's API or an event.
 */
export function dataConflicts(input: SplitInput, placement: ServicePlacement): SplitProposal['conflicts'] {
  const { dataOf, names, serviceOfAtom } = placement;
  const conflicts: SplitProposal['conflicts'] = [];
  for (const [cluster, data] of dataOf) {
    const owner = names.get(cluster)!;
    for (const node of data) {
      const byService = new Map<string, string[]>();
      for (const atom of input.writers.get(node) ?? [])
        if (serviceOfAtom(atom)) append(byService, serviceOfAtom(atom)!, input.label(atom));
      const others = [...byService].filter(([service]) => service !== owner);
      if (others.length === 0) continue;
      const entity = input.label(node);
      conflicts.push({
        entity,
        owner,
        writers: [...byService]
          .map(([service, units]) => ({ service, units: units.sort(compareStrings) }))
          .sort((a, b) => compareStrings(a.service, b.service)),
        suggestion: `${entity} belongs to ${owner}: ${others.map(([service, units]) => `${units.map(shortName).join(', ')} in ${service}`).join('; ')} should ask ${owner} through its API (an operation such as "update ${entity.toLowerCase()}") or publish an event ${owner} handles, instead of writing the table.`,
      });
    }
  }
  conflicts.sort((a, b) => compareStrings(a.entity, b.entity));

  return conflicts;
}
