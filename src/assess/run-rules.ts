import { createHash } from 'node:crypto';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { Diagnostic, Evidence, Finding, Severity, SuppressedEvidence } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { ORIGINS, type Origin } from '../discover/origin.js';
import { evidenceContext, originOf } from './evidence.js';
import { evaluateCondition } from './rules/evaluate-condition.js';
import { MatcherCache } from './rules/matcher-cache.js';
import type { Rule } from './rules/rule-schema.js';
import { Suppressor, type PathIgnore } from './suppressions.js';
import type { ScanProfile } from '../util/scan-profile.js';

export interface RuleSettings {
  disabled: Set<string>;
  /** Origins that count for every rule besides its own contexts (--include-context). */
  includeContext?: Origin[];
  /** Places listed per finding (default MAX_EVIDENCE_PER_FINDING); the accuracy harness lists all. */
  evidenceLimit?: number;
  severity: Record<string, Severity>;
  /** Per-path ignores from cloudready.yaml; inline cloudready-ignore comments are always honoured. */
  ignore?: PathIgnore[];
  /** The portfolio graph, for graph conditions. */
  graph?: PortfolioGraph;
  /** Told how long each rule, and each rule on each file, took (`scan --profile`). */
  profile?: ScanProfile;
}

/** Evidence listed per finding; evidenceCount keeps the full number. */
export const MAX_EVIDENCE_PER_FINDING = 25;

/**
 * Evaluates every enabled rule against every application. One rule yields at most one
 * finding per application, carrying all its evidence: fifty EXEC CICS commands are one problem
 * found in fifty places, not fifty problems. Places in files outside the rule's contexts (tests,
 * vendored libraries ...) make an uncounted finding beside it, never a counted one.
 */
export function runRules(
  rules: Rule[],
  applications: ApplicationFacts[],
  settings: RuleSettings,
): { findings: Finding[]; uncounted: Finding[]; suppressed: SuppressedEvidence[]; diagnostics: Diagnostic[] } {
  const cache = new MatcherCache(settings.graph, settings.profile);
  const findings: Finding[] = [];
  const uncounted: Finding[] = [];
  const suppressed: SuppressedEvidence[] = [];
  const limit = settings.evidenceLimit ?? MAX_EVIDENCE_PER_FINDING;
  const suppressor = new Suppressor(settings.ignore ?? []);
  // The origins whose places count, per rule: its own contexts and --include-context.
  const counts = new Map(
    rules.map((rule) => [rule.id, new Set<Origin>([...rule.contexts, ...(settings.includeContext ?? [])])]),
  );
  for (const facts of applications) {
    suppressor.addApplication(facts);
    // An application found inside tests/ or samples/ has no production code: what it lacks (CI,
    // tests, an image) is no finding against anything that runs.
    const present = new Set(facts.files.map(({ origin }) => origin));
    const appCounts = (contexts: Set<Origin>) =>
      present.size === 0 || [...contexts].some((origin) => present.has(origin));
    // Each rule's places first, so that a rule can take over the places of the rules it supersedes.
    const matched = new Map<string, { rule: Rule; kept: Evidence[] }>();
    for (const rule of rules) {
      if (settings.disabled.has(rule.id)) continue;
      const started = settings.profile ? performance.now() : 0;
      cache.rule = rule.id;
      const match = evaluateCondition(rule.when, facts, cache);
      settings.profile?.rule(rule.id, performance.now() - started);
      if (!match.matched) continue;
      const id = `${rule.id}@${facts.app.id}`;
      const evidence = dedupeEvidence(match.evidence);
      // A suppressed place is reported as such; a finding left with no place is no finding.
      const kept: Evidence[] = [];
      for (const item of evidence) {
        const why = suppressor.suppression(rule.id, item, facts.app.path);
        if (why)
          suppressed.push({
            findingId: id,
            ruleId: rule.id,
            applicationId: facts.app.id,
            file: item.file,
            ...(item.line ? { line: item.line } : {}),
            by: why.by,
            ...(why.reason ? { reason: why.reason } : {}),
          });
        else kept.push(item);
      }
      if (evidence.length === 0) {
        const why = suppressor.suppression(rule.id, undefined, facts.app.path);
        if (why) {
          suppressed.push({
            findingId: id,
            ruleId: rule.id,
            applicationId: facts.app.id,
            by: why.by,
            ...(why.reason ? { reason: why.reason } : {}),
          });
          continue;
        }
      } else if (kept.length === 0) continue;
      matched.set(rule.id, { rule, kept });
    }
    applySupersedes(matched);
    for (const { rule, kept } of matched.values()) {
      const severity = settings.severity[rule.id] ?? rule.severity;
      const contexts = counts.get(rule.id)!;
      const placed = byDecisiveness(kept.map((item) => ({ ...item, origin: originOf(facts, item.file) })));
      const counted = placed.filter((item) => contexts.has(item.origin!));
      const other = placed.filter((item) => !contexts.has(item.origin!));
      const listed = (items: Evidence[]) => items.map((item, at) => (at < limit ? withContext(item, facts) : item));
      // A rule that fires on an absence (no CI, no health check) has no place: it counts when the application has code that counts.
      if (placed.length === 0)
        (appCounts(contexts) ? findings : uncounted).push(makeFinding(rule, facts.app.id, [], severity, limit));
      if (counted.length > 0) findings.push(makeFinding(rule, facts.app.id, listed(counted), severity, limit));
      if (other.length > 0) uncounted.push(makeFinding(rule, facts.app.id, listed(other), severity, limit));
    }
  }
  const byRule = (a: Finding, b: Finding) =>
    compareStrings(a.applicationId, b.applicationId) || compareStrings(a.ruleId, b.ruleId);
  return {
    diagnostics: cache.diagnostics,
    findings: findings.sort(byRule),
    uncounted: uncounted.sort(byRule),
    suppressed: suppressed.sort(
      (a, b) =>
        compareStrings(a.findingId, b.findingId) ||
        compareStrings(a.file ?? '', b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0),
    ),
  };
}

function makeFinding(
  rule: Rule,
  applicationId: string,
  evidence: Evidence[],
  severity: Severity,
  limit: number,
): Finding {
  const count = evidence.length;
  const origins = [...new Set(evidence.map((item) => item.origin ?? 'production'))];
  // Places outside production say where they are: "(12 places in test code)".
  const where = origins.length > 0 && !origins.includes('production') ? ` in ${origins.join(', ')} code` : '';
  const places = (count === 1 ? '1 place' : `${count} places`) + where;
  const message = rule.message
    ? rule.message.replaceAll('{count}', String(count))
    : count > 0
      ? `${rule.title} (${places})`
      : rule.title;
  return {
    id: `${rule.id}@${applicationId}`,
    ruleId: rule.id,
    applicationId,
    severity,
    category: rule.category,
    title: rule.title,
    message,
    effort: rule.effort,
    ...(rule.strategy ? { strategyHint: rule.strategy } : {}),
    remediation: rule.remediation.trim(),
    evidence: evidence.slice(0, limit),
    evidenceCount: count,
    fingerprint: findingFingerprint(rule.id, applicationId, evidence),
  };
}

/** Lines around the evidence line, where the file's text was read. */
function withContext(item: Evidence, facts: ApplicationFacts): Evidence {
  if (!item.line) return item;
  const context = evidenceContext(facts, item.file, item.line);
  return context ? { ...item, context } : item;
}

/**
 * One place, one problem: a rule that supersedes others (localhost-dependency supersedes
 * hardcoded-host) takes their places on the same lines, and a superseded finding left with no
 * place is gone, so the score counts the problem once.
 */
function applySupersedes(matched: Map<string, { rule: Rule; kept: Evidence[] }>) {
  for (const { rule, kept } of matched.values()) {
    if (rule.supersedes.length === 0 || kept.length === 0) continue;
    const taken = new Set(kept.map((item) => `${item.file}\0${item.line ?? 0}`));
    for (const id of rule.supersedes) {
      const other = matched.get(id);
      if (!other || other.kept.length === 0) continue;
      other.kept = other.kept.filter((item) => !taken.has(`${item.file}\0${item.line ?? 0}`));
      if (other.kept.length === 0) matched.delete(id);
    }
  }
}

const ORIGIN_RANK = new Map(ORIGINS.map((origin, rank) => [origin, rank]));

/** Lockfiles repeat what a manifest or the code says, often for a dependency of a dependency. */
const LOCKFILE =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|composer\.lock|poetry\.lock|Pipfile\.lock|packages\.lock\.json|go\.sum|Gemfile\.lock)$/;

/** Production code first, then the other origins in their documented order; lockfiles after the rest of their origin; then by file and line. */
function byDecisiveness(evidence: Evidence[]): Evidence[] {
  const rank = (item: Evidence) =>
    2 * (ORIGIN_RANK.get(item.origin ?? 'production') ?? 0) + (LOCKFILE.test(item.file) ? 1 : 0);
  return evidence.sort((a, b) => rank(a) - rank(b) || compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** One evidence item per file and line, sorted by them. */
export function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const item of evidence) byKey.set(`${item.file}\0${item.line ?? 0}`, item);
  return [...byKey.values()].sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Rule, application (or server) and what was found where, without line numbers: the fingerprint
 * survives lines moving and unrelated edits, and changes when the evidence itself changes.
 */
export function findingFingerprint(ruleId: string, owner: string, evidence: Evidence[]): string {
  const hash = createHash('sha256').update(`${ruleId}\n${owner}\n`);
  const normalised = [
    ...new Set(evidence.map((item) => `${item.file}\t${(item.snippet ?? '').replace(/\s+/g, ' ')}`)),
  ].sort(compareStrings);
  for (const line of normalised) hash.update(`${line}\n`);
  return hash.digest('hex').slice(0, 32);
}
