import fs from 'node:fs/promises';
import path from 'node:path';

/** The files a scan writes in its cache folder: facts and results per set of scanned roots, and their deltas. */
const CACHE_FILE = /^(facts|result)-[0-9a-f]{16}(\.delta)?\.bin$/;

/** The cache stays under this many bytes unless CLOUDREADY_CACHE_MAX_MB says otherwise: the least recently written files go first. */
export const DEFAULT_CACHE_LIMIT = 1024 * 1024 * 1024;

export interface CacheFile {
  name: string;
  bytes: number;
  written: Date;
}

/**
 * The scan cache files in a folder, newest first. Anything else there (a folder, a link, a file
 * of another name, planted or not) is not a cache file: it is neither listed nor ever deleted.
 */
export async function cacheFiles(folder: string): Promise<CacheFile[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const files: CacheFile[] = [];
  for (const name of names.filter((candidate) => CACHE_FILE.test(candidate))) {
    const stat = await fs.lstat(path.join(folder, name)).catch(() => undefined);
    if (stat?.isFile()) files.push({ name, bytes: stat.size, written: stat.mtime });
  }
  return files.sort((a, b) => b.written.getTime() - a.written.getTime() || (a.name < b.name ? -1 : 1));
}

/** The size limit: CLOUDREADY_CACHE_MAX_MB (a whole number of MiB, 0 for none), else 1 GiB. */
export function cacheLimit(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.CLOUDREADY_CACHE_MAX_MB;
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) * 1024 * 1024 : DEFAULT_CACHE_LIMIT;
}

/**
 * Keeps a cache folder under its limit: each scan root set leaves its own files, so a folder from
 * which many trees are scanned would grow without end. The least recently written files go first;
 * the files the running scan wrote (since `started`) stay. Returns what was removed.
 */
export async function pruneCache(folder: string, started: number, limit = cacheLimit()): Promise<CacheFile[]> {
  const files = await cacheFiles(folder);
  let total = files.reduce((sum, file) => sum + file.bytes, 0);
  const removed: CacheFile[] = [];
  for (const file of [...files].reverse()) {
    if (total <= limit) break;
    if (file.written.getTime() >= started) continue;
    await fs.rm(path.join(folder, file.name), { force: true });
    total -= file.bytes;
    removed.push(file);
  }
  return removed;
}

/** Removes every scan cache file of a folder (cloudready cache clean); nothing else in it. */
export async function cleanCache(folder: string): Promise<CacheFile[]> {
  const files = await cacheFiles(folder);
  for (const file of files) await fs.rm(path.join(folder, file.name), { force: true });
  return files;
}
