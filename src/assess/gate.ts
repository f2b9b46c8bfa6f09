import { z } from 'zod';
import { SEVERITY_ORDER, Severity, type Application, type Finding } from '../result/schema.js';
import type { BaselineComparison } from './baseline.js';

export const GateThresholds = z.strictObject({
  failUnder: z.number().int().min(0).max(100).optional().describe('Fail when the score is below this'),
  maxBlockers: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('Fail when there are more blocker findings than this'),
  failOn: Severity.optional().describe('Fail on any finding of this severity or worse'),
});
export type GateThresholds = z.infer<typeof GateThresholds>;

/** cloudready.yaml `gate:`: portfolio thresholds and per-application ones that override them. */
export const GateConfig = GateThresholds.extend({
  applications: z
    .record(z.string(), GateThresholds)
    .default({})
    .describe('Application id → thresholds for that application'),
});
export type GateConfig = z.infer<typeof GateConfig>;

export interface GateOutcome {
  passed: boolean;
  failures: { applicationId: string; reasons: string[] }[];
}

const worseOrEqual = (severity: Severity, threshold: Severity) =>
  SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);

export function hasThresholds(config: GateConfig): boolean {
  const set = (t: GateThresholds) => t.failUnder !== undefined || t.maxBlockers !== undefined || t.failOn !== undefined;
  return set(config) || Object.values(config.applications).some(set);
}

/**
 * The CI gate (docs/ci.md). With a baseline, only new findings and new places count, and a
 * score below the threshold fails only when it is also lower than the baseline's.
 */
export function evaluateGate(
  applications: Application[],
  findings: Finding[],
  config: GateConfig,
  baseline?: BaselineComparison,
): GateOutcome {
  const failures: GateOutcome['failures'] = [];
  for (const app of applications) {
    const thresholds = {
      failUnder: config.failUnder,
      maxBlockers: config.maxBlockers,
      failOn: config.failOn,
      ...stripUndefined(config.applications[app.id] ?? {}),
    };
    const counted = findings.filter(
      (finding) => finding.applicationId === app.id && (!baseline || baseline.states.get(finding.id) !== 'existing'),
    );
    const qualifier = baseline ? 'new ' : '';
    const reasons: string[] = [];
    if (thresholds.failUnder !== undefined && app.score < thresholds.failUnder) {
      const before = baseline?.scores.get(app.id);
      if (before === undefined || app.score < before)
        reasons.push(
          `score ${app.score} is below ${thresholds.failUnder}${before !== undefined ? ` (was ${before})` : ''}`,
        );
    }
    const blockers = counted.filter((finding) => finding.severity === 'blocker');
    if (thresholds.maxBlockers !== undefined && blockers.length > thresholds.maxBlockers) {
      reasons.push(
        `${blockers.length} ${qualifier}blocker${blockers.length === 1 ? '' : 's'} (at most ${thresholds.maxBlockers}): ${blockers.map((finding) => finding.ruleId).join(', ')}`,
      );
    }
    if (thresholds.failOn !== undefined) {
      const severe = counted.filter((finding) => worseOrEqual(finding.severity, thresholds.failOn!));
      if (severe.length > 0)
        reasons.push(
          `${severe.length} ${qualifier}finding${severe.length === 1 ? '' : 's'} of severity ${thresholds.failOn} or worse: ${severe.map((finding) => finding.ruleId).join(', ')}`,
        );
    }
    if (reasons.length > 0) failures.push({ applicationId: app.id, reasons });
  }
  return { passed: failures.length === 0, failures };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
