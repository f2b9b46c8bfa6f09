import { z } from 'zod';
import { Severity, Strategy } from '../../result/schema.js';

/**
 * Rule packs (rules/*.yaml): the product's knowledge, written as data. The `when` tree joins
 * conditions with all/any/not; each leaf names one kind of fact. New fact kinds add leaves
 * here and a matcher in conditions/, nothing else changes.
 */
const Globs = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

export const PatternCondition = z.strictObject({
  regex: z.string().min(1).describe('JavaScript regular expression, matched per line-aware text with comments blanked'),
  flags: z.string().regex(/^[isu]*$/, 'flags may only be i, s, u').optional().describe('Extra regex flags; g and m are always on'),
  files: Globs.optional().describe('Globs relative to the application folder; default: every source file'),
  languages: z.array(z.string()).optional().describe('Language ids (java, cobol, csharp ...); default: all'),
});

export const FileCondition = z.strictObject({
  glob: Globs.describe('Globs relative to the application folder; true when a file matches'),
});

export const DependencyCondition = z.strictObject({
  name: Globs.describe('Dependency names (Maven groupId:artifactId, npm, NuGet, PyPI ...); globs allowed'),
  ecosystem: z.enum(['maven', 'gradle', 'npm', 'pypi', 'nuget', 'go', 'composer']).optional(),
  scope: z.array(z.string()).optional().describe('Only these scopes (runtime, compile, dev, test, framework ...)'),
});

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { pattern: z.infer<typeof PatternCondition> }
  | { file: z.infer<typeof FileCondition> }
  | { dependency: z.infer<typeof DependencyCondition> };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ pattern: PatternCondition }),
    z.strictObject({ file: FileCondition }),
    z.strictObject({ dependency: DependencyCondition }),
  ]),
) as z.ZodType<Condition>;

export const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids look like pack/rule-name'),
  title: z.string().min(1),
  category: z.string().min(1),
  severity: Severity,
  effort: z.number().nonnegative().describe('Person-days to resolve for a typical application (docs/scoring.md)'),
  strategy: Strategy.optional().describe('The migration strategy this finding points to'),
  description: z.string().min(1),
  remediation: z.string().min(1),
  message: z.string().optional().describe('Finding text; {count} is replaced by the number of places found'),
  references: z.array(z.url()).default([]),
  labels: z.array(z.string()).default([]),
  when: Condition,
});
export type Rule = z.infer<typeof Rule>;

export const RulePack = z.strictObject({
  pack: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string(),
  description: z.string(),
  rules: z.array(Rule).min(1),
});
export type RulePack = z.infer<typeof RulePack>;
