import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

/** One path the user asked to scan: a folder, or a single file scanned on its own. */
export interface ScanRoot {
  /** The path as the user gave it, in POSIX form (recorded in the result). */
  input: string;
  /** Absolute, symlink-free path of the folder. */
  dir: string;
  /** Prefix for every relative path of this root when several roots are scanned; '' otherwise. */
  label: string;
  /** Set when the user named a single file: only that file (relative to dir) is scanned. */
  onlyFile?: string;
}

export async function resolveRoots(inputs: string[], cwd: string): Promise<ScanRoot[]> {
  const roots: ScanRoot[] = [];
  const labels = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let real: string;
    try {
      real = await fs.realpath(absolute);
    } catch {
      throw new InputError(
        `${input}: no such file or folder`,
        'Check the path; scan takes folders or files to analyse.',
      );
    }
    const stat = await fs.stat(real);
    const dir = stat.isDirectory() ? real : path.dirname(real);
    let label = inputs.length > 1 ? path.basename(real) || 'root' : '';
    for (let n = 2; label && labels.has(label); n++) label = `${path.basename(real)}-${n}`;
    labels.add(label);
    roots.push({
      input: input.split(path.sep).join('/'),
      dir,
      label,
      ...(stat.isDirectory() ? {} : { onlyFile: path.basename(real) }),
    });
  }
  return roots;
}

/** The POSIX path of a file as it appears in results: relative to its root, prefixed by the root label. */
export function resultPath(root: ScanRoot, relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return root.label ? `${root.label}/${posix}` : posix;
}

export function shownPath(root: ScanRoot, rootRel: string): string {
  return rootRel ? resultPath(root, rootRel) : root.label || '.';
}
