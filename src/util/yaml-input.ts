import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * Parses a YAML input (config, rule pack, inventory) and validates it against a zod schema.
 * Every problem becomes an InputError that names the file, the line, and the field.
 */
export function parseYamlInput<S extends z.ZodType>(
  source: string,
  file: string,
  schema: S,
  hint: string,
): z.output<S> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const syntax = firstSyntaxError(document, lineCounter);
  if (syntax)
    throw new InputError(`${file}:${syntax.line}: ${syntax.message}`, hint, {
      file,
      line: syntax.line,
      problem: syntax.message,
    });
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias to no anchor, or aliases that would expand past the limit (a "billion laughs").
    const problem = `malformed YAML: ${(error as Error).message.split('\n')[0]}`;
    throw new InputError(`${file}: ${problem}`, hint, { file, problem });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => {
    // A misspelt key is on its own line, not on its parent's.
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const location =
      (unknownKey !== undefined ? keyNode(document, issue.path, unknownKey) : undefined) ??
      nearestNode(document, issue.path);
    const line = location === undefined ? undefined : lineCounter.linePos(location).line;
    const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { line, problem: `${field}${issue.message}` };
  });
  const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
  const first = issues[0]!;
  throw new InputError(
    issues.map(({ line, problem }) => `${file}:${line === undefined ? '' : `${line}:`} ${problem}`).join('\n') + more,
    hint,
    {
      file,
      line: first.line,
      problem: `${first.problem}${issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''}`,
    },
  );
}

/** Offset of a key of the map at a path (`severty` under `rules`). */
function keyNode(document: ReturnType<typeof parseDocument>, path: PropertyKey[], key: string): number | undefined {
  const map = (path.length === 0 ? document.contents : document.getIn(path as unknown[], true)) as
    { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null | undefined;
  return map?.items?.find((item) => item.key?.value === key)?.key?.range?.[0];
}

/** Offset of the deepest node that exists along the issue's path (a missing key points at its parent). */
function nearestNode(document: ReturnType<typeof parseDocument>, path: PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

/** Whether the text parses as YAML at all, and if not, the first problem and its line. */
export function yamlSyntax(text: string): { ok: true } | { ok: false; message: string; line: number } {
  const lineCounter = new LineCounter();
  const syntax = firstSyntaxError(
    parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' }),
    lineCounter,
  );
  return syntax ? { ok: false, ...syntax } : { ok: true };
}

function firstSyntaxError(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
): { message: string; line: number } | undefined {
  const error = document.errors[0];
  if (!error) return undefined;
  return {
    line: lineCounter.linePos(error.pos[0]).line,
    message: `malformed YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
  };
}
