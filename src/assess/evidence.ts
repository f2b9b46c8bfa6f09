import type { Origin } from '../discover/origin.js';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { SourceText } from '../extract/source-text.js';
import { insidePrivateKey, MASK, redactSecrets } from './redact-secrets.js';

const MAX_SNIPPET = 160;
/** Lines shown either side of an evidence line, as reports show code around a match. */
export const CONTEXT_LINES = 2;
const MAX_CONTEXT_LINE = 200;

/** A line as evidence shows it: trimmed, secrets masked, cut to a readable length. */
export function evidenceSnippet(line: string): string {
  const masked = redactSecrets(line.trim());
  return masked.length > MAX_SNIPPET ? `${masked.slice(0, MAX_SNIPPET - 1)}…` : masked;
}

/** Per application: result path → its text and its path inside the application, built once. */
const indexes = new WeakMap<ApplicationFacts, { texts: Map<string, SourceText>; appRels: Map<string, string>; origins: Map<string, Origin>; secretLines: Map<string, string> }>();

function indexOf(facts: ApplicationFacts) {
  let index = indexes.get(facts);
  if (!index) {
    index = {
      texts: new Map(facts.texts.map(({ source }) => [source.rel, source])),
      appRels: new Map(facts.files.map(({ file, appRel }) => [file.rel, appRel])),
      origins: new Map(facts.files.map(({ file, origin }) => [file.rel, origin])),
      secretLines: new Map(facts.secrets.map((secret) => [`${secret.file}\0${secret.line}`, secret.key])),
    };
    indexes.set(facts, index);
  }
  return index;
}

/** One of the application's files as read (comments blanked in `masked`), if it was read. */
export function sourceText(facts: ApplicationFacts, file: string): SourceText | undefined {
  return indexOf(facts).texts.get(file);
}

/** The text of a line of one of the application's files, if it was read. */
export function sourceLine(facts: ApplicationFacts, file: string, line: number): string | undefined {
  return indexOf(facts).texts.get(file)?.lines.line(line);
}

/** A result path as a path inside the application (what rule globs match). */
export function appRelOf(facts: ApplicationFacts, file: string): string {
  return indexOf(facts).appRels.get(file) ?? file;
}

/** What a result path's file is (production, test ...); a path outside the application's files counts as production. */
export function originOf(facts: ApplicationFacts, file: string): Origin {
  return indexOf(facts).origins.get(file) ?? 'production';
}

/**
 * The lines around an evidence line, for reports that show code in context. Every line is
 * masked: the generic masks catch key=value secrets, and a line the configuration reader found
 * a secret on shows only its key, whatever its syntax.
 */
export function evidenceContext(facts: ApplicationFacts, file: string, line: number): { firstLine: number; lines: string[] } | undefined {
  const index = indexOf(facts);
  const source = index.texts.get(file);
  if (!source || line > source.lines.lineCount) return undefined;
  const firstLine = Math.max(1, line - CONTEXT_LINES);
  const lastLine = Math.min(source.lines.lineCount, line + CONTEXT_LINES);
  const lines: string[] = [];
  for (let at = firstLine; at <= lastLine; at++) {
    const secretKey = index.secretLines.get(`${file}\0${at}`);
    const text = source.lines.line(at).replace(/\s+$/, '');
    const masked = secretKey ? `${/^\s*/.exec(text)?.[0] ?? ''}${secretKey} ${MASK} (value hidden)` : insidePrivateKey(source.lines, at) ? MASK : redactSecrets(text);
    lines.push(masked.length > MAX_CONTEXT_LINE ? `${masked.slice(0, MAX_CONTEXT_LINE - 1)}…` : masked);
  }
  return { firstLine, lines };
}
