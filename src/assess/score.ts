import type { Finding, Severity, SeverityCounts } from '../result/schema.js';

/**
 * Readiness score, 0-100 (docs/scoring.md). Each finding (one rule on one application,
 * however many places) costs points by severity; any blocker caps the score, because no
 * number of clean modules makes an application with a blocker ready to move.
 */
export const SEVERITY_PENALTY: Record<Severity, number> = { blocker: 25, major: 8, minor: 3, info: 0 };
export const BLOCKER_CAP = 30;

export interface ApplicationScore {
  score: number;
  counts: SeverityCounts;
  effort: number;
}

export function scoreApplication(findings: Finding[]): ApplicationScore {
  const counts: SeverityCounts = { blocker: 0, major: 0, minor: 0, info: 0 };
  let penalty = 0;
  let effort = 0;
  for (const finding of findings) {
    counts[finding.severity]++;
    penalty += SEVERITY_PENALTY[finding.severity];
    effort += finding.effort;
  }
  let score = Math.max(0, 100 - penalty);
  if (counts.blocker > 0) score = Math.min(score, BLOCKER_CAP);
  return { score, counts, effort };
}
