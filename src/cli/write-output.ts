import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

const STANDARD_OUTPUT = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

/**
 * Writes a report where `--output` says. `-` is standard output. A regular file (new or existing)
 * is written next to itself and renamed into place, so a crash or a full disk never leaves a
 * half-written report over a good one; a symbolic link keeps being a link (its target is
 * replaced). Anything else that exists (a FIFO, a terminal, /dev/stdout, /dev/null, /dev/full) is
 * written into directly, never replaced by a regular file, and a failed write is an error.
 */
export async function writeOutputAtomically(
  file: string,
  report: string | Uint8Array | Iterable<string>,
): Promise<void> {
  // A report in parts is written in pieces of about a megabyte: never whole in memory, nor one write per part.
  const content = typeof report === 'string' || report instanceof Uint8Array ? report : batched(report);
  const target = path.resolve(file);
  // Standard output by name is written to the open stream: a pipe or socket cannot be opened again by path.
  if (file === '-' || STANDARD_OUTPUT.has(target)) return writeToStdout(content);
  let resolved = target;
  try {
    const stats = await fs.stat(target);
    if (stats.isDirectory())
      throw new InputError(
        `${file}: is a folder, not a file`,
        'Name a file to write the report to, or use - for standard output.',
      );
    if (!stats.isFile()) return await writeInto(file, target, content);
    // A link to a report is kept as a link: the file it points to is replaced.
    resolved = await fs.realpath(target);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw failure(file, error);
  }
  const temporary = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, content, { flag: 'wx' });
    await fs.rename(temporary, resolved);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw failure(file, error);
  }
}

type Content = string | Uint8Array | Iterable<string>;

const BATCH_CHARS = 1 << 20;

/** Parts joined into pieces of about a megabyte (in characters). */
export function* batched(parts: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const part of parts) {
    pending.push(part);
    size += part.length;
    if (size < BATCH_CHARS) continue;
    yield pending.join('');
    pending = [];
    size = 0;
  }
  if (size > 0) yield pending.join('');
}

async function writeInto(file: string, target: string, content: Content): Promise<void> {
  try {
    await fs.writeFile(target, content);
  } catch (error) {
    throw failure(file, error);
  }
}

async function writeToStdout(content: Content): Promise<void> {
  for (const piece of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(piece, (error) => (error ? reject(failure('standard output', error)) : resolve()));
    });
  }
}

function failure(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new InputError(
    `${file}: could not write the report (${code})`,
    code === 'ENOSPC' ? 'The device is full.' : 'Check that the folder exists and is writable.',
  );
}

/** Writes one text output to --output (atomically), or to standard output without one. */
export async function writeText(text: string, output: string | undefined): Promise<void> {
  if (output) await writeOutputAtomically(output, text);
  else process.stdout.write(text);
}
