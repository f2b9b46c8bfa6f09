import { compareStrings } from '../util/compare.js';
import { append } from '../util/multimap.js';
import { seededRandom } from '../util/seeded-random.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import { louvain } from './graph-algorithms.js';
import { findAggregates, type Aggregate } from './split/aggregates.js';
import { extractionOrder } from './split/extraction-order.js';
import { growServices, placeByPackage } from './split/grow-services.js';
import { settleServiceCount } from './split/service-count.js';
import { kebab } from './split/business-words.js';
import { nameServices } from './split/service-names.js';
import { WORD_NODE, CO_CHANGE_WEIGHT, RUNTIME_CALL_WEIGHT, SAME_PACKAGE, SPLIT_WEIGHTS, splitInput, type SplitInputOptions, type SplitInput } from './split/split-input.js';
import { splitMetrics } from './split/split-metrics.js';
import { placeUtilities, utilityPackages } from './split/utilities.js';
import type { SplitProposal, SplitService } from './split-types.js';

export type { ExtractionStep, SplitMetric, SplitMetrics, SplitProposal, SplitService } from './split-types.js';
export { SPLIT_WEIGHTS, CO_CHANGE_WEIGHT } from './split/split-input.js';

export interface SplitOptions extends SplitInputOptions {
  services?: number | undefined;
  seed?: number | undefined;
}

const shortName = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/**
 * Proposes services for one application (docs/split.md): aggregates of data and the classes that
 * store it, and read sides with entry points, are the seeds; every other server class joins the
 * seed it is closest to; one service per seed, tiny ones merged (or as many as asked for);
 * utility packages that three services use become shared libraries, the others join their users.
 * Every server class ends up in exactly one service or shared library.
 */
export function proposeSplit(graph: PortfolioGraph, applicationId: string, options: SplitOptions = {}): SplitProposal {
  const input = splitInput(graph, applicationId, options);
  if (input.atoms.length < 2) throw new Error(`Only ${input.atoms.length} server class${input.atoms.length === 1 ? '' : 'es'} (nested classes count with their outer class, browser code is the front end): too little to cut into services.`);
  const seed = options.seed ?? 42;
  const utilities = utilityPackages(input);
  const utilityAtoms = new Set([...utilities.values()].flat());
  let aggregates = findAggregates(input);
  // Business words whose classes serve entry points but hold no aggregate's class (a read side such as tracking) seed services of their own.
  aggregates = [...aggregates, ...entryPointWords(input, aggregates)];
  // Without data, the code's own communities are the seeds (Louvain, seeded).
  if (aggregates.length === 0) aggregates = communitySeeds(input, utilityAtoms, seed);
  const assignment = growServices(input, aggregates, utilityAtoms);
  placeByPackage(input, assignment, utilityAtoms);
  const count = settleServiceCount(input.g, assignment, (node) => input.atomOf.has(node), options.services, seed);
  const shared = placeUtilities(input, utilities, assignment);
  const sharedAtoms = new Set([...shared.values()].flat());
  placeByPackage(input, assignment, sharedAtoms);

  // Services: their classes (nested ones with their outer class) and data.
  const members = new Map<number, string[]>();
  for (const atom of input.atoms) if (!sharedAtoms.has(atom)) append(members, assignment.get(atom)!, atom);
  const dataOf = new Map<number, string[]>();
  for (const data of input.data) {
    const owner = assignment.get(data) ?? assignment.get([...(input.writers.get(data) ?? []), ...(input.readers.get(data) ?? [])].find((atom) => assignment.has(atom)) ?? '');
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

  const services: SplitService[] = [...members.keys()]
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
      const libraries = new Set(atoms.flatMap((atom) => (input.uses.get(atom) ?? []).map((target) => libraryOfAtom.get(target)).filter((library) => library !== undefined)));
      return {
        name,
        units: unitsOf(atoms),
        entities: (dataOf.get(cluster) ?? []).map(input.label).sort(compareStrings),
        entryPoints: atoms.flatMap((atom) => (input.entryPoints.get(atom)?.split('; ') ?? []).map((entry) => `${entry} (${shortName(input.label(atom))})`)).sort(compareStrings),
        inbound: [...inbound].map(([unit, from]) => ({ unit, from: [...from].sort(compareStrings) })).sort((a, b) => compareStrings(a.unit, b.unit)),
        outbound: [...outbound].map(([unit, service]) => ({ unit, service })).sort((a, b) => compareStrings(a.unit, b.unit)),
        sharedLibraries: [...libraries].sort(compareStrings),
      };
    });

  const sharedLibraries = [...shared].map(([pkg, atoms]) => {
    const usedBy = new Set<string>();
    for (const [atom, used] of input.uses) if (used.some((target) => atoms.includes(target)) && serviceOfAtom(atom)) usedBy.add(serviceOfAtom(atom)!);
    return { name: libraryName(pkg), units: unitsOf(atoms), usedBy: [...usedBy].sort(compareStrings) };
  });

  const conflicts: SplitProposal['conflicts'] = [];
  for (const [cluster, data] of dataOf) {
    const owner = names.get(cluster)!;
    for (const node of data) {
      const byService = new Map<string, string[]>();
      for (const atom of input.writers.get(node) ?? []) if (serviceOfAtom(atom)) append(byService, serviceOfAtom(atom)!, input.label(atom));
      const others = [...byService].filter(([service]) => service !== owner);
      if (others.length === 0) continue;
      const entity = input.label(node);
      conflicts.push({
        entity,
        owner,
        writers: [...byService].map(([service, units]) => ({ service, units: units.sort(compareStrings) })).sort((a, b) => compareStrings(a.service, b.service)),
        suggestion: `${entity} belongs to ${owner}: ${others.map(([service, units]) => `${units.map(shortName).join(', ')} in ${service}`).join('; ')} should ask ${owner} through its API (an operation such as "update ${entity.toLowerCase()}") or publish an event ${owner} handles, instead of writing the table.`,
      });
    }
  }
  conflicts.sort((a, b) => compareStrings(a.entity, b.entity));

  const groupOf = new Map<string, string>();
  for (const atom of input.atoms) groupOf.set(atom, serviceOfAtom(atom) ?? `library:${libraryOfAtom.get(atom)}`);
  for (const [cluster, data] of dataOf) for (const node of data) groupOf.set(node, names.get(cluster)!);
  const routed = services.filter((service) => service.entryPoints.some((entry) => entry.startsWith('http-route'))).map((service) => service.name);

  return {
    application: applicationId,
    choice: { services: services.length, grown: count.grown, modularity: count.modularity, why: count.why },
    ...(options.coChange ? { history: { commits: options.coChange.commits, pairs: input.coChangePairs } } : {}),
    ...(options.runtimeCalls ? { runtimeCalls: { pairs: input.runtimePairs } } : {}),
    services,
    sharedLibraries,
    ...(input.frontEnd.length > 0 ? { frontEnd: { files: [...new Set(input.frontEnd.map((unit) => String(graph.getNodeAttribute(unit, 'file') ?? input.label(unit))))].sort(compareStrings), units: input.frontEnd.length, services: routed.sort(compareStrings) } } : {}),
    conflicts,
    extractionOrder: extractionOrder(services, conflicts, input, serviceOfAtom),
    metrics: splitMetrics(input, groupOf),
    weights: { ...SPLIT_WEIGHTS, 'same-package': SAME_PACKAGE, 'co-change': CO_CHANGE_WEIGHT, ...(options.runtimeCalls ? { 'runtime-call': RUNTIME_CALL_WEIGHT } : {}) },
  };
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
  return [...byCommunity.values()].filter((atoms) => atoms.length >= 2).map((atoms) => ({ data: [], atoms: atoms.sort(compareStrings) })).sort((a, b) => compareStrings(a.atoms[0]!, b.atoms[0]!));
}

/** Business words with entry points and no aggregate class: each seeds a service from its word node. */
function entryPointWords(input: SplitInput, aggregates: Aggregate[]): Aggregate[] {
  const held = new Set(aggregates.flatMap((aggregate) => aggregate.atoms.map((atom) => input.wordOf.get(atom)).filter((word) => word !== undefined)));
  const words = new Set([...input.entryPoints.keys()].map((atom) => input.wordOf.get(atom)).filter((word) => word !== undefined && !held.has(word)));
  return [...words].sort((a, b) => compareStrings(a!, b!)).map((word) => ({ data: [], atoms: [`${WORD_NODE}${word}`] }));
}
