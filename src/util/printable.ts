/** C0 and C1 control characters and DEL: escape sequences in a scanned file's name or text could move the cursor, retitle or clear a terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- the same class, without the global flag's lastIndex for test()
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The text with control characters shown as escapes (a newline in a file name becomes \n): safe to print on a terminal. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) =>
    char === '\n'
      ? '\\n'
      : char === '\t'
        ? '\\t'
        : char === '\r'
          ? '\\r'
          : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * The value with every string made printable, for terminal renderers. Copy on write: what holds no
 * control character is returned as it is, so a large result costs a walk, not a copy.
 */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return (HAS_CONTROL.test(value) ? printable(value) : value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const clean = printableDeep(item);
      if (clean !== item) (copy ??= [...value])[index] = clean;
    });
    return (copy ?? value) as T;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const clean = printableDeep(item);
      if (clean !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = clean;
    }
    return (copy ?? value) as T;
  }
  return value;
}
