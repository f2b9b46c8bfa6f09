import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * Parses a YAML input (config, rule pack, inventory) and validates it against a zod schema.
 * Every problem becomes an InputError that names the file, the line, and the field.
 */
export function parseYamlInput<S extends z.ZodType>(source: string, file: string, schema: S, hint: string): z.output<S> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line } = lineCounter.linePos(syntax.pos[0]);
    throw new InputError(`${file}:${line}: malformed YAML: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, hint);
  }
  const parsed = schema.safeParse(document.toJS({ maxAliasCount: 100 }));
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.slice(0, 5).map((issue) => {
    const location = nearestNode(document, issue.path);
    const line = location === undefined ? '' : `${lineCounter.linePos(location).line}:`;
    const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return `${file}:${line} ${field}${issue.message}`;
  });
  const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
  throw new InputError(messages.join('\n') + more, hint);
}

/** Offset of the deepest node that exists along the issue's path (a missing key points at its parent). */
function nearestNode(document: ReturnType<typeof parseDocument>, path: PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}
