/** C0 and C1 control characters and DEL: escape sequences in a scanned file's name or text could move the cursor, retitle or clear a terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The text with control characters shown as escapes (a newline in a file name becomes \n): safe to print on a terminal. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => (char === '\n' ? '\\n' : char === '\t' ? '\\t' : char === '\r' ? '\\r' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** A copy of a value (a result, a plan) with every string made printable, for terminal renderers. */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((item) => printableDeep(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printableDeep(item)])) as T;
  }
  return value;
}
