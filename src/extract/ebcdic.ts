/**
 * EBCDIC (IBM code page 037, US/Canada), the character set of z/OS datasets: COBOL, JCL and
 * copybooks copied off a mainframe in binary mode arrive in it. WHATWG's TextDecoder has no
 * EBCDIC, so the code page's 256 characters are listed here (as Unicode publishes them).
 */
const CP037 =
  '\u0000\u0001\u0002\u0003\u009c\u0009\u0086\u007f\u0097\u008d\u008e\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u009d\u0085\u0008\u0087\u0018\u0019\u0092\u008f\u001c\u001d\u001e\u001f' +
  '\u0080\u0081\u0082\u0083\u0084\u000a\u0017\u001b\u0088\u0089\u008a\u008b\u008c\u0005\u0006\u0007\u0090\u0091\u0016\u0093\u0094\u0095\u0096\u0004\u0098\u0099\u009a\u009b\u0014\u0015\u009e\u001a' +
  ' \u00a0âäàáãåçñ¢.<(+|&éêëèíîïìß!$*);¬' +
  '-/ÂÄÀÁÃÅÇÑ¦,%_>?øÉÊËÈÍÎÏÌ`:#@\'="' +
  'Øabcdefghi«»ðýþ±°jklmnopqrªºæ¸Æ¤' +
  'µ~stuvwxyz¡¿ÐÝÞ®^£¥·©§¶¼½¾[]¯¨´×' +
  '{ABCDEFGHI\u00adôöòóõ}JKLMNOPQR¹ûüùúÿ' +
  '\\÷STUVWXYZ²ÔÖÒÓÕ0123456789³ÛÜÙÚ\u009f';

/**
 * Decodes IBM-037 bytes; NL (0x15) becomes a line feed, as a text-mode transfer would make it.
 * A dataset of fixed 80-byte records without any line end is cut into its records.
 */
export function decodeEbcdic(bytes: Uint8Array): string {
  const text = Array.from(bytes, (byte) => CP037[byte])
    .join('')
    .replaceAll('\u0085', '\n');
  if (text.includes('\n') || text.length % 80 !== 0) return text;
  return text.replace(/[^]{80}/g, (record) => `${record.trimEnd()}\n`);
}

/**
 * Looks like EBCDIC text: spaces are 0x40 there and letters and digits sit above 0x80, while
 * ASCII and Latin-1 text is full of 0x20 spaces and never without bytes below 0x80.
 */
export function looksLikeEbcdic(sample: Uint8Array): boolean {
  if (sample.length < 16) return false;
  // Every file read is asked: stop as soon as too many low bytes (ASCII's spaces, line ends,
  // punctuation) rule it out, which in ASCII text is within the first few kilobytes.
  const maxLow = sample.length - Math.ceil(sample.length * 0.9);
  let ebcdicSpaces = 0;
  let asciiSpaces = 0;
  let low = 0;
  for (let at = 0; at < sample.length; at++) {
    const byte = sample[at]!;
    if (byte === 0x40) ebcdicSpaces++;
    else if (byte < 0x40) {
      if (byte === 0x20) asciiSpaces++;
      if (++low > maxLow) return false;
    }
  }
  return ebcdicSpaces >= sample.length * 0.05 && asciiSpaces * 20 < ebcdicSpaces;
}
