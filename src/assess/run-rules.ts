import { createHash } from 'node:crypto';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { Evidence, Finding, Severity, SuppressedEvidence } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { evidenceContext } from './evidence.js';
import { evaluateCondition, MatcherCache } from './rules/evaluate-condition.js';
import type { Rule } from './rules/rule-schema.js';
import { Suppressor, type PathIgnore } from './suppressions.js';

export interface RuleSettings {
  disabled: Set<string>;
  severity: Record<string, Severity>;
  /** Per-path ignores from cloudready.yaml; inline cloudready-ignore comments are always honoured. */
  ignore?: PathIgnore[];
  /** The portfolio graph, for graph conditions. */
  graph?: PortfolioGraph;
}

/** Evidence listed per finding; evidenceCount keeps the full number. */
export const MAX_EVIDENCE_PER_FINDING = 25;

/**
 * Evaluates every enabled rule against every application. One rule yields at most one
 * finding per application, carrying all its evidence: fifty EXEC CICS commands are one problem
 * found in fifty places, not fifty problems.
 */
export function runRules(rules: Rule[], applications: ApplicationFacts[], settings: RuleSettings): { findings: Finding[]; suppressed: SuppressedEvidence[] } {
  const cache = new MatcherCache(settings.graph);
  const findings: Finding[] = [];
  const suppressed: SuppressedEvidence[] = [];
  const suppressor = new Suppressor(settings.ignore ?? []);
  for (const facts of applications) {
    suppressor.addApplication(facts);
    for (const rule of rules) {
      if (settings.disabled.has(rule.id)) continue;
      const match = evaluateCondition(rule.when, facts, cache);
      if (!match.matched) continue;
      const id = `${rule.id}@${facts.app.id}`;
      const evidence = dedupe(match.evidence);
      // A suppressed place is reported as such; a finding left with no place is no finding.
      const kept: Evidence[] = [];
      for (const item of evidence) {
        const why = suppressor.suppression(rule.id, item, facts.app.path);
        if (why) suppressed.push({ findingId: id, ruleId: rule.id, applicationId: facts.app.id, file: item.file, ...(item.line ? { line: item.line } : {}), by: why.by, ...(why.reason ? { reason: why.reason } : {}) });
        else kept.push(item);
      }
      if (evidence.length === 0) {
        const why = suppressor.suppression(rule.id, undefined, facts.app.path);
        if (why) {
          suppressed.push({ findingId: id, ruleId: rule.id, applicationId: facts.app.id, by: why.by, ...(why.reason ? { reason: why.reason } : {}) });
          continue;
        }
      } else if (kept.length === 0) continue;
      findings.push(makeFinding(rule, facts.app.id, kept.map((item, at) => (at < MAX_EVIDENCE_PER_FINDING ? withContext(item, facts) : item)), settings.severity[rule.id] ?? rule.severity));
    }
  }
  return {
    findings: findings.sort((a, b) => compareStrings(a.applicationId, b.applicationId) || compareStrings(a.ruleId, b.ruleId)),
    suppressed: suppressed.sort((a, b) => compareStrings(a.findingId, b.findingId) || compareStrings(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)),
  };
}

function makeFinding(rule: Rule, applicationId: string, evidence: Evidence[], severity: Severity): Finding {
  const count = evidence.length;
  const places = count === 1 ? '1 place' : `${count} places`;
  const message = rule.message ? rule.message.replaceAll('{count}', String(count)) : count > 0 ? `${rule.title} (${places})` : rule.title;
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
    evidence: evidence.slice(0, MAX_EVIDENCE_PER_FINDING),
    evidenceCount: count,
    fingerprint: fingerprint(rule.id, applicationId, evidence),
  };
}

/** Lines around the evidence line, where the file's text was read. */
function withContext(item: Evidence, facts: ApplicationFacts): Evidence {
  if (!item.line) return item;
  const context = evidenceContext(facts, item.file, item.line);
  return context ? { ...item, context } : item;
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const byKey = new Map<string, Evidence>();
  for (const item of evidence) byKey.set(`${item.file}\0${item.line ?? 0}`, item);
  return [...byKey.values()].sort((a, b) => compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Rule, application and what was found where, without line numbers: the fingerprint survives
 * lines moving and unrelated edits, and changes when the evidence itself changes.
 */
function fingerprint(ruleId: string, applicationId: string, evidence: Evidence[]): string {
  const hash = createHash('sha256').update(`${ruleId}\n${applicationId}\n`);
  const normalised = [...new Set(evidence.map((item) => `${item.file}\t${(item.snippet ?? '').replace(/\s+/g, ' ')}`))].sort(compareStrings);
  for (const line of normalised) hash.update(`${line}\n`);
  return hash.digest('hex').slice(0, 32);
}
