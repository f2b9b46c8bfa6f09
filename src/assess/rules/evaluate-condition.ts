import picomatch from 'picomatch';
import semver from 'semver';
import type { ApplicationFacts } from '../../extract/application-facts.js';
import type { Diagnostic, Evidence } from '../../result/schema.js';
import { evidenceSnippetAt, sourceText } from '../evidence.js';
import { evaluateConfigCondition } from './evaluate-config-condition.js';
import { evaluateFactCondition } from './evaluate-fact-condition.js';
import { evaluateInventoryCondition } from './evaluate-inventory-condition.js';
import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import { evaluateGraphCondition } from './evaluate-graph-condition.js';
import type { Condition } from './rule-schema.js';
import type { ScanProfile } from '../../pipeline/scan-profile.js';
import { LinearRegex } from './linear-regex.js';

export interface ConditionMatch {
  matched: boolean;
  evidence: Evidence[];
}

/** A linear-time pattern still takes time in proportion to the text; no file holds a scan up for longer. */
export const PATTERN_BUDGET_MS = 2000;

/** Per-scan context and caches: each regex and glob is compiled once, however many applications use it. */
export class MatcherCache {
  private readonly regexes = new Map<string, LinearRegex>();
  private readonly globs = new Map<string, (path: string) => boolean>();

  /** The rule being evaluated, for the profile's per-file times and the budget's diagnostics. */
  rule = '';

  /** Time one rule's pattern may take on one file before it stops looking there, with a diagnostic. */
  budgetMs = PATTERN_BUDGET_MS;

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
const MAX_EVIDENCE_PER_CONDITION = 500;

export function evaluateCondition(condition: Condition, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  if ('all' in condition) {
    const evidence: Evidence[] = [];
    for (const child of condition.all) {
      const match = evaluateCondition(child, facts, cache);
      if (!match.matched) return NO_MATCH;
      evidence.push(...match.evidence);
    }
    return { matched: true, evidence };
  }
  if ('any' in condition) {
    const matches = condition.any.map((child) => evaluateCondition(child, facts, cache)).filter((match) => match.matched);
    return matches.length === 0 ? NO_MATCH : { matched: true, evidence: matches.flatMap((match) => match.evidence) };
  }
  if ('not' in condition) return { matched: !evaluateCondition(condition.not, facts, cache).matched, evidence: [] };
  if ('pattern' in condition) return matchPattern(condition.pattern, facts, cache);
  if ('file' in condition) return matchFile(condition.file, facts, cache);
  if ('dependency' in condition) return matchDependency(condition.dependency, facts, cache);
  if ('endpoint' in condition || 'secret' in condition || 'config' in condition || 'delivery' in condition) return evaluateConfigCondition(condition, facts, cache);
  if ('host' in condition || 'licence' in condition || 'sla' in condition || 'connection' in condition) return evaluateInventoryCondition(condition, facts, cache);
  if ('graph' in condition) return evaluateGraphCondition(condition.graph, facts, cache);
  return evaluateFactCondition(condition, facts, cache);
}

const NO_MATCH: ConditionMatch = { matched: false, evidence: [] };

/** Files by name, optionally by what their text holds; the evidence is the whole file, so no line of it is shown. */
function matchFile(condition: Extract<Condition, { file: unknown }>['file'], facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const matches = cache.glob(condition.glob);
  const containing = condition.containing ? cache.regex(condition.containing) : undefined;
  const notContaining = condition.notContaining ? cache.regex(condition.notContaining) : undefined;
  const evidence: Evidence[] = [];
  for (const { file, appRel } of facts.files) {
    if (!matches(appRel)) continue;
    if (containing || notContaining) {
      // A file whose text was not read (binary, too large) says nothing about its content.
      const text = sourceText(facts, file.rel)?.masked;
      if (text === undefined) continue;
      if (containing && !containing.test(text)) continue;
      if (notContaining && notContaining.test(text)) continue;
    }
    evidence.push({ file: file.rel });
  }
  return { matched: evidence.length > 0, evidence };
}

function matchPattern(pattern: Extract<Condition, { pattern: unknown }>['pattern'], facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const inFiles = pattern.files ? cache.glob(pattern.files) : undefined;
  const languages = pattern.languages ? new Set(pattern.languages) : undefined;
  const evidence: Evidence[] = [];
  const regex = cache.regex(pattern.regex, pattern.flags);
  for (const { appRel, source } of facts.texts) {
    if (inFiles ? !inFiles(appRel) : !source.language) continue;
    if (languages && !(source.language && languages.has(source.language.id))) continue;
    // Compiled before the clock starts: a file's time is the pattern's work on it.
    regex.ready();
    const started = performance.now();
    let full = false;
    // One place a line: after a match, the search goes on from the next line.
    for (const { start, end } of regex.matches(source.masked, (start) => source.lines.nextLineStart(start))) {
      const line = source.lines.lineAt(start);
      evidence.push({ file: source.rel, line, snippet: evidenceSnippetAt(facts, source.rel, line) ?? '' });
      if ((full = evidence.length >= MAX_EVIDENCE_PER_CONDITION)) break;
      if (performance.now() - started > cache.budgetMs) {
        cache.overBudget(source.rel, source.lines.lineAt(end));
        break;
      }
    }
    // A pattern's time on a file is where a pathological expression shows.
    cache.profile?.file(source.rel, performance.now() - started, `rule ${cache.rule}`);
    if (full) return { matched: true, evidence };
  }
  return { matched: evidence.length > 0, evidence };
}

/**
 * Scopes whose dependencies do not ship with the application unless a rule asks for them: tests,
 * development tools, peers the host supplies, optional extras, and version pins
 * (dependencyManagement, central package versions) that add nothing by themselves.
 */
const NOT_SHIPPED = new Set(['test', 'dev', 'peer', 'optional', 'managed']);

function matchDependency(condition: Extract<Condition, { dependency: unknown }>['dependency'], facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const matchesName = cache.glob(condition.name);
  const evidence: Evidence[] = [];
  for (const manifest of facts.manifests) {
    for (const dependency of manifest.dependencies) {
      if (condition.ecosystem && dependency.ecosystem !== condition.ecosystem) continue;
      if (condition.scope ? !condition.scope.includes(dependency.scope) : NOT_SHIPPED.has(dependency.scope)) continue;
      if (!matchesName(dependency.name)) continue;
      if (condition.version && !satisfiesRange(dependency.version, condition.version)) continue;
      const version = dependency.version ? ` ${dependency.version}` : '';
      evidence.push({ file: dependency.file, ...(dependency.line ? { line: dependency.line } : {}), snippet: `${dependency.name}${version} (${dependency.scope})` });
    }
  }
  return { matched: evidence.length > 0, evidence };
}


/** A declared version (1.2.17, ^4.21.1, v4.6.1, 19.3.0.0) against a range; no version satisfies nothing. */
function satisfiesRange(version: string | undefined, range: string): boolean {
  const coerced = version ? semver.coerce(version) : null;
  return coerced !== null && semver.satisfies(coerced, range);
}
