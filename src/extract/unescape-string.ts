/**
 * The value a C-family string literal stands for (Java, C#, JavaScript; and java.util.Properties values): `"\\\\fs01\\share"` is
 * the UNC path \\fs01\share, while `"\\Q.\\E"` is a regular expression, not a share.
 */
export function unescapeString(text: string): string {
  return text.includes('\\')
    ? text.replace(
        /\\(u[0-9a-fA-F]{4}|[\s\S])/g,
        (_, escaped: string) =>
          ESCAPES[escaped] ?? (escaped.length === 5 ? String.fromCharCode(parseInt(escaped.slice(1), 16)) : escaped),
      )
    : text;
}
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };
