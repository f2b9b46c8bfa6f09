import { cacheFiles, cacheLimit, cleanCache } from '../pipeline/cache-files.js';
import { ExitCode } from './exit-codes.js';
import { cacheFolder } from './scan-settings.js';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `cloudready cache list`: the cache files of the current folder, newest first, and the total against the limit. */
export async function listCache(): Promise<number> {
  const folder = cacheFolder(true)!;
  const files = await cacheFiles(folder);
  if (files.length === 0) {
    process.stdout.write(`No scan cache in ${folder}.\n`);
    return ExitCode.ok;
  }
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const lines = files.map(
    (file) =>
      `  ${file.name}  ${mib(file.bytes).padStart(10)}  ${file.written.toISOString().replace('T', ' ').slice(0, 19)}`,
  );
  process.stdout.write(
    `${folder}: ${files.length} file${files.length === 1 ? '' : 's'}, ${mib(total)} of at most ${mib(cacheLimit())}\n${lines.join('\n')}\n`,
  );
  return ExitCode.ok;
}

/** `cloudready cache clean`: removes the scan cache files of the current folder, and nothing else there. */
export async function cleanCacheCommand(): Promise<number> {
  const folder = cacheFolder(true)!;
  const removed = await cleanCache(folder);
  const total = removed.reduce((sum, file) => sum + file.bytes, 0);
  process.stdout.write(
    removed.length === 0
      ? `No scan cache in ${folder}: nothing to remove.\n`
      : `Removed ${removed.length} cache file${removed.length === 1 ? '' : 's'} (${mib(total)}) from ${folder}.\n`,
  );
  return ExitCode.ok;
}
