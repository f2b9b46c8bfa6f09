import picomatch from 'picomatch';
import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import type { ScanProfile } from '../../util/scan-profile.js';
import type { Diagnostic, Evidence } from '../../result/schema.js';
import { LinearRegex } from './linear-regex.js';
import type { TextMemo } from './text-memo.js';

/** What one condition found: whether it holds, and where. */
export interface ConditionMatch {
  matched: boolean;
  evidence: Evidence[];
}

export const NO_MATCH: ConditionMatch = { matched: false, evidence: [] };

/** A linear-time pattern still takes time in proportion to the text; no file holds a scan up for longer. */
const PATTERN_BUDGET_MS = 2000;

/** Per-scan context and caches: each regex and glob is compiled once, however many applications use it. */
export class MatcherCache {
  private readonly regexes = new Map<string, LinearRegex>();
  private readonly globs = new Map<string, (path: string) => boolean>();

  /** The rule being evaluated, for the profile's per-file times and the budget's diagnostics. */
  rule = '';

  /** Time one rule's pattern may take on one file before it stops looking there, with a diagnostic. */
  budgetMs = PATTERN_BUDGET_MS;

  /** What text conditions found in each file on earlier scans, when rules run where the files are read. */
  memo?: TextMemo | undefined;

  /** Rules that ran out of time on a file: what a scan reports as skipped. */
  readonly diagnostics: Diagnostic[] = [];

  /** The portfolio graph, for graph conditions; absent when rules run on facts alone. */
  constructor(
    readonly graph?: PortfolioGraph,
    readonly profile?: ScanProfile,
  ) {}

  regex(source: string, flags = ''): LinearRegex {
    const key = `${flags}/${source}`;
    let regex = this.regexes.get(key);
    if (!regex) this.regexes.set(key, (regex = LinearRegex.checked(source, flags)));
    return regex;
  }

  overBudget(file: string, line: number): void {
    this.diagnostics.push({
      level: 'warning',
      code: 'rule-budget',
      file,
      line,
      message: `rule ${this.rule} took over ${this.budgetMs / 1000} s on this file and stopped looking at line ${line}; places after it are not reported`,
    });
  }

  glob(patterns: string[]): (path: string) => boolean {
    const key = patterns.join('\0');
    let matcher = this.globs.get(key);
    if (!matcher) this.globs.set(key, (matcher = globMatcher(patterns)));
    return matcher;
  }
}

/**
 * A test of paths against globs, as picomatch(patterns, options) answers it, on picomatch's own
 * compiled expressions: its matcher builds a result object per call, and a scan asks every rule's
 * glob of every file (about a million calls on a 12,600-file portfolio).
 */
export function globMatcher(patterns: string[]): (path: string) => boolean {
  // Globs without a folder (*.jar, log4j*) match a path's last segment, as picomatch's basename option does.
  const basename = !patterns.some((pattern) => pattern.includes('/'));
  const compiled = patterns.map((pattern) => ({ pattern, regex: picomatch.makeRe(pattern, { dot: true, nocase: true }) }));
  return (path) => {
    if (path === '') return false;
    const tested = basename ? lastSegment(path) : path;
    return compiled.some(({ pattern, regex }) => path === pattern || regex.test(tested));
  };
}

function lastSegment(path: string): string {
  const segments = path.split('/');
  return segments.at(-1) || (segments.at(-2) ?? '');
}

/** Evidence kept per condition; more places are counted, not stored. */
export const MAX_EVIDENCE_PER_CONDITION = 500;
