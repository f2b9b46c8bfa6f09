import type { z } from 'zod';
import type { PlacedApplication, PlacedHost } from '../../model/inventory-context.js';
import type { ConditionMatch, MatcherCache } from './matcher-cache.js';

/**
 * Where a condition's facts live: one file (a pattern, an import, a setting: each place is in one
 * file), the application as a whole (its delivery, its inventory context), or the portfolio (the
 * dependency graph).
 */
export type ConditionScope = 'file' | 'application' | 'portfolio';

/** A regular expression a condition carries, with the flags it runs with. */
export interface ConditionRegex {
  source: string;
  flags: string;
}

/**
 * One kind of leaf condition, whole: the key rules write, the schema of its body, where its facts
 * live, what it reads (for `rules list`), the regular expressions it carries (checked when a pack
 * loads) and how it is evaluated. The rule schema, the Condition type, the JSON Schema and the
 * condition reference (docs/rules/conditions.md) all come from the registry of these
 * (condition-registry.ts), so a kind cannot be declared without being evaluated.
 */
export interface ConditionKind<K extends string = string, S extends z.ZodType = z.ZodType> {
  key: K;
  schema: S;
  scope: ConditionScope;
  /** What a rule with this condition reads, for `rules list` and `rules show`. */
  reads: string;
  regexes?: (body: z.infer<S>) => ConditionRegex[];
  /** Searches the files' texts: what it finds in each file is kept between scans (text-memo.ts). */
  readsText?: true;
  evaluate: (body: z.infer<S>, facts: PlacedApplication, cache: MatcherCache) => ConditionMatch;
  /**
   * For conditions that read nothing but hosts: the same test on hosts alone. A rule made of
   * such conditions is also judged on each server that runs no application (server-findings.ts).
   */
  onHosts?: (body: z.infer<S>, hosts: PlacedHost[], cache: MatcherCache) => ConditionMatch;
}

export function defineCondition<K extends string, S extends z.ZodType>(kind: ConditionKind<K, S>): ConditionKind<K, S> {
  return kind;
}

/** The regular expressions among `values` that are set, each with `flags`. */
export function regexesOf(flags: string, ...values: (string | undefined)[]): ConditionRegex[] {
  return values.filter((value): value is string => value !== undefined).map((source) => ({ source, flags }));
}

const keys = new WeakMap<object, string>();

/**
 * A leaf condition's identity: its kind and what it says. Rules that repeat a condition share its
 * evaluation, and what a condition found is looked up by this key once the texts are gone.
 */
export function conditionKey(kind: string, body: unknown): string {
  if (typeof body !== 'object' || body === null) return `${kind}:${JSON.stringify(body)}`;
  let key = keys.get(body);
  if (key === undefined) keys.set(body, (key = `${kind}:${JSON.stringify(body)}`));
  return key;
}
