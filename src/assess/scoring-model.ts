import { z } from 'zod';
import { Strategy } from '../result/schema.js';

export const DIMENSIONS = ['code', 'platform', 'data', 'operations', 'delivery'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

/**
 * What a rule is about: a closed list, checked when a pack loads, so that every finding counts
 * against a dimension someone chose (a category nobody mapped used to count as code, silently).
 */
export const CATEGORIES = [
  'architecture',
  'availability',
  'configuration',
  'data',
  'delivery',
  'licensing',
  'mainframe',
  'middleware',
  'networking',
  'observability',
  'platform',
  'resource-intensive',
  'scheduling',
  'security',
  'state',
  'storage',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Which readiness dimension a rule's category counts against (docs/scoring.md). */
export const DEFAULT_DIMENSIONS: Record<Category, Dimension> = {
  middleware: 'code',
  state: 'code',
  configuration: 'code',
  architecture: 'code',
  mainframe: 'platform',
  platform: 'platform',
  licensing: 'platform',
  'resource-intensive': 'platform',
  scheduling: 'platform',
  data: 'data',
  storage: 'data',
  availability: 'operations',
  networking: 'operations',
  observability: 'operations',
  security: 'operations',
  delivery: 'delivery',
};

/**
 * The scoring model (cloudready.yaml `scoring:`): how much each severity takes from the score,
 * where a blocker caps it, which dimension each category belongs to, and the order in which
 * strategies constrain each other. Defaults are documented in docs/scoring.md.
 */
export const ScoringModel = z.strictObject({
  shares: z
    .strictObject({
      blocker: z.number().min(0).max(1).default(0.5),
      major: z.number().min(0).max(1).default(0.06),
      minor: z.number().min(0).max(1).default(0.02),
      info: z.number().min(0).max(1).default(0),
    })
    .default({ blocker: 0.5, major: 0.06, minor: 0.02, info: 0 })
    .describe('Share of the remaining score each finding of a severity removes'),
  blockerCap: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(30)
    .describe('Highest score an application with a blocker can have'),
  dimensions: z
    .partialRecord(Category, Dimension)
    .default({})
    .describe('Rule category → dimension, overriding the defaults'),
  strategyOrder: z
    .array(Strategy)
    .length(7)
    .refine((order) => new Set(order).size === 7, 'name each of the 7 strategies once')
    .default(['retain', 'repurchase', 'refactor', 'replatform', 'relocate', 'rehost', 'retire'])
    .describe('Most to least constraining: a finding that asks for an earlier strategy outweighs a later one'),
});
export type ScoringModel = z.infer<typeof ScoringModel>;

export const DEFAULT_SCORING: ScoringModel = ScoringModel.parse({});

export function dimensionOf(category: string, model: ScoringModel): Dimension {
  // Findings of results written before the list was closed may carry a category outside it.
  if (!Object.hasOwn(DEFAULT_DIMENSIONS, category)) return 'code';
  return model.dimensions[category as Category] ?? DEFAULT_DIMENSIONS[category as Category];
}
