import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Config } from '../config/config-schema.js';
import { findApplications, type DiscoveredApplication, type OutsideFolder } from '../discover/find-applications.js';
import { walkFiles, type DiscoveredFile } from '../discover/walk-files.js';
import type { InventorySource } from '../extract/inventory/import-inventory.js';
import { compareStrings } from '../util/compare.js';
import type { ScanOptions, ProgressListener } from './scan-options.js';
import type { ScanSettings } from './load-settings.js';
import { stageTimer } from '../util/stage-timer.js';
import type { PricesFile } from '../plan/servers/instance-prices.js';

/** What discovery finds before any file is read, with the settings it walked by: files, applications, inventory files. */
export interface DiscoveredPortfolio extends ScanSettings {
  files: DiscoveredFile[];
  applications: DiscoveredApplication[];
  /** Folders of files outside every application, with the reason. */
  outside: OutsideFolder[];
  sources: InventorySource[];
  /** The --prices file, checked, as its text (it travels in shard files and keys the result cache). */
  prices?: PricesFile;
}

/** The walk of the scanned folders: files, applications and inventory files (and the --prices file, checked). */
export async function discoverPortfolio(
  settings: ScanSettings,
  options: ScanOptions,
  progress: ProgressListener,
): Promise<DiscoveredPortfolio> {
  const { roots, config, packs, setupDiagnostics: settingsDiagnostics } = settings;
  const setupDiagnostics = [...settingsDiagnostics];
  const timed = stageTimer(options.timings);
  progress('discover', 'walking files');
  const files: DiscoveredFile[] = [];
  for (const root of roots)
    for (const file of await walkFiles(
      root,
      { exclude: config.exclude, followSymlinks: options.followSymlinks },
      setupDiagnostics,
    ))
      files.push(file);
  const { applications, outside, notes } = await findApplications(roots, files, config.applications);
  setupDiagnostics.push(...notes);
  const sources = await inventorySources(
    files,
    [...(options.inventoryFiles ?? []), ...config.inventories],
    options.cwd,
  );
  const prices = options.pricesFile ? await readPrices(options.pricesFile, options.cwd) : undefined;
  timed('discover');
  return {
    roots,
    config,
    packs,
    setupDiagnostics,
    files,
    applications,
    outside,
    sources,
    ...(prices ? { prices } : {}),
  };
}

/**
 * Inventory files: those under inventory/ folders of the scanned tree, and those named with
 * --inventory or in cloudready.yaml (which must exist). A file named both ways is read once,
 * with the settings cloudready.yaml gives it.
 */
async function inventorySources(
  files: DiscoveredFile[],
  named: Config['inventories'],
  cwd: string,
): Promise<InventorySource[]> {
  const sources = new Map<string, InventorySource>();
  for (const file of files)
    if (file.kind === 'inventory')
      sources.set(file.abs, { abs: file.abs, file: file.rel, size: file.size, explicit: false });
  for (const entry of named) {
    const {
      path: given,
      format,
      columns,
    } = typeof entry === 'string' ? { path: entry, format: undefined, columns: undefined } : entry;
    const abs = path.resolve(cwd, given);
    const stat = await fs.stat(abs).catch(() => undefined);
    // --inventory takes every argument after it: a folder to scan put there arrives here.
    if (stat?.isDirectory())
      throw new InputError(
        `${given}: a folder, not an inventory file`,
        'Inventories under an inventory/ folder of a scanned tree are read without --inventory; to scan the folder, put it before --inventory or after --.',
      );
    if (!stat?.isFile())
      throw new InputError(
        `${given}: inventory file not found`,
        'Check the --inventory path (or inventories: in cloudready.yaml).',
      );
    const shown = sources.get(abs)?.file ?? given.split(path.sep).join('/');
    sources.set(abs, { abs, file: shown, size: stat.size, format, columns, explicit: true });
  }
  return [...sources.values()].sort((a, b) => compareStrings(a.file, b.file));
}

/** A price list of the user's, given with --prices: read and checked before anything is scanned (a bad one stops the scan). */
async function readPrices(given: string, cwd: string): Promise<PricesFile> {
  const abs = path.resolve(cwd, given);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat?.isFile()) throw new InputError(`${given}: price list not found`, 'Check the --prices path.');
  if (stat.size > MAX_PRICES_BYTES)
    throw new InputError(
      `${given}: price list over ${MAX_PRICES_BYTES / 1024 / 1024} MiB`,
      'A price list holds sizes and prices for three clouds; see rules/catalogue/instance-prices.yaml.',
    );
  const text = await fs.readFile(abs, 'utf8');
  // Loaded only now: most scans have no price list to check.
  (await import('../plan/servers/instance-prices.js')).priceList(text, given);
  return { file: given, text };
}

const MAX_PRICES_BYTES = 4 * 1024 * 1024;
