import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes a report next to its destination and renames it into place, so a crash or a full
 * disk never leaves a half-written report over a good one.
 */
export async function writeOutputAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new InputError(`${file}: could not write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'Check that the folder exists and is writable.');
  }
}
