import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import { proposeSplit } from '../split.js';
import type { ApplicationSplit } from '../split-types.js';

/** Fewer server classes than this is not enough code to propose services from. */
export const MIN_SPLIT_UNITS = 4;

/**
 * Every application's split as the scan stores it (the JSON result, the HTML report): the static
 * proposal, without git history or measured calls, which `cloudready split` prints too unless
 * given --history or --calls. An application too small or without a unit graph says why.
 */
export function applicationSplits(graph: PortfolioGraph, applications: { id: string }[]): ApplicationSplit[] {
  const units = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    if (attributes.kind !== 'unit' || (attributes.origin ?? 'production') !== 'production') return;
    const app = node.split(':')[1];
    if (app) units.set(app, (units.get(app) ?? 0) + 1);
  });
  return applications.map((app): ApplicationSplit => {
    const count = units.get(app.id) ?? 0;
    if (count === 0)
      return {
        applicationId: app.id,
        reason:
          'No server code structure was read (cloudready reads classes, programs and modules of Java, C#, TypeScript/JavaScript, Python, Go, PHP and COBOL).',
      };
    if (count < MIN_SPLIT_UNITS)
      return {
        applicationId: app.id,
        reason: `Only ${count} unit${count === 1 ? '' : 's'} of server code: too little to cut into services.`,
      };
    try {
      return { applicationId: app.id, proposal: proposeSplit(graph, app.id) };
    } catch (error) {
      return { applicationId: app.id, reason: (error as Error).message };
    }
  });
}
