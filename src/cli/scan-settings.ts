import os from 'node:os';
import path from 'node:path';

/** Where scans keep their content-hash cache: .cloudready/cache in the current folder, unless --no-cache. */
export function cacheFolder(enabled: boolean | undefined): string | undefined {
  return enabled === false ? undefined : path.resolve('.cloudready', 'cache');
}

/** Extraction threads: one per core; the main thread reads, masks and assembles meanwhile. */
export function defaultWorkers(): number {
  return os.availableParallelism();
}

/** Prints each notice once on stderr (several caches in one folder fail alike), unless quiet. */
export function noticePrinter(quiet?: boolean): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (quiet || said.has(message)) return;
    said.add(message);
    process.stderr.write(`cloudready: ${message}\n`);
  };
}
