import type { ApplicationFacts } from '../../extract/application-facts.js';
import type { Evidence } from '../../result/schema.js';
import { appRelOf, evidenceSnippetAt } from '../evidence.js';
import type { ConditionMatch, MatcherCache } from './evaluate-condition.js';
import type { ConfigFactCondition } from './rule-schema.js';

/**
 * Conditions over configuration facts: endpoints, secrets, settings and delivery artefacts.
 * Evidence names the setting and its line; a secret's evidence shows its key, never its value.
 */
export function evaluateConfigCondition(condition: ConfigFactCondition, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const evidence: Evidence[] = [];
  if ('endpoint' in condition) {
    const protocols = condition.endpoint.protocol ? cache.glob(condition.endpoint.protocol) : undefined;
    const host = condition.endpoint.host ? cache.regex(condition.endpoint.host, 'i') : undefined;
    const notHost = condition.endpoint.notHost ? cache.regex(condition.endpoint.notHost, 'i') : undefined;
    for (const endpoint of facts.endpoints) {
      if (condition.endpoint.kind && !condition.endpoint.kind.includes(endpoint.kind)) continue;
      if (protocols && !protocols(endpoint.protocol)) continue;
      if (host && !host.test(endpoint.host)) continue;
      if (notHost?.test(endpoint.host)) continue;
      evidence.push({ file: endpoint.file, line: endpoint.line, snippet: evidenceSnippetAt(facts, endpoint.file, endpoint.line, `${endpoint.protocol}://${endpoint.host}`)! });
    }
  } else if ('secret' in condition) {
    for (const secret of facts.secrets) {
      if (condition.secret.kind && !condition.secret.kind.includes(secret.kind)) continue;
      if (condition.secret.in && !condition.secret.in.includes(secret.inCode ? 'code' : 'config')) continue;
      // The key and where it is: enough to find it, nothing to leak.
      evidence.push({ file: secret.file, line: secret.line, snippet: `${secret.key} (${secret.kind}, value hidden)` });
    }
  } else if ('config' in condition) {
    const keys = cache.glob(condition.config.key);
    const excluded = condition.config.notKey ? cache.glob(condition.config.notKey) : undefined;
    const files = condition.config.files ? cache.glob(condition.config.files) : undefined;
    const value = condition.config.value ? cache.regex(condition.config.value, 'i') : undefined;
    const notValue = condition.config.notValue ? cache.regex(condition.config.notValue, 'i') : undefined;
    for (const config of facts.configs) {
      if (files && !files(appRelOf(facts, config.file))) continue;
      for (const entry of config.entries) {
        if (!keys(entry.key) || excluded?.(entry.key)) continue;
        if (value && !value.test(entry.value)) continue;
        if (notValue?.test(entry.value)) continue;
        evidence.push({ file: config.file, line: entry.line, snippet: evidenceSnippetAt(facts, config.file, entry.line, entry.key)! });
      }
    }
  } else {
    const aspects = condition.delivery.has;
    if (!aspects.every((aspect) => facts.delivery[aspect].length > 0)) return { matched: false, evidence: [] };
    for (const aspect of aspects) for (const place of facts.delivery[aspect]) evidence.push({ file: place.file, ...(place.line ? { line: place.line } : {}) });
  }
  return { matched: evidence.length > 0, evidence };
}
