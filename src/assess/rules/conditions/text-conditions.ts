import { z } from 'zod';
import { evidenceSnippetAt, sourceText } from '../../evidence.js';
import type { ApplicationFacts } from '../../../extract/application-facts.js';
import type { Evidence } from '../../../result/schema.js';
import type { SourceText } from '../../../extract/source-text.js';
import { conditionKey, defineCondition, regexesOf } from '../condition-kind.js';
import type { LinearRegex } from '../linear-regex.js';
import { Globs } from '../condition-fields.js';
import { MAX_EVIDENCE_PER_CONDITION, type ConditionMatch, type MatcherCache } from '../matcher-cache.js';

export const PatternCondition = z.strictObject({
  regex: z.string().min(1).describe('Regular expression in JavaScript syntax, run on a linear-time engine (RE2: no look-around, no back-references), matched per line-aware text with comments blanked'),
  flags: z.string().regex(/^[isu]*$/, 'flags may only be i, s, u').optional().describe('Extra regex flags; g and m are always on'),
  files: Globs.optional().describe('Globs relative to the application folder; default: every source file'),
  languages: z.array(z.string()).optional().describe('Language ids (java, cobol, csharp ...); default: all'),
});

export const FileCondition = z.strictObject({
  glob: Globs.describe('Globs relative to the application folder; true when a file matches'),
  containing: z.string().min(1).optional().describe('Regular expression the file\'s text (comments blanked) must match; the evidence is still the whole file'),
  notContaining: z.string().min(1).optional().describe('Regular expression the file\'s text (comments blanked) must not match, e.g. a guard that makes the file harmless'),
});
type PatternBody = z.infer<typeof PatternCondition>;
type FileBody = z.infer<typeof FileCondition>;

/** Files by name, optionally by what their text holds; the evidence is the whole file, so no line of it is shown. */
function matchFile(condition: FileBody, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const matches = cache.glob(condition.glob);
  const containing = condition.containing ? cache.regex(condition.containing) : undefined;
  const notContaining = condition.notContaining ? cache.regex(condition.notContaining) : undefined;
  const key = conditionKey('file', condition);
  const evidence: Evidence[] = [];
  for (const { file, appRel } of facts.files) {
    if (!matches(appRel)) continue;
    if (containing || notContaining) {
      // A file whose text was not read (binary, too large) says nothing about its content.
      const source = sourceText(facts, file.rel);
      if (source === undefined) continue;
      // Line 0 stands for the whole file.
      const holds = () => ({ lines: (!containing || containing.test(source.masked)) && !notContaining?.test(source.masked) ? [0] : [], whole: true });
      const found = cache.memo ? cache.memo.lines(source, key, holds) : holds().lines;
      if (found.length === 0) continue;
    }
    evidence.push({ file: file.rel });
  }
  return { matched: evidence.length > 0, evidence };
}

function matchPattern(pattern: PatternBody, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const inFiles = pattern.files ? cache.glob(pattern.files) : undefined;
  const languages = pattern.languages ? new Set(pattern.languages) : undefined;
  const regex = cache.regex(pattern.regex, pattern.flags);
  const key = conditionKey('pattern', pattern);
  const evidence: Evidence[] = [];
  for (const { appRel, source } of facts.texts) {
    if (inFiles ? !inFiles(appRel) : !source.language) continue;
    if (languages && !(source.language && languages.has(source.language.id))) continue;
    const search = () => linesMatching(regex, source, cache);
    if (evidence.length >= MAX_EVIDENCE_PER_CONDITION) {
      // Full: the other files are still searched when their results are kept, since a file's kept
      // entry must answer for every condition, and on the next scan an edit to the files before it
      // may leave room for its places.
      if (cache.memo) cache.memo.lines(source, key, search);
      continue;
    }
    for (const line of cache.memo ? cache.memo.lines(source, key, search) : search().lines) {
      evidence.push({ file: source.rel, line, snippet: evidenceSnippetAt(facts, source.rel, line) ?? '' });
      if (evidence.length >= MAX_EVIDENCE_PER_CONDITION) break;
    }
  }
  return { matched: evidence.length > 0, evidence };
}

/**
 * The lines of one file a pattern matches (one place a line: after a match, the search goes on
 * from the next line), at most the evidence limit; not whole when the rule ran out of time there.
 */
function linesMatching(regex: LinearRegex, source: SourceText, cache: MatcherCache): { lines: number[]; whole: boolean } {
  // Compiled before the clock starts: a file's time is the pattern's work on it.
  regex.ready();
  const started = performance.now();
  const lines: number[] = [];
  let whole = true;
  for (const { start, end } of regex.matches(source.masked, (start) => source.lines.nextLineStart(start))) {
    lines.push(source.lines.lineAt(start));
    if (lines.length >= MAX_EVIDENCE_PER_CONDITION) break;
    if (performance.now() - started > cache.budgetMs) {
      cache.overBudget(source.rel, source.lines.lineAt(end));
      whole = false;
      break;
    }
  }
  // A pattern's time on a file is where a pathological expression shows.
  cache.profile?.file(source.rel, performance.now() - started, `rule ${cache.rule}`);
  return { lines, whole };
}

export const patternCondition = defineCondition({
  key: 'pattern',
  schema: PatternCondition,
  scope: 'file',
  reads: 'text',
  readsText: true,
  regexes: (body) => regexesOf(body.flags ?? '', body.regex),
  evaluate: matchPattern,
});

export const fileCondition = defineCondition({
  key: 'file',
  schema: FileCondition,
  scope: 'file',
  reads: 'file names',
  readsText: true,
  regexes: (body) => regexesOf('', body.containing, body.notContaining),
  evaluate: matchFile,
});
