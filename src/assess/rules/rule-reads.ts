import { leaves } from './load-rules.js';
import type { Condition } from './rule-schema.js';

/**
 * What a rule's conditions read, from the most resolved to the least: facts the extractors resolved
 * (imports through the file's own packages, APIs through their receivers and the use of their
 * results, dependencies by shipped scope, typed settings) or plain text. A rule that reads only
 * text matches names, not meaning: `rules list` says so.
 */
const READS: [key: string, label: string][] = [
  ['import', 'imports (own packages and unused imports left out)'],
  ['annotation', 'annotations'],
  ['api', 'API calls (receiver, use and path origin resolved)'],
  ['dependency', 'dependencies (scopes that ship)'],
  ['literal', 'literals (compared, defaulted, patterns left out)'],
  ['endpoint', 'endpoints'],
  ['secret', 'secrets'],
  ['config', 'typed settings'],
  ['mainframe', 'mainframe commands'],
  ['jcl', 'job steps'],
  ['entryPoint', 'entry points'],
  ['scheduledJob', 'scheduler job definitions (by content)'],
  ['dataAccess', 'data access'],
  ['unit', 'code units'],
  ['delivery', 'delivery facts'],
  ['host', 'inventory hosts'],
  ['licence', 'inventory licences'],
  ['sla', 'service levels'],
  ['connection', 'connections'],
  ['graph', 'the dependency graph'],
  ['file', 'file names'],
  ['pattern', 'text'],
];

export function ruleReads(condition: Condition): string[] {
  const keys = new Set([...leaves(condition)].flatMap((leaf) => Object.keys(leaf)));
  return READS.filter(([key]) => keys.has(key)).map(([, label]) => label);
}

/** The short form for a table column. */
export function ruleReadsShort(condition: Condition): string {
  return ruleReads(condition).map((label) => label.replace(/ \(.*\)$/, '')).join(', ');
}
