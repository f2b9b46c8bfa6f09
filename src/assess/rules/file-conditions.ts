import { createHash } from 'node:crypto';
import type { ApplicationFacts } from '../../extract/application-facts.js';
import type { ScanProfile } from '../../util/scan-profile.js';
import { conditionKey } from './condition-kind.js';
import { kindOf, type LeafCondition } from './condition-registry.js';
import type { ConditionMatch, MatcherCache } from './matcher-cache.js';
import { leaves as leavesOf } from './load-rules.js';
import type { Rule } from './rule-schema.js';

/** The file-scoped leaf conditions of the enabled rules: what is evaluated where the files are read. */
export interface FileConditions {
  /** Each leaf once, by key, with the first rule that uses it (whose time it counts as). */
  leaves: { key: string; leaf: LeafCondition; rule: string }[];
  /** The keys of the leaves that search texts, each with its position (what the text memo stores). */
  textConditions: Map<string, number>;
  /** A digest of those keys: a change to any of them searches every file again. */
  textDigest: string;
}

export function fileConditionsOf(rules: Rule[], disabled: Set<string>): FileConditions {
  const leaves = new Map<string, { key: string; leaf: LeafCondition; rule: string }>();
  for (const rule of rules) {
    if (disabled.has(rule.id)) continue;
    for (const leaf of leavesOf(rule.when)) {
      const { kind, body } = kindOf(leaf);
      const key = conditionKey(kind.key, body);
      if (kind.scope === 'file' && !leaves.has(key)) leaves.set(key, { key, leaf, rule: rule.id });
    }
  }
  const textKeys = [...leaves.values()].filter(({ leaf }) => kindOf(leaf).kind.readsText).map(({ key }) => key).sort();
  const digest = createHash('sha256');
  for (const key of textKeys) digest.update(key).update('\0');
  return { leaves: [...leaves.values()], textConditions: new Map(textKeys.map((key, position) => [key, position])), textDigest: digest.digest('base64url') };
}

/**
 * Every file-scoped leaf condition on one application, while its files' texts are at hand: what
 * each found, by key, for the assess stage to combine through all/any/not (evaluate-condition.ts).
 */
export function evaluateFileConditions(conditions: FileConditions, facts: ApplicationFacts, cache: MatcherCache, profile?: ScanProfile): Map<string, ConditionMatch> {
  const found = new Map<string, ConditionMatch>();
  for (const { key, leaf, rule } of conditions.leaves) {
    const started = profile ? performance.now() : 0;
    cache.rule = rule;
    const { kind, body } = kindOf(leaf);
    found.set(key, kind.evaluate(body, facts, cache));
    profile?.rule(rule, performance.now() - started);
  }
  return found;
}
