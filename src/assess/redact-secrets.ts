/**
 * Masks secret values in a line of scanned text before it reaches any output: evidence must
 * show where a secret is, never what it is.
 */
/** Names under which secrets are kept. */
const SECRET_WORD = String.raw`(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)`;
/**
 * `key = value`, `key: value`, `"key": "value"`, `key => value`: a quoted value is masked up to its
 * closing quote (spaces, commas and ampersands included), an unquoted one (or one whose quote is
 * never closed) to the end of the line, which is where .properties, YAML and INI values end.
 * `key == x` compares and is left alone.
 */
const KEY_VALUE = new RegExp(
  String.raw`(${SECRET_WORD}[\w.-]*["']?\s*(?:=>|=(?![=~])|:(?!:))\s*)(?:(["'\x60])((?:\\.|(?!\2)[^\\\n])*)\2|(\S[^\n]*))`,
  'gi',
);
/** Setters and builders given a secret as a literal: setPassword("x"), withApiKey('x'), .password("x"), new PasswordAuthentication(user, "x"). */
const SETTER = new RegExp(
  String.raw`(\b(?:set|with|use)?_?${SECRET_WORD}\w*\s*\(\s*(?:[^()"'\x60\n]*,\s*)?)(["'\x60])((?:\\.|(?!\2)[^\\\n])*)\2`,
  'gi',
);
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@"']+:)([^@\s/"']+)@/gi;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----.*/g;
const PRIVATE_KEY_BEGIN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const PEM_END = /-----END [A-Z ]*-----/;
/** How far back a line looks for the BEGIN line of a PEM block it may belong to (a 4096-bit RSA key has about 50 lines). */
const PEM_LOOKBACK = 120;
/** Embedded SQL and DDL: CONNECT TO db USER 'u' USING 'pw', CONNECT u IDENTIFIED BY pw (host variables like :WS-PW are not secrets). */
const SQL_PASSWORD = /(\bUSING\s+|\bIDENTIFIED\s+BY\s+)(['"]?)([^\s'";:][^\s'";]*)\2/gi;

export const MASK = '****';

/** Longer lines are cut before masking: every output shows far less, and masking stays quick on a minified file. */
const MAX_MASKED_LINE = 2000;

export function redactSecrets(whole: string): string {
  const line = whole.length > MAX_MASKED_LINE ? whole.slice(0, MAX_MASKED_LINE) : whole;
  return line
    .replace(PRIVATE_KEY, `-----BEGIN PRIVATE KEY----- ${MASK}`)
    .replace(URL_CREDENTIALS, `$1${MASK}@`)
    .replace(SQL_PASSWORD, (whole, keyword: string, quote: string, value: string) =>
      /\b(CONNECT|IDENTIFIED)\b/i.test(line) && !value.startsWith('${') ? `${keyword}${quote}${MASK}${quote}` : whole,
    )
    .replace(SETTER, (whole, call: string, quote: string, value: string) =>
      value === '' || value.startsWith('${') ? whole : `${call}${quote}${MASK}${quote}`,
    )
    .replace(
      KEY_VALUE,
      (whole, key: string, quote: string | undefined, quoted: string | undefined, bare: string | undefined) => {
        const value = quoted ?? bare ?? '';
        // A placeholder (${DB_PASSWORD}) or an empty value hides nothing; a value already masked stays as it is.
        if (value === '' || value.startsWith('${') || value.startsWith(MASK)) return whole;
        return quote ? `${key}${quote}${MASK}${quote}` : `${key}${MASK}`;
      },
    );
}

/** A key whose value is a YAML block scalar (`password: |`) or a .properties value continued on the next line (`password=abc\`). */
const BLOCK_SECRET_KEY = new RegExp(
  String.raw`^\s*(?:-\s+)?["']?[\w.-]*${SECRET_WORD}[\w.-]*["']?\s*:\s*[|>][-+0-9]*\s*$`,
  'i',
);
const CONTINUED_SECRET_KEY = new RegExp(String.raw`^\s*[\w.-]*${SECRET_WORD}[\w.-]*\s*[=:]`, 'i');
/**
 * What a whole text may hide on lines that do not show it themselves: a private key block, a
 * secret's value continued from a key above. Where neither can be, no line needs looking back for it.
 */
export function hiddenSecretKinds(text: string): { privateKey: boolean; continued: boolean } {
  return { privateKey: PRIVATE_KEY_BEGIN.test(text), continued: SECRET_WORD_ANYWHERE.test(text) };
}
const SECRET_WORD_ANYWHERE = new RegExp(SECRET_WORD, 'i');

/** How far back a line looks for the key its value continues from. */
const CONTINUATION_LOOKBACK = 50;

/**
 * Whether a line continues a secret's value from a line above: the indented lines of a YAML block
 * scalar under `password: |`, or the lines a `.properties` value runs on to after a trailing
 * backslash. No mask that reads the line alone can see it is part of a secret.
 */
export function continuesSecret(lines: { line(at: number): string }, at: number): boolean {
  const text = lines.line(at);
  if (text.trim() === '') return false;
  const indent = /^\s*/.exec(text)![0].length;
  // A .properties continuation: the lines above end with an odd number of backslashes, back to the key.
  for (
    let back = at - 1;
    back >= Math.max(1, at - CONTINUATION_LOOKBACK) && continuesOnNextLine(lines.line(back));
    back--
  ) {
    if (CONTINUED_SECRET_KEY.test(lines.line(back))) return true;
  }
  // A YAML block scalar: the first less-indented line above is the key that opens it.
  for (let back = at - 1; back >= Math.max(1, at - CONTINUATION_LOOKBACK); back--) {
    const above = lines.line(back);
    if (above.trim() === '') continue;
    if (/^\s*/.exec(above)![0].length < indent) return BLOCK_SECRET_KEY.test(above);
  }
  return false;
}

/** A .properties line ending in an odd number of backslashes goes on on the next line (counted, not matched: linear on any line). */
function continuesOnNextLine(text: string): boolean {
  const end = text.length;
  let backslashes = 0;
  while (end - backslashes > 0 && text[end - backslashes - 1] === '\\') backslashes++;
  return backslashes % 2 === 1;
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
