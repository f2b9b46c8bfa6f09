import type { PlacedHost } from '../../model/inventory-context.js';
import type { Estate } from '../../model/estate.js';
import type { Server, ServerFinding, Severity } from '../../result/schema.js';
import { compareStrings } from '../../util/compare.js';
import { kindOf } from '../rules/condition-registry.js';
import { evaluateTree } from '../rules/evaluate-condition.js';
import { MatcherCache, type ConditionMatch } from '../rules/matcher-cache.js';
import type { Condition, Rule } from '../rules/rule-schema.js';
import { dedupeEvidence, findingFingerprint } from '../run-rules.js';

/** A rule made only of conditions that read hosts (host, server, licence) can be judged on a server alone. */
export function isServerRule(rule: Rule): boolean {
  return readsOnlyHosts(rule.when);
}

function readsOnlyHosts(condition: Condition): boolean {
  if ('all' in condition) return condition.all.every(readsOnlyHosts);
  if ('any' in condition) return condition.any.every(readsOnlyHosts);
  if ('not' in condition) return readsOnlyHosts(condition.not);
  return kindOf(condition).kind.onHosts !== undefined;
}

/** A rule's condition tree on hosts alone (isServerRule rules only). */
function evaluateOnHosts(condition: Condition, hosts: PlacedHost[], cache: MatcherCache): ConditionMatch {
  return evaluateTree(condition, (kind, body) => kind.onHosts!(body, hosts, cache));
}

export interface ServerRuleSettings {
  disabled: Set<string>;
  severity: Record<string, Severity>;
}

/**
 * The findings of servers that run no application, from the rules that read hosts alone: an
 * estate given as an RVTools export with no code still gets its end-of-life systems, raw disks
 * and snapshots as findings. A server that runs an application gives them to the application
 * instead, where they count in its score. Sorted by server, then rule.
 */
export function serverFindings(
  rules: Rule[],
  estate: Estate,
  servers: Server[],
  settings: ServerRuleSettings,
): ServerFinding[] {
  const applicable = rules.filter((rule) => !settings.disabled.has(rule.id) && isServerRule(rule));
  if (applicable.length === 0) return [];
  const cache = new MatcherCache();
  const findings: ServerFinding[] = [];
  for (const server of servers) {
    // Hypervisors and appliances are not moved (no readiness): nothing of theirs is a migration finding.
    if (server.applications.length > 0 || !server.readiness) continue;
    const entry = estate.host(server.id);
    if (!entry) continue;
    const hosts: PlacedHost[] = [{ host: entry.host, file: entry.file, line: entry.line, via: 'inventory' }];
    for (const rule of applicable) {
      cache.rule = rule.id;
      const match = evaluateOnHosts(rule.when, hosts, cache);
      if (!match.matched) continue;
      const owner = `host:${server.id}`;
      const found = dedupeEvidence(match.evidence);
      // A rule that holds by what a server lacks (a not) still points at the server's record.
      const evidence =
        found.length > 0
          ? found
          : [{ file: entry.file, ...(entry.line ? { line: entry.line } : {}), snippet: `host ${server.id}` }];
      findings.push({
        id: `${rule.id}@${owner}`,
        ruleId: rule.id,
        serverId: server.id,
        severity: settings.severity[rule.id] ?? rule.severity,
        category: rule.category,
        title: rule.title,
        message: rule.title,
        effort: rule.effort,
        ...(rule.strategy ? { strategyHint: rule.strategy } : {}),
        remediation: rule.remediation.trim(),
        evidence,
        evidenceCount: evidence.length,
        fingerprint: findingFingerprint(rule.id, owner, evidence),
      });
    }
  }
  return findings.sort((a, b) => compareStrings(a.serverId, b.serverId) || compareStrings(a.ruleId, b.ruleId));
}
