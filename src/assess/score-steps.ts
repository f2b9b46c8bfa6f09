import type { Finding } from '../result/schema.js';
import { SEVERITY_ORDER } from '../result/severity-order.js';
import { compareStrings } from '../util/compare.js';
import type { ScoringModel } from './scoring-model.js';

/** One step of the score: a finding takes its share of what is left. */
export interface ScoreStep {
  ruleId: string;
  severity: Finding['severity'];
  factor: number;
  remaining: number;
}

/**
 * The score as a walk from 100, finding by finding, most severe first: what `cloudready explain`
 * prints and the HTML report shows, so that a reader can follow the number.
 */
export function scoreSteps(
  findings: Pick<Finding, 'ruleId' | 'severity'>[],
  model: Pick<ScoringModel, 'shares' | 'blockerCap'>,
): { steps: ScoreStep[]; rounded: number; capped?: number } {
  const ordered = [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareStrings(a.ruleId, b.ruleId),
  );
  let remaining = 100;
  const steps = ordered.map(({ ruleId, severity }) => {
    const factor = 1 - model.shares[severity];
    remaining *= factor;
    return { ruleId, severity, factor, remaining };
  });
  const rounded = Math.round(remaining);
  return ordered.some((finding) => finding.severity === 'blocker')
    ? { steps, rounded, capped: Math.min(rounded, model.blockerCap) }
    : { steps, rounded };
}
