import { CONDITION_KINDS } from './condition-registry.js';
import { leaves } from './load-rules.js';
import type { Condition } from './rule-schema.js';

/**
 * What a rule's conditions read, from the most resolved to the least: facts the extractors resolved
 * (imports through the file's own packages, APIs through their receivers and the use of their
 * results, dependencies by shipped scope, typed settings) or plain text. A rule that reads only
 * text matches names, not meaning: `rules list` says so.
 */
export function ruleReads(condition: Condition): string[] {
  const keys = new Set([...leaves(condition)].flatMap((leaf) => Object.keys(leaf)));
  return CONDITION_KINDS.filter((kind) => keys.has(kind.key)).map((kind) => kind.reads);
}

/** The short form for a table column. */
export function ruleReadsShort(condition: Condition): string {
  return ruleReads(condition).map((label) => label.replace(/ \(.*\)$/, '')).join(', ');
}
