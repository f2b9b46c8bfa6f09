import path from 'node:path';
import { Chalk } from 'chalk';
import { allRules, BUILT_IN_RULES, loadRulePacks, type LoadedPack } from '../assess/rules/load-rules.js';
import { InputError } from '../errors.js';
import { SEVERITY_ORDER } from '../result/schema.js';
import { runRuleTests } from '../rule-tests.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { renderText, type FormatOf } from '../report/outputs.js';
import { writeText } from './write-output.js';

export interface RulesOptions {
  rules?: string[];
  color: boolean;
}

/** The built-in packs and any --rules folders, resolved against the working directory. */
async function packsFor(folders: string[] | undefined, builtIn = true): Promise<LoadedPack[]> {
  return loadRulePacks([
    ...(builtIn ? [BUILT_IN_RULES] : []),
    ...(folders ?? []).map((folder) => path.resolve(folder)),
  ]);
}

export async function listRules(options: RulesOptions & { format: FormatOf<'rules'> }): Promise<number> {
  await writeText(
    await renderText('rules', options.format, await packsFor(options.rules), { color: wantsColour(options.color) }),
    undefined,
  );
  return ExitCode.ok;
}

export async function showRule(id: string, options: RulesOptions): Promise<number> {
  const packs = await packsFor(options.rules);
  const found = packs
    .flatMap(({ pack, source }) => pack.rules.map((rule) => ({ rule, pack, source })))
    .find(({ rule }) => rule.id === id);
  if (!found) {
    const near = allRules(packs)
      .map((rule) => ({ id: rule.id, distance: editDistance(rule.id, id) }))
      .filter(({ id: candidate, distance }) => distance <= 3 || candidate.includes(id))
      .sort((a, b) => a.distance - b.distance)
      .map((candidate) => candidate.id);
    throw new InputError(
      `no rule ${id}`,
      near.length ? `Did you mean ${near.slice(0, 3).join(', ')}?` : 'List the rules with: cloudready rules list',
    );
  }
  await writeText(await renderText('rule', 'table', found, { color: wantsColour(options.color) }), undefined);
  return ExitCode.ok;
}

/** `rules test [DIR...]`: the built-in packs, or only the packs in DIR. Exit 1 when a case fails. */
export async function testRules(folders: string[], options: RulesOptions & { rule?: string }): Promise<number> {
  const packs = await packsFor(folders.length ? folders : options.rules, folders.length === 0);
  const c = new Chalk({ level: wantsColour(options.color) ? 1 : 0 });
  const { results, untested } = await runRuleTests(packs, options.rule);
  const failed = results.filter((result) => !result.passed);
  for (const result of failed) {
    process.stdout.write(
      `${c.red('FAIL')} ${result.ruleId} ${result.expectation} #${result.index}${result.description ? ` (${result.description})` : ''}: ${result.detail}\n`,
    );
  }
  for (const { ruleId, missing } of untested)
    process.stdout.write(`${c.yellow('warning')} ${ruleId} has no ${missing.join(' and no ')} case\n`);
  const rules = new Set(results.map((result) => result.ruleId)).size;
  const summary = `${results.length} cases of ${rules} rule${rules === 1 ? '' : 's'}: ${results.length - failed.length} passed, ${failed.length} failed`;
  process.stdout.write(
    `${failed.length ? c.red(summary) : c.green(summary)}${untested.length ? `; ${untested.length} rules lack cases` : ''}\n`,
  );
  return failed.length ? ExitCode.gateFailed : ExitCode.ok;
}

/** `rules validate [DIR...]`: loads the packs (a bad file stops with file, line and field) and reports what a schema cannot. */
export async function validateRules(folders: string[], options: RulesOptions): Promise<number> {
  const packs = await packsFor(folders.length ? folders : options.rules, folders.length === 0);
  const rules = allRules(packs);
  const warnings: string[] = [];
  for (const { pack, file: absolute } of packs) {
    const file = path.relative(process.cwd(), absolute) || absolute;
    for (const rule of pack.rules) {
      if (!rule.id.startsWith(`${pack.pack}/`))
        warnings.push(`${file}: rule ${rule.id} is not named after its pack (${pack.pack}/...)`);
      if (!rule.tests?.match.length || !rule.tests['no-match'].length)
        warnings.push(`${file}: rule ${rule.id} needs match and no-match tests`);
    }
  }
  for (const warning of warnings) process.stdout.write(`warning ${warning}\n`);
  const bySeverity = SEVERITY_ORDER.map(
    (severity) => `${rules.filter((rule) => rule.severity === severity).length} ${severity}`,
  ).join(', ');
  // What packs teach the extractors (rules/catalogue/platform-apis.yaml is extended by them).
  const catalogues = packs.flatMap(({ pack }) => (pack.catalogue ? [pack.catalogue] : []));
  const apiNames = countNames(catalogues.map((catalogue) => catalogue.apis));
  const entryNames = countNames(catalogues.map((catalogue) => catalogue.entryPoints));
  const taught =
    catalogues.length > 0 ? `; the catalogue extended by ${apiNames} API and ${entryNames} entry-point names` : '';
  process.stdout.write(
    `${packs.length} packs, ${rules.length} rules valid (${bySeverity})${taught}${warnings.length ? `; ${warnings.length} warnings` : ''}\n`,
  );
  return ExitCode.ok;
}

/** Levenshtein distance: how many edits turn one id into the other, for "did you mean". */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The names listed anywhere in a catalogue's nested tables (language, section, kind → names). */
function countNames(value: unknown): number {
  if (Array.isArray(value))
    return value.reduce((sum: number, item: unknown) => sum + (typeof item === 'string' ? 1 : countNames(item)), 0);
  return typeof value === 'object' && value !== null
    ? Object.values(value).reduce((sum: number, item: unknown) => sum + countNames(item), 0)
    : 0;
}
