import { XMLValidator } from 'fast-xml-parser';

/**
 * Why a text is not well-formed XML, in words a person can act on, with the line; undefined when
 * it is well-formed. One place for every XML reader (manifests, configuration, job exports).
 */
export function xmlProblem(text: string): { message: string; line: number; column: number } | undefined {
  const valid = XMLValidator.validate(text);
  if (valid === true) return undefined;
  // The validator lists unclosed elements as a JSON array: say what it means.
  const unclosed = /^Invalid '\[(.*)\]' found\.?$/s.exec(valid.err.msg);
  const names = unclosed ? [...unclosed[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
  const message = unclosed
    ? `malformed XML: unclosed element${names.length === 1 ? '' : 's'} ${names.join(', ')}`
    : `malformed XML: ${valid.err.msg}`;
  return { message, line: valid.err.line, column: valid.err.col };
}
