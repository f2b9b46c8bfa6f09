import v8 from 'node:v8';

/** Inventories larger than this together are read with the heap grown in smaller steps. */
const LARGE_INVENTORIES_BYTES = 32 * 1024 * 1024;

/** Whether the user asked for it for the whole run (bin/cloudready.js applies --low-memory before any code loads). */
const askedForWholeRun = process.argv.includes('--low-memory');

let raised = false;

/**
 * Has V8 grow the heap by a fifth, not by its default factor, before it collects again, while
 * large inventories are imported and joined: their peak is mostly garbage not yet collected
 * (100,000 VMs and a million rows of traffic: 1.0-1.5 GiB by default, 0.86 GiB so, in the same
 * time). `collectAsUsual` ends it once the estate is built: over the whole scan it would cost half
 * as much time again (docs/performance.md).
 */
export function collectSoonerForInventories(totalBytes: number): void {
  if (askedForWholeRun || totalBytes <= LARGE_INVENTORIES_BYTES) return;
  v8.setFlagsFromString('--heap-growing-percent=20');
  raised = true;
}

/** Back to V8's own heap growth (0: its default), unless --low-memory asked for the whole run. */
export function collectAsUsual(): void {
  if (!raised) return;
  v8.setFlagsFromString('--heap-growing-percent=0');
  raised = false;
}
