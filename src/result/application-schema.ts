import { z } from 'zod';
import { EffortRange, SeverityCounts, Strategy } from './finding-schema.js';
import { APPLICATION_KINDS, PART_KINDS } from './unit-kinds.js';

/** An application as the result describes it: what it is, its parts, its score, strategy and effort (part of schema.ts). */

const Score = z.number().int().min(0).max(100);

export const ApplicationPart = z.strictObject({
  path: z.string(),
  kind: z.enum(PART_KINDS),
  reason: z.string(),
  counted: z
    .boolean()
    .describe(
      'Whether evidence in it counts toward the score (a front end, a library, deployment definitions); tests, tooling and docs are listed apart',
    ),
});

/** A folder no application owns, and why: tooling, docs, a test suite of the whole repository ... */
export const OutsideFolder = z.strictObject({
  path: z.string(),
  kind: z.enum(PART_KINDS),
  reason: z.string(),
  files: z.number().int().nonnegative(),
});

/** A deployable unit that is not a migration candidate: a library or a desktop client. */
export const SetAsideUnit = z.strictObject({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  reason: z.string(),
  detection: z.array(z.string()),
  manifests: z.array(z.string()),
  files: z.number().int().nonnegative(),
  loc: z.number().int().nonnegative(),
});

export const Application = z.strictObject({
  id: z.string().describe('Stable slug of the application path'),
  name: z.string(),
  path: z.string().describe('POSIX path relative to the scanned root; "." for the root itself'),
  kind: z
    .enum(APPLICATION_KINDS)
    .default('service')
    .describe('What it is: service, web, batch or mainframe (library and desktop units are listed in setAside)'),
  kindReason: z.string().default('').describe('The fact that decided the kind'),
  detectedBy: z.enum(['config', 'manifest', 'mainframe', 'source']),
  detection: z
    .array(z.string())
    .default([])
    .describe('How it was found, in words: the files that declare it, what was merged into it'),
  manifests: z.array(z.string()).describe('Build manifests that define the application and its modules'),
  modules: z.array(z.string()).describe('Paths of nested build modules that belong to this application'),
  parts: z
    .array(ApplicationPart)
    .default([])
    .describe(
      'Folders inside it that are not applications themselves (tests, tooling, a front end ...): their files belong to it, their evidence counts by origin',
    ),
  languages: z.record(z.string(), z.number().int().nonnegative()).describe('Lines of code per language'),
  loc: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  score: z.number().int().min(0).max(100),
  strategy: Strategy,
  strategyReasons: z.array(z.string()),
  blockers: z.number().int().nonnegative(),
  findingCounts: SeverityCounts,
  dimensions: z
    .strictObject({ code: Score, platform: Score, data: Score, operations: Score, delivery: Score })
    .describe('The score over the findings of each dimension only (docs/scoring.md)'),
  confidence: z
    .strictObject({ score: Score, level: z.enum(['high', 'medium', 'low']), reasons: z.array(z.string()) })
    .describe('How much of the application could be analysed; what lowered it'),
  strategyRunnerUp: z
    .strictObject({ strategy: Strategy, reasons: z.array(z.string()) })
    .describe('The next strategy to weigh, and why'),
  effort: z.number().nonnegative().describe('Sum of rule efforts, person-days'),
  effortRange: EffortRange,
});
export type Application = z.infer<typeof Application>;
