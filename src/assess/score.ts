import type { Finding, SeverityCounts } from '../result/schema.js';
import { DEFAULT_SCORING, DIMENSIONS, dimensionOf, type Dimension, type ScoringModel } from './scoring-model.js';

/**
 * Readiness score, 0-100 (docs/scoring.md). Each finding (one rule on one application, however
 * many places) removes a share of what is left, so the tenth problem costs less than the first
 * and the score never goes negative. Any blocker caps the score: no number of clean modules makes
 * an application with a blocker ready to move. The same model, over the findings of one
 * dimension only, gives that dimension's score.
 */
export interface ApplicationScore {
  score: number;
  counts: SeverityCounts;
  dimensions: Record<Dimension, number>;
  effort: number;
  effortRange: { low: number; high: number };
}

export function countBySeverity(findings: Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { blocker: 0, major: 0, minor: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function modelScore(findings: Finding[], model: ScoringModel): number {
  let remaining = 100;
  for (const finding of findings) remaining *= 1 - model.shares[finding.severity];
  const score = Math.round(remaining);
  return findings.some((finding) => finding.severity === 'blocker') ? Math.min(score, model.blockerCap) : score;
}

/**
 * A finding's effort as a range: a rule states the typical person-days; half that is the
 * optimistic end, and the pessimistic end grows with the number of places (1.5× for one place,
 * 2× for ten, 2.5× for a hundred, at most 3×).
 */
export function effortRange(finding: Pick<Finding, 'effort' | 'evidenceCount'>): { low: number; high: number } {
  const places = Math.max(1, finding.evidenceCount);
  return { low: finding.effort * 0.5, high: finding.effort * Math.min(3, 1.5 + 0.5 * Math.log10(places)) };
}

export function scoreApplication(findings: Finding[], model: ScoringModel = DEFAULT_SCORING): ApplicationScore {
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((dimension) => [
      dimension,
      modelScore(
        findings.filter((finding) => dimensionOf(finding.category, model) === dimension),
        model,
      ),
    ]),
  ) as Record<Dimension, number>;
  // Info findings are notes: they add no work (docs/scoring.md).
  const work = findings.filter((finding) => finding.severity !== 'info');
  const ranges = work.map(effortRange);
  return {
    score: modelScore(findings, model),
    counts: countBySeverity(findings),
    dimensions,
    effort: work.reduce((sum, finding) => sum + finding.effort, 0),
    effortRange: {
      low: Math.floor(ranges.reduce((sum, range) => sum + range.low, 0)),
      high: Math.ceil(ranges.reduce((sum, range) => sum + range.high, 0)),
    },
  };
}
