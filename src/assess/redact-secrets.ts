/**
 * Masks secret values in a line of scanned text before it reaches any output: evidence must
 * show where a secret is, never what it is.
 */
const KEY_VALUE =
  /((?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)[\w.-]*["']?\s*(?:=|:|=>)\s*["']?)([^"'\s;,&<>]+)/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@"']+:)([^@\s/"']+)@/gi;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----.*/g;

export const MASK = '****';

export function redactSecrets(line: string): string {
  return line
    .replace(PRIVATE_KEY, `-----BEGIN PRIVATE KEY----- ${MASK}`)
    .replace(URL_CREDENTIALS, `$1${MASK}@`)
    .replace(KEY_VALUE, (whole, key: string, value: string) => (value.startsWith('${') || value === MASK ? whole : `${key}${MASK}`));
}
