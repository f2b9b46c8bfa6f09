import v8 from 'node:v8';

/** Inventories larger than this together are read with the heap grown in smaller steps. */
const LARGE_INVENTORIES_BYTES = 32 * 1024 * 1024;

/**
 * Has V8 grow the heap by a fifth, not by its default factor, before it collects again: a lower
 * peak for 10-15 % more time (docs/performance.md). `--low-memory` asks for it from the start
 * (bin/cloudready.js); a scan asks for it itself before it imports large inventories, whose peak
 * is otherwise mostly garbage not yet collected (100,000 VMs and a million rows of traffic:
 * 1.0-1.5 GiB by default, 0.86 GiB so). Returns whether it asked.
 */
export function collectSoonerForInventories(totalBytes: number): boolean {
  if (totalBytes <= LARGE_INVENTORIES_BYTES) return false;
  v8.setFlagsFromString('--heap-growing-percent=20');
  return true;
}
