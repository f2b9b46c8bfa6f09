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
export async function writeOutputAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  // Standard output by name is written to the open stream: a pipe or socket cannot be opened again by path.
  if (file === '-' || STANDARD_OUTPUT.has(target)) return writeToStdout(content);
  let resolved = target;
  try {
    const stats = await fs.stat(target);
    if (stats.isDirectory()) throw new InputError(`${file}: is a folder, not a file`, 'Name a file to write the report to, or use - for standard output.');
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

async function writeInto(file: string, target: string, content: string | Uint8Array): Promise<void> {
  try {
    await fs.writeFile(target, content);
  } catch (error) {
    throw failure(file, error);
  }
}

function writeToStdout(content: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(content, (error) => (error ? reject(failure('standard output', error)) : resolve()));
  });
}

function failure(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new InputError(`${file}: could not write the report (${code})`, code === 'ENOSPC' ? 'The device is full.' : 'Check that the folder exists and is writable.');
}
