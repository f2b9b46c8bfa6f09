import type { LanguageInfo } from '../discover/languages.js';
import { LineIndex } from './line-index.js';
import { maskComments } from './mask-comments.js';

/** A source file ready for rules: original text, comment-free text of the same shape, line index. */
export interface SourceText {
  rel: string;
  language: LanguageInfo;
  text: string;
  masked: string;
  lines: LineIndex;
  /** Lines holding code: not blank, not only comment. */
  loc: number;
}

export function analyseSource(rel: string, language: LanguageInfo, text: string): SourceText {
  const masked = maskComments(text, language.comments);
  return { rel, language, text, masked, lines: new LineIndex(text), loc: countCodeLines(masked) };
}

function countCodeLines(masked: string): number {
  let loc = 0;
  for (const line of masked.split('\n')) if (line.trim() !== '') loc++;
  return loc;
}
