import fs from 'node:fs/promises';
import type { Diagnostic } from '../result/schema.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

export type ReadOutcome = { ok: true; text: string; encoding: Encoding } | { ok: false; diagnostic: Diagnostic };

/** Files larger than this are generated or data, not code a person wrote: skipped with a warning. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
const SNIFF_BYTES = 8192;

/**
 * Reads a file as text, whatever its encoding: BOMs decide UTF-8/16; otherwise strict UTF-8,
 * falling back to Latin-1 (common in legacy sources). A NUL byte means binary: skipped.
 */
export async function readText(abs: string, rel: string, size: number): Promise<ReadOutcome> {
  if (size > MAX_TEXT_BYTES) {
    return skip('warning', 'file-too-large', rel, `file is ${formatMiB(size)}, over the ${formatMiB(MAX_TEXT_BYTES)} limit for text analysis; skipped`);
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs);
  } catch (error) {
    return skip('error', 'unreadable-file', rel, `file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(bytes, rel);
}

export function decodeText(bytes: Uint8Array, rel: string): ReadOutcome {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', rel);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', rel);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', rel);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return skip('warning', 'binary-file', rel, 'file holds binary data (NUL bytes), not text; skipped');
  }
  const utf8 = decode(bytes, 'utf-8', rel);
  return utf8.ok ? utf8 : decode(bytes, 'latin1', rel);
}

function decode(bytes: Uint8Array, encoding: Encoding, rel: string): ReadOutcome {
  try {
    const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
    return { ok: true, text, encoding };
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
