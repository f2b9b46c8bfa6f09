import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { stringify } from 'yaml';
import { allRules, type LoadedPack } from '../assess/rules/load-rules.js';
import { ruleReads, ruleReadsShort } from '../assess/rules/rule-reads.js';
import { compareStrings } from '../util/compare.js';
import type { ReportOptions } from './reporter-types.js';

/** What `cloudready rules show` renders: one rule and the pack it came from. */
export interface RuleInput {
  rule: LoadedPack['pack']['rules'][number];
  pack: LoadedPack['pack'];
  source: LoadedPack['source'];
}

/** Every rule of the packs with what it counts and reads, for the terminal. */
export function rulesTable(packs: LoadedPack[], options: ReportOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const table = new Table({
    // Category and effort are in `rules show` and the JSON; what a rule counts and reads fits here.
    head: ['Rule', 'Severity', 'Strategy', 'Counts in', 'Reads', 'Title'].map((h) => c.bold(h)),
    colWidths: [null, null, null, 20, 30, 46],
    wordWrap: true,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const rule of allRules(packs).sort((a, b) => compareStrings(a.id, b.id))) {
    table.push([
      rule.id,
      rule.severity,
      rule.strategy ?? '',
      rule.contexts.join(', '),
      ruleReadsShort(rule.when),
      rule.title,
    ]);
  }
  return `${table.toString()}\n${allRules(packs).length} rules in ${packs.length} packs. Counts in: the kinds of file whose places count (docs/languages.md); Reads: the facts the rule checks, resolved by the extractors, or plain text. cloudready rules show RULE-ID for one rule.\n`;
}

/** Every rule with its pack and the facts it reads. */
export function rulesJson(packs: LoadedPack[]): string {
  const rules = packs.flatMap(({ pack, source }) =>
    pack.rules.map((rule) => ({ pack: pack.pack, source, ...rule, reads: ruleReads(rule.when) })),
  );
  return `${JSON.stringify(rules, null, 2)}\n`;
}

/** One rule in full: why it matters, what to do, when it fires. */
export function ruleText({ rule, pack, source }: RuleInput, options: ReportOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [
    `${c.bold(rule.id)}  ${rule.title}`,
    '',
    `pack        ${pack.pack} (${source})`,
    `severity    ${rule.severity}`,
    `category    ${rule.category}`,
    `effort      ${rule.effort} person-days for a typical application`,
    ...(rule.strategy ? [`strategy    points to ${rule.strategy}`] : []),
    ...(rule.labels.length ? [`labels      ${rule.labels.join(', ')}`] : []),
    `counts in   ${rule.contexts.join(', ')} code (places elsewhere are shown apart)`,
    `reads       ${ruleReads(rule.when).join('; ')}`,
    '',
    c.bold('Why it matters'),
    rule.description.trim(),
    '',
    c.bold('What to do'),
    rule.remediation.trim(),
    ...(rule.references.length ? ['', c.bold('References'), ...rule.references.map((url) => `  ${url}`)] : []),
    '',
    c.bold('When it fires'),
    stringify(rule.when).trimEnd(),
    '',
    `tests       ${rule.tests?.match.length ?? 0} match, ${rule.tests?.['no-match'].length ?? 0} no-match`,
  ];
  return `${lines.join('\n')}\n`;
}
