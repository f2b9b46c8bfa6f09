import { compareStrings } from '../../util/compare.js';
import { append } from '../../util/multimap.js';
import type { SplitInput } from './split-input.js';

/**
 * Classes that may become a shared library (docs/split.md, step 2): those of packages whose every
 * class touches no data, serves no entry point and uses only other such classes (base classes,
 * value types, helpers). An entity, a repository or a business facade uses data or domain code,
 * so it is never one. They stay out of the growth of services, so that a helper everyone uses
 * does not pull every class into one service; where they go is decided once services exist.
 */
export function utilityPackages(input: SplitInput): Map<string, string[]> {
  // A class of a package named after a part of the business belongs to that part: never a shared library.
  const candidates = new Set(
    input.atoms.filter(
      (atom) =>
        !input.wordOf.has(atom) &&
        !input.entryPoints.has(atom) &&
        !input.writes.has(atom) &&
        !input.reads.has(atom) &&
        !input.data.some((data) => input.mappedBy.get(data)?.includes(atom)),
    ),
  );
  // Peel off any class that uses a class outside the set, until none does.
  for (let changed = true; changed;) {
    changed = false;
    for (const atom of candidates) {
      if ((input.uses.get(atom) ?? []).some((used) => !candidates.has(used))) {
        candidates.delete(atom);
        changed = true;
      }
    }
  }
  const byPackage = new Map<string, string[]>();
  for (const atom of input.atoms) append(byPackage, input.packageOf(atom), atom);
  const packages = new Map<string, string[]>();
  for (const [pkg, members] of [...byPackage].sort(([a], [b]) => compareStrings(a, b)))
    if (members.every((atom) => candidates.has(atom))) packages.set(pkg, members);
  return packages;
}

/**
 * Where each utility package goes once services exist: a shared library when classes of at least
 * three services (every service, when there are two) use it, directly or through other utilities;
 * else into the service that uses it most. Returns the packages that are shared libraries.
 */
export function placeUtilities(
  input: SplitInput,
  packages: Map<string, string[]>,
  assignment: Map<string, number>,
): Map<string, string[]> {
  const utilityOf = new Map<string, string>();
  for (const [pkg, members] of packages) for (const atom of members) utilityOf.set(atom, pkg);
  // Users per utility package: services (weighted by ties) and other utility packages.
  const serviceUse = new Map<string, Map<number, number>>();
  const packageUse = new Map<string, Set<string>>();
  for (const atom of input.atoms) {
    const from = utilityOf.get(atom);
    for (const used of input.uses.get(atom) ?? []) {
      const pkg = utilityOf.get(used);
      if (!pkg || pkg === from) continue;
      if (from) packageUse.set(pkg, (packageUse.get(pkg) ?? new Set()).add(from));
      else if (assignment.has(atom)) {
        const tally = serviceUse.get(pkg) ?? serviceUse.set(pkg, new Map()).get(pkg)!;
        tally.set(
          assignment.get(atom)!,
          (tally.get(assignment.get(atom)!) ?? 0) + input.g.getEdgeAttribute(input.g.edge(atom, used)!, 'weight'),
        );
      }
    }
  }
  // Services reach a package through the utility packages that use it.
  const reached = (pkg: string) => {
    const services = new Set<number>();
    const seen = new Set([pkg]);
    for (const queue = [pkg]; queue.length > 0;) {
      const next = queue.pop()!;
      for (const service of serviceUse.get(next)?.keys() ?? []) services.add(service);
      for (const user of packageUse.get(next) ?? [])
        if (!seen.has(user)) {
          seen.add(user);
          queue.push(user);
        }
    }
    return services;
  };
  const serviceCount = new Set(assignment.values()).size;
  const shared = new Map<string, string[]>();
  const pending: string[] = [];
  for (const [pkg, members] of packages) {
    const services = reached(pkg);
    if (serviceCount >= 2 && services.size >= Math.min(3, serviceCount)) shared.set(pkg, members);
    else pending.push(pkg);
  }
  // The others go into the service that uses them most (or that holds the utility using them); what nothing uses is placed later, by package.
  for (let round = 0; pending.length > 0 && round <= packages.size; round++) {
    for (const pkg of [...pending]) {
      const tally = new Map(serviceUse.get(pkg) ?? []);
      for (const user of packageUse.get(pkg) ?? []) {
        const service = assignment.get(packages.get(user)![0]!);
        if (service !== undefined && !shared.has(user)) tally.set(service, (tally.get(service) ?? 0) + 1);
      }
      const best = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (!best) continue;
      for (const atom of packages.get(pkg)!) assignment.set(atom, best[0]);
      pending.splice(pending.indexOf(pkg), 1);
    }
  }
  return shared;
}
