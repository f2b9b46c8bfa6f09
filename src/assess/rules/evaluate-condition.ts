import type { ApplicationFacts } from '../../extract/application-facts.js';
import type { Evidence } from '../../result/schema.js';
import { conditionKey, type ConditionKind } from './condition-kind.js';
import { kindOf } from './condition-registry.js';
import { NO_MATCH, type ConditionMatch, type MatcherCache } from './matcher-cache.js';
import type { Condition } from './rule-schema.js';

/**
 * A rule's condition tree on one application: all/any/not here, each leaf by its kind. A
 * file-scoped leaf was evaluated where the files were read (file-conditions.ts), when the
 * application's facts carry what it found; otherwise (facts built by hand) it is evaluated now.
 */
export function evaluateCondition(condition: Condition, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  return evaluateTree(condition, (kind, body) => {
    if (kind.scope === 'file' && facts.conditionHits) {
      const found = facts.conditionHits.get(conditionKey(kind.key, body));
      // The texts are gone: evaluating now would find nothing in them, silently.
      if (!found) throw new Error(`internal error: a ${kind.key} condition of rule ${cache.rule} was not evaluated when the files were read`);
      return found;
    }
    return kind.evaluate(body, facts, cache);
  });
}

/** all/any/not over a condition tree, each leaf as `leaf` evaluates it: the evidence of what holds, none under not. */
export function evaluateTree(condition: Condition, leaf: (kind: ConditionKind, body: unknown) => ConditionMatch): ConditionMatch {
  if ('all' in condition) {
    const evidence: Evidence[] = [];
    for (const child of condition.all) {
      const match = evaluateTree(child, leaf);
      if (!match.matched) return NO_MATCH;
      evidence.push(...match.evidence);
    }
    return { matched: true, evidence };
  }
  if ('any' in condition) {
    const matches = condition.any.map((child) => evaluateTree(child, leaf)).filter((match) => match.matched);
    return matches.length === 0 ? NO_MATCH : { matched: true, evidence: matches.flatMap((match) => match.evidence) };
  }
  if ('not' in condition) return { matched: !evaluateTree(condition.not, leaf).matched, evidence: [] };
  const { kind, body } = kindOf(condition);
  return leaf(kind, body);
}
