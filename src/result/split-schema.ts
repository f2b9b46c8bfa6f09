import { z } from 'zod';

/** A metric's value, or null with the reason it cannot be computed. */
const SplitMetric = z.strictObject({ value: z.number().nullable(), reason: z.string().optional() });

/** A proposal of services for one application (docs/split.md): what cloudready split prints and the HTML report shows. */
export const SplitProposal = z.strictObject({
  application: z.string(),
  choice: z.strictObject({
    services: z.number().int().nonnegative(),
    grown: z.number().int().nonnegative(),
    modularity: z.number(),
    why: z.string(),
  }),
  history: z
    .strictObject({ commits: z.number().int().nonnegative(), pairs: z.number().int().nonnegative() })
    .optional()
    .describe('The git history read for co-change coupling (cloudready split --history)'),
  runtimeCalls: z
    .strictObject({ pairs: z.number().int().nonnegative() })
    .optional()
    .describe('Measured calls read with --calls: pairs of server classes they join'),
  services: z.array(
    z.strictObject({
      name: z.string(),
      units: z.array(z.string()),
      entities: z.array(z.string()),
      entryPoints: z.array(z.string()),
      inbound: z.array(z.strictObject({ unit: z.string(), from: z.array(z.string()) })),
      outbound: z.array(z.strictObject({ unit: z.string(), service: z.string() })),
      sharedLibraries: z.array(z.string()),
    }),
  ),
  sharedLibraries: z.array(
    z.strictObject({ name: z.string(), units: z.array(z.string()), usedBy: z.array(z.string()) }),
  ),
  frontEnd: z
    .strictObject({ files: z.array(z.string()), units: z.number().int().nonnegative(), services: z.array(z.string()) })
    .optional()
    .describe(
      'The web front end (browser code): one unit of the split, its files and how many modules and functions they hold, with the services that serve HTTP routes it can call',
    ),
  conflicts: z.array(
    z.strictObject({
      entity: z.string(),
      owner: z.string(),
      writers: z.array(z.strictObject({ service: z.string(), units: z.array(z.string()) })),
      suggestion: z.string(),
    }),
  ),
  extractionOrder: z.array(
    z.strictObject({
      service: z.string(),
      why: z.string(),
      tables: z.array(z.string()),
      remoteCalls: z.array(z.strictObject({ from: z.string(), to: z.string() })),
    }),
  ),
  metrics: z.strictObject({
    over: z.strictObject({
      classes: z.number().int().nonnegative(),
      groups: z.number().int().nonnegative(),
      links: z.number().int().nonnegative(),
      edges: z.enum(['static', 'runtime']),
    }),
    modularity: SplitMetric,
    sm: SplitMetric,
    icp: SplitMetric,
    ifn: SplitMetric,
    ned: SplitMetric,
    bcp: SplitMetric,
  }),
  weights: z.record(z.string(), z.number()),
});

/** Each application's split, or why it has none. */
export const ApplicationSplit = z.union([
  z.strictObject({ applicationId: z.string(), proposal: SplitProposal }),
  z.strictObject({ applicationId: z.string(), reason: z.string() }),
]);
