/** Folder paths relative to a scanned root, POSIX form, '' for the root itself. */
import path from 'node:path';
import type { DiscoveredFile } from './walk-files.js';

/** The folder that holds a file. */
export function folderOf(file: DiscoveredFile): string {
  const folder = path.posix.dirname(file.rootRel);
  return folder === '.' ? '' : folder;
}

export function parentOf(folder: string): string {
  return folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
}

export function topFolder(rootRel: string): string {
  const slash = rootRel.indexOf('/');
  return slash === -1 ? '' : rootRel.slice(0, slash);
}

export function commonFolder(folders: string[]): string {
  const split = folders.map((folder) => (folder === '' ? [] : folder.split('/')));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && parts[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join('/');
}

export function normaliseFolder(folder: string): string {
  const posix = path.posix.normalize(folder.split('\\').join('/')).replace(/\/+$/, '');
  return posix === '.' ? '' : posix.replace(/^\.\//, '');
}

export function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}
