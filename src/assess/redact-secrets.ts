/**
 * Masks secret values in a line of scanned text before it reaches any output: evidence must
 * show where a secret is, never what it is.
 */
const KEY_VALUE =
  /((?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)[\w.-]*["']?\s*(?:=|:|=>)\s*["']?)([^"'\s;,&<>]+)/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@"']+:)([^@\s/"']+)@/gi;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----.*/g;
const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const PEM_END = /-----END [A-Z ]*-----/;
/** How far back a line looks for the BEGIN line of a PEM block it may belong to (a 4096-bit RSA key has about 50 lines). */
const PEM_LOOKBACK = 120;
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

/**
 * Whether a line lies between `-----BEGIN ... PRIVATE KEY-----` and its END line: key material,
 * which no line mask can recognise on its own, so it is never shown.
 */
export function insidePrivateKey(lines: { line(at: number): string }, at: number): boolean {
  for (let back = at - 1; back >= Math.max(1, at - PEM_LOOKBACK); back--) {
    const text = lines.line(back);
    if (PEM_END.test(text)) return false;
    if (PRIVATE_KEY_BEGIN.test(text)) return true;
  }
  return false;
}
