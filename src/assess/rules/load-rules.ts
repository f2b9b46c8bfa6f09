import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import { compiledValue } from '../../compiled-rules.js';
import { languageById, LANGUAGES } from '../../languages/registry.js';
import { InputError } from '../../errors.js';
import { compareStrings } from '../../util/compare.js';
import { parseYamlInput } from '../../util/yaml-input.js';
import { kindOf, type LeafCondition } from './condition-registry.js';
import { LinearRegex, RegexRefused } from './linear-regex.js';
import type { Diagnostic } from '../../result/schema.js';
import type { FactCache } from '../../extract/fact-cache.js';
import { RulePack, type Condition, type Rule } from './rule-schema.js';

export interface LoadedPack {
  pack: RulePack;
  /** `built-in` or the pack file's path, as the result reports it. */
  source: string;
  /** The pack file: fixture paths in its tests are relative to it. */
  file: string;
}

/** rules/ of the package. */
export const BUILT_IN_RULES = path.join(PACKAGE_ROOT, 'rules');

/** A built-in pack file as the build compiled it, while its text is still the text the build read. */
function compiledPack(file: string, text: string): RulePack | undefined {
  if (path.dirname(file) !== BUILT_IN_RULES) return undefined;
  return compiledValue<RulePack>((rules) => rules.packs[path.basename(file)], text);
}

/**
 * Loads rule packs. Without `problems`, the first problem throws (rules validate, rules test). With
 * it, as a scan loads them, a pack file that cannot be read or does not match the schema is
 * left out, and so is a rule whose condition is unsafe or invalid, each with an error
 * diagnostic: the scan goes on with the rules that are sound, and exits 2.
 */
export async function loadRulePacks(folders: string[], problems?: Diagnostic[], cache?: FactCache): Promise<LoadedPack[]> {
  const report = (error: InputError, file: string, into = problems) => {
    if (!into) throw error;
    const { line, problem } = error.place ?? { problem: error.message };
    into.push({ level: 'error', code: 'rule-pack', file: error.place?.file ?? file, ...(line ? { line } : {}), message: `${problem}; left out of this scan` });
  };
  const packs: LoadedPack[] = [];
  for (const folder of folders) {
    const stat = await fs.stat(folder).catch(() => undefined);
    let files: string[];
    if (stat?.isFile()) files = [folder];
    else {
      try {
        files = (await fs.readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort(compareStrings).map((name) => path.join(folder, name));
      } catch {
        throw new InputError(`${folder}: rule folder could not be read`, 'Pass a folder of rule pack YAML files, or one pack file.');
      }
    }
    for (const file of files) {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        report(new InputError(`${file}: rule pack could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`), file);
        continue;
      }
      // Parsing and checking every pack took 0.45 s of each scan; a scan with a cache does it once per pack text.
      const built = compiledPack(file, text);
      const key = problems && cache && !built ? cache.key('rule-pack', file, text) : undefined;
      let read = built ? { pack: built, problems: [] } : key ? cache!.get<{ pack?: RulePack; problems: Diagnostic[] }>(key) : undefined;
      if (!read) {
        const own: Diagnostic[] | undefined = problems ? [] : undefined;
        read = { pack: readPack(text, file, (error) => report(error, file, own)), problems: own ?? [] };
        if (key) cache!.set(key, read);
      }
      problems?.push(...read.problems);
      if (read.pack) packs.push({ pack: { ...read.pack }, source: folder === BUILT_IN_RULES ? 'built-in' : file, file });
    }
  }
  const seen = new Map<string, string>();
  for (const loaded of packs) {
    loaded.pack.rules = loaded.pack.rules.filter((rule) => {
      const earlier = seen.get(rule.id);
      if (earlier) report(new InputError(`${loaded.source}: rule id ${rule.id} is already defined in ${earlier}`, 'Rule ids must be unique.', { file: loaded.file, problem: `rule id ${rule.id} is already defined in ${earlier}` }), loaded.file);
      else seen.set(rule.id, loaded.source);
      return !earlier;
    });
  }
  return packs;
}

/** One pack file's rules, without those whose conditions are unsound (each reported); undefined when the file is no pack. */
function readPack(text: string, file: string, report: (error: InputError) => void): RulePack | undefined {
  let pack: RulePack;
  try {
    pack = parseYamlInput(text, file, RulePack, 'See docs/rules/README.md for the rule format.');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    report(error);
    return undefined;
  }
  const sound = pack.rules.filter((rule) => {
    const problem = conditionProblem(rule, file);
    if (problem) report(problem);
    return !problem;
  });
  return { ...pack, rules: sound };
}

/**
 * Checks a schema cannot make: a regex the linear-time engine cannot run (look-around,
 * back-references, invalid syntax), or a language id cloudready does not know (the rule would
 * silently never fire).
 */
function conditionProblem(rule: Rule, file: string): InputError | undefined {
  const at = (problem: string, hint: string) => new InputError(`${file}: rule ${rule.id}: ${problem}`, hint, { file, problem: `rule ${rule.id}: ${problem}` });
  for (const condition of leaves(rule.when)) {
    const body = Object.values(condition)[0] as { languages?: string[] };
    const unknown = body.languages?.find((id) => !languageById(id));
    if (unknown) return at(`unknown language "${unknown}"`, `Known languages: ${LANGUAGES.map((l) => l.id).join(', ')}.`);
    const { kind, body: leafBody } = kindOf(condition);
    for (const { source, flags } of kind.regexes?.(leafBody) ?? []) {
      try {
        LinearRegex.compile(source, flags);
      } catch (error) {
        if (!(error instanceof RegexRefused)) throw error;
        return at(`regex ${JSON.stringify(source)}: ${error.message}`, error.hint);
      }
    }
  }
  return undefined;
}

export function* leaves(condition: Condition): Generator<LeafCondition> {
  if ('all' in condition) for (const child of condition.all) yield* leaves(child);
  else if ('any' in condition) for (const child of condition.any) yield* leaves(child);
  else if ('not' in condition) yield* leaves(condition.not);
  else yield condition;
}

export function allRules(packs: LoadedPack[]): Rule[] {
  return packs.flatMap(({ pack }) => pack.rules);
}
