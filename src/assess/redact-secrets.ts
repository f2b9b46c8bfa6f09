/**
 * Masks secret values in a line of scanned text before it reaches any output: evidence must
 * show where a secret is, never what it is.
 */
const KEY_VALUE =
  /((?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)[\w.-]*["']?\s*(?:=|:|=>)\s*["']?)([^"'\s;,&<>]+)/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@"']+:)([^@\s/"']+)@/gi;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----.*/g;
/** Embedded SQL and DDL: CONNECT TO db USER 'u' USING 'pw', CONNECT u IDENTIFIED BY pw (host variables like :WS-PW are not secrets). */
const SQL_PASSWORD = /(\bUSING\s+|\bIDENTIFIED\s+BY\s+)(['"]?)([^\s'";:][^\s'";]*)\2/gi;

export const MASK = '****';

export function redactSecrets(line: string): string {
  return line
    .replace(PRIVATE_KEY, `-----BEGIN PRIVATE KEY----- ${MASK}`)
    .replace(URL_CREDENTIALS, `$1${MASK}@`)
    .replace(SQL_PASSWORD, (whole, keyword: string, quote: string, value: string) => (/\b(CONNECT|IDENTIFIED)\b/i.test(line) && !value.startsWith('${') ? `${keyword}${quote}${MASK}${quote}` : whole))
    .replace(KEY_VALUE, (whole, key: string, value: string) => (value.startsWith('${') || value === MASK ? whole : `${key}${MASK}`));
}
