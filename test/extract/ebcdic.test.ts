import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEbcdic, looksLikeEbcdic } from '../../src/extract/ebcdic.js';

/** The definition, counted over every byte: what the early-exit version must agree with. */
function reference(sample: Uint8Array): boolean {
  if (sample.length < 16) return false;
  let ebcdicSpaces = 0;
  let asciiSpaces = 0;
  let high = 0;
  for (const byte of sample) {
    if (byte === 0x40) ebcdicSpaces++;
    else if (byte === 0x20) asciiSpaces++;
    if (byte >= 0x40) high++;
  }
  return ebcdicSpaces >= sample.length * 0.05 && asciiSpaces * 20 < ebcdicSpaces && high >= sample.length * 0.9;
}

/** IBM-037 bytes of an ASCII string (letters, digits, space, a few signs). */
function toEbcdic(text: string): Uint8Array {
  const table: Record<string, number> = {
    ' ': 0x40,
    '.': 0x4b,
    '-': 0x60,
    "'": 0x7d,
    '(': 0x4d,
    ')': 0x5d,
    '\n': 0x15,
  };
  const code = (ch: string) => {
    if (ch in table) return table[ch]!;
    const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(ch);
    // A-I, J-R and S-Z are three runs: C1-C9, D1-D9, E2-E9.
    if (upper >= 0) return upper < 9 ? 0xc1 + upper : upper < 18 ? 0xd1 + upper - 9 : 0xe2 + upper - 18;
    const digit = '0123456789'.indexOf(ch);
    if (digit >= 0) return 0xf0 + digit;
    throw new Error(`no EBCDIC code for ${ch}`);
  };
  return Uint8Array.from(text, code);
}

describe('looksLikeEbcdic', () => {
  it('tells a COBOL member in IBM-037 from the same text in ASCII', () => {
    const cobol =
      '       IDENTIFICATION DIVISION.\n       PROGRAM-ID. PAYROLL.\n       PROCEDURE DIVISION.\n           EXEC CICS RETURN END-EXEC.\n';
    const ebcdic = toEbcdic(cobol);
    expect(decodeEbcdic(ebcdic)).toBe(cobol);
    expect(looksLikeEbcdic(ebcdic)).toBe(true);
    expect(looksLikeEbcdic(Buffer.from(cobol, 'latin1'))).toBe(false);
  });

  it('agrees with the definition counted over every byte, on any sample', () => {
    // Samples mixing EBCDIC spaces, high bytes, ASCII spaces and other low bytes near the thresholds.
    const byte = fc.oneof(
      { arbitrary: fc.constant(0x40), weight: 2 },
      { arbitrary: fc.integer({ min: 0x41, max: 0xff }), weight: 14 },
      { arbitrary: fc.constant(0x20), weight: 1 },
      { arbitrary: fc.integer({ min: 0, max: 0x3f }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 400 }), (bytes) => {
        const sample = Uint8Array.from(bytes);
        expect(looksLikeEbcdic(sample)).toBe(reference(sample));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (sample) => {
        expect(looksLikeEbcdic(sample)).toBe(reference(sample));
      }),
      { numRuns: 500 },
    );
  });
});
