import type { Reporter } from './reporter.js';

/** The result document itself: the contract described in docs/result-schema.md. */
export const jsonReport: Reporter = (result) => [...jsonReportParts(result)].join('');

/**
 * The same text in parts, to be written one after the other: a large portfolio's document runs to
 * tens of megabytes (52 MB on the 1,000,000-line benchmark tree), and made whole it was held
 * twice over at the very end of a scan, as text and as the bytes written.
 */
export function* jsonReportParts(result: unknown): Generator<string> {
  yield* pretty(result, '', 0);
  yield '\n';
}

/** Containers this deep and shallower are written member by member; deeper ones whole. */
const PARTED_DEPTH = 2;

/** What JSON.stringify(value, null, 2) writes at this indentation, in parts. */
function* pretty(value: unknown, indent: string, depth: number): Generator<string> {
  const container = typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!container || depth > PARTED_DEPTH) {
    // Undefined, functions and symbols have no text of their own: their holder leaves them out.
    yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    for (const [at, item] of value.entries()) {
      yield at === 0 ? `[\n${inner}` : `,\n${inner}`;
      yield* pretty(item, inner, depth + 1);
    }
    return yield `\n${indent}]`;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pretty(item, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}
