import type { SourceText } from '../source-text.js';
import { LogicalText, operandField, splitOperands } from './logical-text.js';
import type { Location } from './source-facts.js';

export interface AssemblerStatement {
  /** Name field (column 1), upper case; '' when the statement has none. */
  name: string;
  operation: string;
  /** Operand field with continuations joined, comments after it dropped. */
  operands: string;
  location: Location;
}

/**
 * Statements of assembler-format sources (HLASM, BMS, IMS DBD/PSB): name in column 1, then
 * operation and operands; a non-blank column 72 continues the statement from column 16.
 * Comment lines are already blanked by the masker.
 */
export function assemblerStatements(source: SourceText): AssemblerStatement[] {
  const logical = new LogicalText(source.rel);
  let continued = false;
  source.masked.split('\n').forEach((raw, index) => {
    const original = source.lines.line(index + 1);
    const line = raw.replace(/\r$/, '').slice(0, 71);
    if (continued) logical.append(line.slice(15).trim(), index + 1, 16, '');
    else if (line.trim() !== '') logical.append(line, index + 1, 1);
    continued = (original[71] ?? ' ') !== ' ';
  });
  const statements: AssemblerStatement[] = [];
  for (const match of logical.text.matchAll(/^([A-Z$#@][A-Z0-9$#@_]*)?[ \t]+([A-Z][A-Z0-9]*)(?:[ \t]+(\S*))?/gim)) {
    statements.push({
      name: (match[1] ?? '').toUpperCase(),
      operation: match[2]!.toUpperCase(),
      operands: operandField(match[3] ?? ''),
      location: logical.locate(match.index),
    });
  }
  return statements;
}

/** KEY=value operands, top-level commas only: NAME=(CUSTNO,SEQ,U),BYTES=8 → { NAME: '(CUSTNO,SEQ,U)', BYTES: '8' }. */
export function keywordOperands(operands: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const operand of splitOperands(operands)) {
    const eq = operand.indexOf('=');
    if (eq > 0) result[operand.slice(0, eq).toUpperCase()] = operand.slice(eq + 1);
  }
  return result;
}
