import type { Finding, Strategy } from '../result/schema.js';

export interface StrategyDecision {
  strategy: Strategy;
  reasons: string[];
}

/** Most constraining first: a finding that asks for `retain` outweighs one that asks for `replatform`. */
const CONSTRAINT: Strategy[] = ['retain', 'repurchase', 'refactor', 'replatform', 'relocate', 'rehost', 'retire'];

/**
 * First-pass 7R decision (docs/scoring.md):
 * - blockers decide: the most constraining strategy their rules point to (default refactor);
 * - else major findings decide the same way (default replatform);
 * - else nothing above minor stands in the way: rehost.
 */
export function chooseStrategy(findings: Finding[]): StrategyDecision {
  for (const [severity, fallback] of [['blocker', 'refactor'], ['major', 'replatform']] as const) {
    const deciding = findings.filter((finding) => finding.severity === severity);
    if (deciding.length === 0) continue;
    const strategy = mostConstraining(deciding.map((finding) => finding.strategyHint ?? fallback));
    const because = deciding.filter((finding) => (finding.strategyHint ?? fallback) === strategy);
    return {
      strategy,
      reasons: because.map((finding) => `${severity} ${finding.ruleId}: ${finding.title}`),
    };
  }
  const minor = findings.filter((finding) => finding.severity === 'minor').length;
  return {
    strategy: 'rehost',
    reasons: [minor > 0 ? `no blocker or major finding; ${minor} minor refit(s) can follow the move` : 'no blocker or major finding'],
  };
}

function mostConstraining(strategies: Strategy[]): Strategy {
  return [...strategies].sort((a, b) => CONSTRAINT.indexOf(a) - CONSTRAINT.indexOf(b))[0] ?? 'refactor';
}
