import type { SourceText } from './source-text.js';

/** A `cloudready-ignore` comment: which rule it silences on its line and the line below, and why. */
export interface InlineIgnore {
  file: string;
  line: number;
  /** Rule id, `pack/*`, or `*` for every rule. */
  rule: string;
  reason?: string;
}

/**
 * `cloudready-ignore: RULE-ID reason` in a comment on the line of the evidence or the line
 * above silences that rule there (`*` for every rule). Written where the code is, so the
 * reason travels with it through reviews. Read when the file is, since its text is not kept.
 */
const INLINE =
  /cloudready-ignore\s*:?\s+([a-z0-9-]+\/[a-z0-9-]+|[a-z0-9-]+\/\*|\*)(?:[ \t]+([^\r\n]*?))?\s*(?:\*\/|-->|\*\))?\s*$/gm;

/** The inline ignores of one file (a cheap substring test first). */
export function inlineIgnoresIn(source: SourceText): InlineIgnore[] {
  if (!source.text.includes('cloudready-ignore')) return [];
  const found: InlineIgnore[] = [];
  for (const match of source.text.matchAll(INLINE)) {
    found.push({
      file: source.rel,
      line: source.lines.lineAt(match.index),
      rule: match[1]!,
      ...(match[2] ? { reason: match[2].trim() } : {}),
    });
  }
  return found;
}
