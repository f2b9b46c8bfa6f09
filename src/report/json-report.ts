import type { Reporter } from './reporter-types.js';

/** The result document itself: the contract described in docs/result-schema.md. */
export const jsonReport: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;

/**
 * The same text in parts, as the CLI writes it: a large portfolio's document runs to tens of
 * megabytes (52 MB on the 1,000,000-line benchmark tree), and made whole it was held twice over at
 * the very end of a scan, as text and as the bytes written. Written part by part it takes half the
 * time too (0.6 against 1.15 s for that document); joined into one string it would take longer.
 */
export function* jsonReportParts(result: unknown): Generator<string> {
  yield* pretty(result, '', 0);
  yield '\n';
}

/** Objects this deep and shallower are written member by member, lists (findings, graph nodes and edges) a slice at a time. */
const PARTED_OBJECT_DEPTH = 1;
const PARTED_LIST_DEPTH = 2;
/** Items of a list stringified at once: one JSON.stringify per item cost five times the whole document's. */
const SLICE = 512;

/** What JSON.stringify(value, null, 2) writes at this indentation, in parts. */
function* pretty(value: unknown, indent: string, depth: number): Generator<string> {
  const container =
    typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (container && Array.isArray(value) && value.length > 0 && depth <= PARTED_LIST_DEPTH) {
    for (let at = 0; at < value.length; at += SLICE) {
      // "[\n  a,\n  b\n]" less its brackets, indented as this list's items.
      const items = JSON.stringify(value.slice(at, at + SLICE), null, 2).slice(1, -2);
      yield `${at === 0 ? '[' : ','}${items.replaceAll('\n', `\n${indent}`)}`;
    }
    return yield `\n${indent}]`;
  }
  if (!container || Array.isArray(value) || depth > PARTED_OBJECT_DEPTH) {
    // Undefined, functions and symbols have no text of their own: their holder leaves them out.
    return yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`);
  }
  const inner = `${indent}  `;
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pretty(item, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}
