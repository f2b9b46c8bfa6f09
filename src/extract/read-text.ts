import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../result/schema.js';
import { decodeEbcdic, looksLikeEbcdic } from './ebcdic.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'ebcdic-037';

/** `note`: how the text was read when a person should know (EBCDIC, UTF-16 without a byte order mark). */
export type ReadOutcome =
  { ok: true; text: string; encoding: Encoding; note?: Diagnostic } | { ok: false; diagnostic: Diagnostic };

/** Files larger than this are generated or data, not code a person wrote: skipped with a warning. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
const SNIFF_BYTES = 8192;

/**
 * Reads a file as text, whatever its encoding: BOMs decide UTF-8/16; UTF-16 without a BOM and
 * EBCDIC are recognised by their bytes; otherwise strict UTF-8, falling back to Latin-1 (common
 * in legacy sources). Other NUL bytes mean binary: skipped. Line ends are left as they are but
 * for a lone CR (classic Mac, or a file of mixed line ends), which becomes LF so that lines count.
 */
export async function readText(abs: string, rel: string, size: number): Promise<ReadOutcome> {
  if (size > MAX_TEXT_BYTES) {
    return skip(
      'warning',
      'file-too-large',
      rel,
      `file is ${formatMiB(size)}, over the ${formatMiB(MAX_TEXT_BYTES)} limit for text analysis; skipped`,
    );
  }
  let bytes: Buffer;
  try {
    // Synchronous: a promised read costs about 130 µs of this thread per file in handles and
    // callbacks, a synchronous one about 30 µs; files here are at most 8 MiB.
    bytes = readFileSync(abs);
  } catch (error) {
    return skip(
      'error',
      'unreadable-file',
      rel,
      `file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return decodeText(bytes, rel);
}

export function decodeText(bytes: Uint8Array, rel: string): ReadOutcome {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', rel);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', rel);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', rel);
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) {
    const utf16 = utf16WithoutBom(sample);
    if (!utf16) return skip('warning', 'binary-file', rel, 'file holds binary data (NUL bytes), not text; skipped');
    return noted(decode(bytes, utf16, rel), rel, `read as ${utf16.toUpperCase()} (no byte order mark)`);
  }
  if (looksLikeEbcdic(sample))
    return noted(
      { ok: true, text: decodeEbcdic(bytes), encoding: 'ebcdic-037' },
      rel,
      'read as EBCDIC (IBM-037): was it copied off the mainframe in binary mode? A text-mode transfer converts it',
    );
  const utf8 = decode(bytes, 'utf-8', rel);
  return utf8.ok ? utf8 : decode(bytes, 'latin1', rel);
}

/** UTF-16 text of mostly ASCII characters has a NUL in every other byte: odd ones (LE) or even ones (BE). */
function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.7 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.7 && oddNul <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

function noted(outcome: ReadOutcome, rel: string, message: string): ReadOutcome {
  return outcome.ok ? { ...outcome, note: { level: 'info', code: 'encoding', file: rel, message } } : outcome;
}

function decode(bytes: Uint8Array, encoding: Exclude<Encoding, 'ebcdic-037'>, rel: string): ReadOutcome {
  try {
    const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
    return { ok: true, text: text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text, encoding };
  } catch {
    return skip('warning', 'encoding', rel, `file is not valid ${encoding}`);
  }
}

function skip(level: Diagnostic['level'], code: string, file: string, message: string): ReadOutcome {
  return { ok: false, diagnostic: { level, code, file, message } };
}

function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
