import { z } from 'zod';
import { ORIGINS } from '../discover/origin.js';
import { SEVERITY_ORDER } from './severity-order.js';

/** A finding and what it rests on: the rule, its severity, its places (part of the result's schema, schema.ts). */

const Origin = z.enum(ORIGINS);

// The severities are listed once, most severe first, in a module the page script can use without zod.
export const Severity = z.enum(SEVERITY_ORDER);
export type Severity = z.infer<typeof Severity>;
export { SEVERITY_ORDER };

export const Strategy = z.enum(['rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate']);
export type Strategy = z.infer<typeof Strategy>;

export const EffortRange = z
  .strictObject({ low: z.number().nonnegative(), high: z.number().nonnegative() })
  .describe('Person-days, optimistic to pessimistic (docs/scoring.md)');

export const RuleInfo = z.strictObject({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  severity: Severity.describe('As configured for this scan'),
  effort: z.number().nonnegative(),
  strategy: Strategy.optional(),
  description: z.string(),
  remediation: z.string(),
  references: z.array(z.string()),
  labels: z.array(z.string()),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

export const Evidence = z.strictObject({
  file: z.string().describe('POSIX path relative to the scanned root'),
  line: z.number().int().positive().optional().describe('1-based; omitted when the evidence is a whole file'),
  snippet: z.string().optional().describe('The matched line, trimmed, secrets masked'),
  context: z
    .strictObject({ firstLine: z.number().int().positive(), lines: z.array(z.string()) })
    .optional()
    .describe('The code around the line (two lines either side), secrets masked; where the file was read'),
  origin: Origin.optional().describe(
    'What the file is: production, test, build, ci, dev-config, vendored, generated, docs or sample code (docs/languages.md); absent in results of older versions',
  ),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.strictObject({
  id: z.string().describe('ruleId@applicationId, stable across runs'),
  ruleId: z.string(),
  applicationId: z.string(),
  severity: Severity,
  category: z.string(),
  title: z.string(),
  message: z.string(),
  effort: z.number().nonnegative().describe('Person-days for a typical case (docs/scoring.md)'),
  strategyHint: Strategy.optional(),
  remediation: z.string(),
  evidence: z
    .array(Evidence)
    .describe(
      'Most decisive first (production code, then the rest by origin), then by file and line; capped, see evidenceCount',
    ),
  evidenceCount: z.number().int().nonnegative().describe('All places found, including those beyond the cap'),
  fingerprint: z.string().describe('Hash of rule, application and normalised evidence; survives line shifts'),
  baselineState: z
    .enum(['new', 'changed', 'existing'])
    .optional()
    .describe('With --baseline: new finding, new places of a known one, or nothing new'),
});
export type Finding = z.infer<typeof Finding>;

/** A finding of a server that runs no application (rules that read hosts alone: rules/servers.yaml and others). */
export const ServerFinding = Finding.omit({ applicationId: true, baselineState: true }).extend({
  id: z.string().describe('ruleId@host:serverId, stable across runs'),
  serverId: z.string().describe('The server (hosts[].id) it is about'),
  fingerprint: z.string().describe('Hash of rule, server and normalised evidence'),
});
export type ServerFinding = z.infer<typeof ServerFinding>;

export const SuppressedEvidence = z.strictObject({
  findingId: z.string(),
  ruleId: z.string(),
  applicationId: z.string(),
  file: z.string().optional().describe('Absent when the finding has no place (no CI, no tests)'),
  line: z.number().int().positive().optional(),
  by: z
    .enum(['inline', 'config'])
    .describe('inline: a cloudready-ignore comment; config: rules.ignore in cloudready.yaml'),
  reason: z.string().optional(),
});
export type SuppressedEvidence = z.infer<typeof SuppressedEvidence>;

export const SeverityCounts = z.strictObject({
  blocker: z.number().int().nonnegative(),
  major: z.number().int().nonnegative(),
  minor: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;
