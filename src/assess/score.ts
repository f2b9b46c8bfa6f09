import type { Finding, Severity, SeverityCounts } from '../result/schema.js';

/**
 * Readiness score, 0-100 (docs/scoring.md). Each finding (one rule on one application, however
 * many places) removes a share of what is left, so the tenth problem costs less than the first
 * and the score never goes negative. Any blocker caps the score: no number of clean modules makes
 * an application with a blocker ready to move.
 */
export const SEVERITY_SHARE: Record<Severity, number> = { blocker: 0.5, major: 0.06, minor: 0.02, info: 0 };
export const BLOCKER_CAP = 30;

export interface ApplicationScore {
  score: number;
  counts: SeverityCounts;
  effort: number;
}

export function countBySeverity(findings: Finding[]): SeverityCounts {
  const counts: SeverityCounts = { blocker: 0, major: 0, minor: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function scoreApplication(findings: Finding[]): ApplicationScore {
  const counts = countBySeverity(findings);
  let remaining = 100;
  let effort = 0;
  for (const finding of findings) {
    remaining *= 1 - SEVERITY_SHARE[finding.severity];
    effort += finding.effort;
  }
  let score = Math.round(remaining);
  if (counts.blocker > 0) score = Math.min(score, BLOCKER_CAP);
  return { score, counts, effort };
}
