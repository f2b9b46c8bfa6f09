import type { ApplicationFacts } from '../extract/application-facts.js';
import type { SourceText } from '../extract/source-text.js';
import { redactSecrets } from './redact-secrets.js';

const MAX_SNIPPET = 160;

/** A line as evidence shows it: trimmed, secrets masked, cut to a readable length. */
export function evidenceSnippet(line: string): string {
  const masked = redactSecrets(line.trim());
  return masked.length > MAX_SNIPPET ? `${masked.slice(0, MAX_SNIPPET - 1)}…` : masked;
}

/** Per application: result path → its text and its path inside the application, built once. */
const indexes = new WeakMap<ApplicationFacts, { texts: Map<string, SourceText>; appRels: Map<string, string> }>();

function indexOf(facts: ApplicationFacts) {
  let index = indexes.get(facts);
  if (!index) {
    index = {
      texts: new Map(facts.texts.map(({ source }) => [source.rel, source])),
      appRels: new Map(facts.files.map(({ file, appRel }) => [file.rel, appRel])),
    };
    indexes.set(facts, index);
  }
  return index;
}

/** The text of a line of one of the application's files, if it was read. */
export function sourceLine(facts: ApplicationFacts, file: string, line: number): string | undefined {
  return indexOf(facts).texts.get(file)?.lines.line(line);
}

/** A result path as a path inside the application (what rule globs match). */
export function appRelOf(facts: ApplicationFacts, file: string): string {
  return indexOf(facts).appRels.get(file) ?? file;
}
