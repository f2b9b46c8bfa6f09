import { lastIndexAtMost } from '../../util/sorted.js';
import type { Location } from './source-facts.js';

/**
 * Text stitched together from physical lines (continuations joined), with a map back to the
 * original line and column of every character, for line-based languages (COBOL, JCL, assembler).
 */
export class LogicalText {
  text = '';
  private readonly starts: number[] = [];
  private readonly origins: { line: number; column: number }[] = [];

  constructor(readonly file: string) {}

  /** Appends `content`, which begins at 1-based `line` and `column` of the file. */
  append(content: string, line: number, column: number, separator = '\n') {
    if (this.text.length > 0) this.text += separator;
    this.starts.push(this.text.length);
    this.origins.push({ line, column });
    this.text += content;
  }

  locate(offset: number): Location {
    const low = lastIndexAtMost(this.starts, offset);
    const origin = this.origins[low] ?? { line: 1, column: 1 };
    return {
      file: this.file,
      line: origin.line,
      column: origin.column + Math.max(0, offset - (this.starts[low] ?? 0)),
    };
  }
}

/** Splits `NAME(value) FLAG NAME2('x')` into options, quotes removed; variables are marked. */
export function parseOptions(text: string): { name: string; value?: string; variable: boolean }[] {
  const options: { name: string; value?: string; variable: boolean }[] = [];
  const pattern = /([A-Z][A-Z0-9-]*)(?:\s*\(\s*((?:'[^']*'|"[^"]*"|[^()]|\([^()]*\))*?)\s*\))?/gi;
  for (const match of text.matchAll(pattern)) {
    const raw = match[2];
    if (raw === undefined) {
      options.push({ name: match[1]!.toUpperCase(), variable: false });
      continue;
    }
    const quoted = /^(['"])(.*)\1$/s.exec(raw.trim());
    options.push({
      name: match[1]!.toUpperCase(),
      value: quoted ? quoted[2] : raw.trim(),
      variable: !quoted && /^[A-Z][A-Z0-9-]*$/i.test(raw.trim()),
    });
  }
  return options;
}

/** The operand field of a line-based statement (JCL, assembler) ends at the first blank outside quotes; the rest is a comment. */
export function operandField(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ' ' && !quoted) return text.slice(0, i);
  }
  return text;
}

/** Splits operands at commas outside parentheses and quotes: PGM=X,PARM='A,B',COND=(0,NE). */
export function splitOperands(operands: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of operands) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}
