import type { Origin } from '../discover/origin.js';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { SourceText } from '../extract/source-text.js';
import { continuesSecret, hiddenSecretKinds, insidePrivateKey, MASK, redactSecrets } from './redact-secrets.js';

const MAX_SNIPPET = 160;
/** Lines shown either side of an evidence line, as reports show code around a match. */
export const CONTEXT_LINES = 2;
const MAX_CONTEXT_LINE = 200;

/** A line as evidence shows it: trimmed, secrets masked, cut to a readable length. */
function evidenceSnippet(line: string): string {
  const masked = redactSecrets(line.trim());
  return masked.length > MAX_SNIPPET ? `${masked.slice(0, MAX_SNIPPET - 1)}…` : masked;
}

/** Per application: result path → its text and its path inside the application, built once. */
const indexes = new WeakMap<
  ApplicationFacts,
  {
    texts: Map<string, SourceText>;
    appRels: Map<string, string>;
    origins: Map<string, Origin>;
    secretLines: Map<string, string>;
  }
>();

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

/** Per text, whether any of its lines can be part of a secret that the line alone does not show. */
const hiddenIn = new WeakMap<SourceText, { privateKey: boolean; continued: boolean }>();

/**
 * A line of one of the application's files as any output may show it. The generic masks catch
 * key=value secrets and setters; a line the configuration reader found a secret on shows only its
 * key, whatever its syntax; a line inside a private key, or continuing a secret's value from the
 * line above (a YAML block scalar, a .properties continuation), shows nothing.
 */
function shownLine(facts: ApplicationFacts, source: SourceText, at: number): string {
  const text = source.lines.line(at).replace(/\s+$/, '');
  const secretKey = indexOf(facts).secretLines.get(`${source.rel}\0${at}`);
  if (secretKey) return `${/^\s*/.exec(text)?.[0] ?? ''}${secretKey} ${MASK} (value hidden)`;
  let hidden = hiddenIn.get(source);
  if (!hidden) hiddenIn.set(source, (hidden = hiddenSecretKinds(source.text)));
  if (
    (hidden.privateKey && insidePrivateKey(source.lines, at)) ||
    (hidden.continued && continuesSecret(source.lines, at))
  )
    return MASK;
  return redactSecrets(text);
}

/** A line as outputs show it: from the text, or from the lines kept when the text was dropped. */
function shownAt(facts: ApplicationFacts, file: string, line: number): string | undefined {
  const source = indexOf(facts).texts.get(file);
  if (source) return line >= 1 && line <= source.lines.lineCount ? shownLine(facts, source, line) : undefined;
  return facts.shownLines?.get(file)?.get(line);
}

/** The evidence snippet of a line of one of the application's files; `fallback` when the file was not read as text. */
export function evidenceSnippetAt(
  facts: ApplicationFacts,
  file: string,
  line: number,
  fallback?: string,
): string | undefined {
  const shown = shownAt(facts, file, line)?.trim();
  if (shown === undefined || shown === '') return fallback === undefined ? undefined : evidenceSnippet(fallback);
  return shown.length > MAX_SNIPPET ? `${shown.slice(0, MAX_SNIPPET - 1)}…` : shown;
}

/** The lines around an evidence line, for reports that show code in context, each as shownLine shows it. */
export function evidenceContext(
  facts: ApplicationFacts,
  file: string,
  line: number,
): { firstLine: number; lines: string[] } | undefined {
  if (shownAt(facts, file, line) === undefined) return undefined;
  const firstLine = Math.max(1, line - CONTEXT_LINES);
  const lines: string[] = [];
  // The file's last line ends the context: past it there is no line to show.
  for (
    let at = firstLine, shown = shownAt(facts, file, at);
    at <= line + CONTEXT_LINES && shown !== undefined;
    shown = shownAt(facts, file, ++at)
  ) {
    lines.push(shown.length > MAX_CONTEXT_LINE ? `${shown.slice(0, MAX_CONTEXT_LINE - 1)}…` : shown);
  }
  return { firstLine, lines };
}

/**
 * The application's facts without their texts, for once its file conditions have been evaluated:
 * only what evidence may still show is kept, each cited line with the lines around it, as outputs
 * show them. The facts given are left as they are; the caller lets them go.
 */
export function withoutTexts<F extends ApplicationFacts>(
  facts: F,
  cited: Iterable<{ file: string; line?: number | undefined }>,
): F {
  const { texts } = indexOf(facts);
  const kept = new Map<string, Map<number, string>>();
  for (const { file, line } of cited) {
    const source = line ? texts.get(file) : undefined;
    if (!source || !line || line > source.lines.lineCount) continue;
    let lines = kept.get(file);
    if (!lines) kept.set(file, (lines = new Map()));
    for (let at = Math.max(1, line - CONTEXT_LINES); at <= Math.min(source.lines.lineCount, line + CONTEXT_LINES); at++)
      if (!lines.has(at)) lines.set(at, shownLine(facts, source, at));
  }
  return { ...facts, shownLines: kept, texts: [] };
}
