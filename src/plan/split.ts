import { compareStrings } from '../util/compare.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import { assignClasses } from './split/assign-classes.js';
import { dataConflicts, describeServices, describeSharedLibraries } from './split/describe-services.js';
import { extractionOrder } from './split/extraction-order.js';
import { groupsOf, placeServices } from './split/service-placement.js';
import {
  CO_CHANGE_WEIGHT,
  RUNTIME_CALL_WEIGHT,
  SAME_PACKAGE,
  SPLIT_WEIGHTS,
  splitInput,
  type SplitInputOptions,
} from './split/split-input.js';
import { splitMetrics } from './split/split-metrics.js';
import type { SplitProposal } from './split-types.js';

export type { ExtractionStep, SplitMetric, SplitMetrics, SplitProposal, SplitService } from './split-types.js';
export { SPLIT_WEIGHTS, CO_CHANGE_WEIGHT } from './split/split-input.js';

export interface SplitOptions extends SplitInputOptions {
  services?: number | undefined;
  seed?: number | undefined;
}

/**
 * Proposes services for one application (docs/split.md): aggregates of data and the classes that
 * store it, and read sides with entry points, are the seeds; every other server class joins the
 * seed it is closest to; one service per seed, tiny ones merged (or as many as asked for);
 * utility packages that three services use become shared libraries, the others join their users.
 * Every server class ends up in exactly one service or shared library.
 */
export function proposeSplit(graph: PortfolioGraph, applicationId: string, options: SplitOptions = {}): SplitProposal {
  const input = splitInput(graph, applicationId, options);
  if (input.atoms.length < 2)
    throw new Error(
      `Only ${input.atoms.length} server class${input.atoms.length === 1 ? '' : 'es'} (nested classes count with their outer class, browser code is the front end): too little to cut into services.`,
    );
  const assigned = assignClasses(input, options.services, options.seed ?? 42);
  const placement = placeServices(input, assigned);
  const services = describeServices(input, placement);
  const conflicts = dataConflicts(input, placement);
  const routed = services
    .filter((service) => service.entryPoints.some((entry) => entry.startsWith('http-route')))
    .map((service) => service.name);
  const { count } = assigned;
  return {
    application: applicationId,
    choice: { services: services.length, grown: count.grown, modularity: count.modularity, why: count.why },
    ...(options.coChange ? { history: { commits: options.coChange.commits, pairs: input.coChangePairs } } : {}),
    ...(options.runtimeCalls ? { runtimeCalls: { pairs: input.runtimePairs } } : {}),
    services,
    sharedLibraries: describeSharedLibraries(input, placement),
    ...(input.frontEnd.length > 0
      ? {
          frontEnd: {
            files: [
              ...new Set(
                input.frontEnd.map((unit) => String(graph.getNodeAttribute(unit, 'file') ?? input.label(unit))),
              ),
            ].sort(compareStrings),
            units: input.frontEnd.length,
            services: routed.sort(compareStrings),
          },
        }
      : {}),
    conflicts,
    extractionOrder: extractionOrder(services, conflicts, input, placement.serviceOfAtom),
    metrics: splitMetrics(input, groupsOf(input, placement)),
    weights: {
      ...SPLIT_WEIGHTS,
      'same-package': SAME_PACKAGE,
      'co-change': CO_CHANGE_WEIGHT,
      ...(options.runtimeCalls ? { 'runtime-call': RUNTIME_CALL_WEIGHT } : {}),
    },
  };
}
