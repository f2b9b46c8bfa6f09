import type { Finding, Strategy } from '../result/schema.js';
import { DEFAULT_SCORING, type ScoringModel } from './scoring-model.js';

export interface StrategyChoice {
  strategy: Strategy;
  reasons: string[];
}

export interface StrategyDecision extends StrategyChoice {
  /** The strategy that comes next, and why: what an architect should weigh against the first. */
  runnerUp: StrategyChoice;
  /** The findings that decided the strategy (none for rehost): what confidence and explain look at. */
  deciding: Finding[];
}

/** What the estate says about an application's use, for the retire signal. */
export interface UsageSignals {
  /** The inventories place it on hosts, and observed connections exist for the estate. */
  trafficKnown: boolean;
  /** Applications that depend on it or share a datastore with it. */
  dependents: number;
  /** Connections observed into its hosts. */
  inboundConnections: number;
  /** Entry points in its code (routes, listeners, jobs, main programs): something starts it. */
  entryPoints: number;
}

/** What each strategy gives way to when nothing else is hinted (docs/scoring.md). */
const NEXT_BEST: Record<Strategy, [Strategy, string]> = {
  retain: ['refactor', 'rewriting what ties it to its platform is the way out'],
  repurchase: ['refactor', 'if no product fits, the code must change'],
  refactor: ['replatform', 'moving first with managed services, changing code later, if the blockers can wait'],
  replatform: ['rehost', 'moving as it is, and refitting after the move'],
  rehost: ['replatform', 'managed databases and platform services would remove operations work'],
  relocate: ['rehost', 'moving the machines rather than the hypervisor'],
  retire: ['retain', 'if somebody still needs it'],
};

/** How a deciding finding is named among a strategy's reasons (explain finds it back by this). */
export function strategyReason(finding: Pick<Finding, 'severity' | 'ruleId' | 'title'>): string {
  return `${finding.severity} ${finding.ruleId}: ${finding.title}`;
}

const RANK: Record<Finding['severity'], number> = { blocker: 3, major: 2, minor: 1, info: 0 };
const FALLBACK: Record<Finding['severity'], Strategy | undefined> = {
  blocker: 'refactor',
  major: 'replatform',
  minor: undefined,
  info: undefined,
};

/**
 * The 7R decision (docs/scoring.md):
 * - blockers decide: the most constraining strategy their rules point to (default refactor);
 * - else major findings decide the same way (default replatform);
 * - else nothing above minor stands in the way: rehost.
 * The runner-up is the next most constraining strategy any finding asks for, else the usual
 * next best; an application nothing depends on and no traffic reaches is a retire candidate.
 */
export function chooseStrategy(
  findings: Finding[],
  usage?: UsageSignals,
  model: ScoringModel = DEFAULT_SCORING,
): StrategyDecision {
  const order = model.strategyOrder;
  const constraint = (strategy: Strategy) => order.indexOf(strategy);
  const hinted = findings
    .map((finding) => ({ finding, strategy: finding.strategyHint ?? FALLBACK[finding.severity] }))
    .filter((entry): entry is { finding: Finding; strategy: Strategy } => entry.strategy !== undefined);
  const describe = (entries: { finding: Finding }[]) => entries.map(({ finding }) => strategyReason(finding));

  let winner: (StrategyChoice & { deciding: Finding[] }) | undefined;
  for (const severity of ['blocker', 'major'] as const) {
    const deciding = hinted.filter(({ finding }) => finding.severity === severity);
    if (deciding.length === 0) continue;
    const strategy = [...deciding].sort((a, b) => constraint(a.strategy) - constraint(b.strategy))[0]!.strategy;
    const chosen = deciding.filter((entry) => entry.strategy === strategy);
    winner = { strategy, reasons: describe(chosen), deciding: chosen.map(({ finding }) => finding) };
    break;
  }
  if (!winner) {
    const minor = findings.filter((finding) => finding.severity === 'minor').length;
    winner = {
      strategy: 'rehost',
      reasons: [
        minor > 0
          ? `no blocker or major finding; ${minor} minor refit${minor === 1 ? '' : 's'} can follow the move`
          : 'no blocker or major finding',
      ],
      deciding: [],
    };
  }

  // Users' and schedulers' traffic is rarely in inventories: only code nothing can start counts.
  const retire =
    usage && usage.trafficKnown && usage.dependents === 0 && usage.inboundConnections === 0 && usage.entryPoints === 0;
  if (retire && winner.strategy !== 'retire') {
    return {
      ...winner,
      runnerUp: {
        strategy: 'retire',
        reasons: [
          'no application depends on it, no traffic was observed into its hosts and its code has no entry point: confirm it is still used before moving it',
        ],
      },
    };
  }
  // Next: another strategy the findings ask for, the weightiest findings first, then the one
  // closest to the winner in the order (a rehost's alternative is replatform before refactor).
  const others = hinted.filter((entry) => entry.strategy !== winner.strategy && RANK[entry.finding.severity] > 0);
  if (others.length > 0) {
    const distance = (strategy: Strategy) => Math.abs(constraint(strategy) - constraint(winner.strategy));
    const best = [...others].sort(
      (a, b) =>
        RANK[b.finding.severity] - RANK[a.finding.severity] ||
        distance(a.strategy) - distance(b.strategy) ||
        constraint(a.strategy) - constraint(b.strategy),
    )[0]!;
    const because = others
      .filter((entry) => entry.strategy === best.strategy)
      .sort((a, b) => RANK[b.finding.severity] - RANK[a.finding.severity]);
    return { ...winner, runnerUp: { strategy: best.strategy, reasons: describe(because) } };
  }
  const [strategy, reason] = NEXT_BEST[winner.strategy];
  return { ...winner, runnerUp: { strategy, reasons: [reason] } };
}
