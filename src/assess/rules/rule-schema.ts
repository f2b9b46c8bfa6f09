import { z } from 'zod';
import { Catalogue } from '../../extract/source/catalogue.js';
import { ORIGINS } from '../../discover/origin.js';
import { Severity, Strategy } from '../../result/schema.js';
import { Category } from '../scoring-model.js';
import { CONDITION_KINDS, type LeafCondition } from './condition-registry.js';

const Origin = z.enum(ORIGINS);

/**
 * Rule packs (rules/*.yaml): the product's knowledge, written as data. The `when` tree joins
 * conditions with all/any/not; each leaf names one kind of fact. A new kind of fact is one
 * defineCondition in conditions/, listed in condition-registry.ts; nothing else changes.
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    ...CONDITION_KINDS.map((kind) => z.strictObject({ [kind.key]: kind.schema })),
  ]),
) as z.ZodType<Condition>;

/**
 * One test case of a rule: the files of a small application (paths relative to its folder; a
 * path under inventory/ is an inventory beside it, where the application's id is `app`), or a
 * fixture folder (relative to the pack file) scanned as it is.
 */
export const RuleTestCase = z.union([
  z.strictObject({ description: z.string().optional(), file: z.string().min(1), content: z.string() }),
  z.strictObject({ description: z.string().optional(), files: z.record(z.string().min(1), z.string()).refine((files) => Object.keys(files).length > 0, 'files must name at least one file') }),
  z.strictObject({ description: z.string().optional(), fixture: z.string().min(1).describe('Folder relative to the pack file, scanned as a portfolio') }),
]);
export type RuleTestCase = z.infer<typeof RuleTestCase>;

export const RuleTests = z.strictObject({
  match: z.array(RuleTestCase).default([]).describe('Cases the rule must fire on'),
  'no-match': z.array(RuleTestCase).default([]).describe('Cases the rule must stay silent on: near misses, commented-out code, the fixed version'),
});

export const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids look like pack/rule-name'),
  title: z.string().min(1),
  category: Category.describe('What the rule is about; decides the readiness dimension it counts against (docs/scoring.md)'),
  severity: Severity,
  effort: z.number().nonnegative().describe('Person-days to resolve for a typical application (docs/scoring.md)'),
  strategy: Strategy.optional().describe('The migration strategy this finding points to'),
  description: z.string().min(1),
  remediation: z.string().min(1),
  message: z.string().optional().describe('Finding text; {count} is replaced by the number of places found'),
  references: z.array(z.url()).default([]),
  labels: z.array(z.string()).default([]).describe('Source and target technologies, e.g. websphere, ejb, aws-lambda'),
  supersedes: z
    .array(z.string())
    .default([])
    .describe('Rule ids whose places on the same lines this rule reports instead: one place, one problem (a localhost URL is a localhost dependency, not also a hard-coded host)'),
  contexts: z
    .array(Origin)
    .min(1)
    .default(['production'])
    .describe('Where evidence counts: origins of the files whose places make a finding count (docs/languages.md); places elsewhere are reported apart'),
  when: Condition,
  tests: RuleTests.optional().describe('Run by cloudready rules test'),
});
export type Rule = z.infer<typeof Rule>;

export const RulePack = z.strictObject({
  pack: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string(),
  description: z.string(),
  sources: z.array(z.string()).default([]).describe('Where the pack\'s knowledge comes from: vendor documentation, migration guides, standards (text with a URL)'),
  rules: z.array(Rule).default([]),
  catalogue: Catalogue.optional().describe('Extends what the source extractors recognise (rules/catalogue/platform-apis.yaml): API calls per language and entry-point annotations, each by kind'),
}).refine((pack) => pack.rules.length > 0 || pack.catalogue !== undefined, 'a pack has rules, a catalogue, or both');
export type RulePack = z.infer<typeof RulePack>;
