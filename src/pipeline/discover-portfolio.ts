import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/config-schema.js';
import { findApplications, type DiscoveredApplication, type OutsideFolder } from '../discover/find-applications.js';
import { resolveRoots, type ScanRoot } from '../discover/scan-root.js';
import { walkFiles, type DiscoveredFile } from '../discover/walk-files.js';
import { FactCache } from '../extract/fact-cache.js';
import type { InventorySource } from '../extract/inventory/import-inventory.js';
import { allRules, BUILT_IN_RULES, loadRulePacks, type LoadedPack } from '../assess/rules/load-rules.js';
import type { Diagnostic } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { isInside } from '../util/inside.js';
import { plural } from '../util/plural.js';
import { hasThresholds } from '../assess/gate.js';
import type { ScanOptions, ProgressListener } from './scan-options.js';
import { stageTimer } from '../util/stage-timer.js';
import type { PricesFile } from '../plan/servers/instance-prices.js';

/** What discovery finds before any file is read: settings, files, applications, inventory files. */
export interface DiscoveredPortfolio {
  roots: ScanRoot[];
  config: Config;
  packs: LoadedPack[];
  setupDiagnostics: Diagnostic[];
  files: DiscoveredFile[];
  applications: DiscoveredApplication[];
  /** Folders of files outside every application, with the reason. */
  outside: OutsideFolder[];
  sources: InventorySource[];
  /** The --prices file, checked, as its text (it travels in shard files and keys the result cache). */
  prices?: PricesFile;
}

/** Settings, rule packs, the walk, applications and inventory files. */
export async function discoverPortfolio(options: ScanOptions, progress: ProgressListener): Promise<DiscoveredPortfolio> {
  const setupDiagnostics: Diagnostic[] = [];
  const roots = await resolveRoots(options.paths, options.cwd);
  const { config: found, file: configFile, trusted, notes: configNotes } = await loadConfig(options.configFile, roots[0]?.onlyFile ? undefined : roots[0]?.dir);
  setupDiagnostics.push(...configNotes);
  const configDir = configFile ? path.dirname(configFile) : options.cwd;
  // A cloudready.yaml that came with the scanned code may not reach outside the scanned folders.
  const loaded = trusted ? found : await confineToRoots(found, configDir, options.cwd, roots, setupDiagnostics);
  if (configFile && !trusted) setupDiagnostics.push(appliedSettings(loaded, path.basename(configFile)));
  // --include-context adds to the file's list; the merged config is what the result cache digests.
  const config = options.includeContext?.length ? { ...loaded, includeContext: [...new Set([...loaded.includeContext, ...options.includeContext])].sort() } : loaded;
  const packCache = options.cacheDir && !options.packs ? await FactCache.open(options.cacheDir, ['rule packs']) : undefined;
  if (packCache?.note) options.notice?.(packCache.note);
  const packs = options.packs ?? (await loadRulePacks([BUILT_IN_RULES, ...config.rules.packs.map((folder) => path.resolve(configDir, folder)), ...(options.ruleFolders ?? []).map((folder) => path.resolve(options.cwd, folder))], setupDiagnostics, packCache));
  const packProblem = await packCache?.save();
  if (packProblem) options.notice?.(packProblem);
  const rules = allRules(packs);
  const known = new Set(rules.map((rule) => rule.id));
  checkRuleReferences(known, [...config.rules.disable, ...Object.keys(config.rules.severity)], configFile, setupDiagnostics);
  for (const rule of rules) {
    for (const id of rule.supersedes) if (!known.has(id)) setupDiagnostics.push({ level: 'warning', code: 'unknown-rule', message: `rule ${rule.id} supersedes ${id}, which no loaded pack defines; check its spelling` });
  }

  const timed = stageTimer(options.timings);
  progress('discover', 'walking files');
  const files: DiscoveredFile[] = [];
  for (const root of roots) for (const file of await walkFiles(root, { exclude: config.exclude, followSymlinks: options.followSymlinks }, setupDiagnostics)) files.push(file);
  const { applications, outside, notes } = await findApplications(roots, files, config.applications);
  setupDiagnostics.push(...notes);
  const sources = await inventorySources(files, [...(options.inventoryFiles ?? []), ...config.inventories], options.cwd);
  const prices = options.pricesFile ? await readPrices(options.pricesFile, options.cwd) : undefined;
  timed('discover');
  return { roots, config, packs, setupDiagnostics, files, applications, outside, sources, ...(prices ? { prices } : {}) };
}

/**
 * Inventory files: those under inventory/ folders of the scanned tree, and those named with
 * --inventory or in cloudready.yaml (which must exist). A file named both ways is read once,
 * with the settings cloudready.yaml gives it.
 */
async function inventorySources(files: DiscoveredFile[], named: Config['inventories'], cwd: string): Promise<InventorySource[]> {
  const sources = new Map<string, InventorySource>();
  for (const file of files) if (file.kind === 'inventory') sources.set(file.abs, { abs: file.abs, file: file.rel, size: file.size, explicit: false });
  for (const entry of named) {
    const { path: given, format, columns } = typeof entry === 'string' ? { path: entry, format: undefined, columns: undefined } : entry;
    const abs = path.resolve(cwd, given);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat?.isFile()) throw new InputError(`${given}: inventory file not found`, 'Check the --inventory path (or inventories: in cloudready.yaml).');
    const shown = sources.get(abs)?.file ?? given.split(path.sep).join('/');
    sources.set(abs, { abs, file: shown, size: stat.size, format, columns, explicit: true });
  }
  return [...sources.values()].sort((a, b) => compareStrings(a.file, b.file));
}

/**
 * An in-tree cloudready.yaml names inventories and rule packs only inside the scanned folders:
 * otherwise a repository could have the scan read (and print as host names) any file of the
 * machine it runs on. Entries that lead outside, through `..` or a symbolic link, are dropped with a warning.
 */
async function confineToRoots(config: Config, configDir: string, cwd: string, roots: ScanRoot[], diagnostics: Diagnostic[]): Promise<Config> {
  // A path that does not exist reads nothing (and is reported as missing later); one that does must resolve inside.
  const inside = async (abs: string) => {
    const real = await fs.realpath(abs).catch(() => undefined);
    return real === undefined || roots.some((root) => isInside(real, root.dir));
  };
  const refuse = (what: string, given: string) => diagnostics.push({ level: 'warning', code: 'config-outside-roots', message: `cloudready.yaml in the scanned folder names ${what} ${given} outside the scanned folders: not read (name it with ${what === 'inventory' ? '--inventory' : '--rules'} or --config to use it)` });
  const inventories: Config['inventories'] = [];
  for (const entry of config.inventories) {
    const given = typeof entry === 'string' ? entry : entry.path;
    if (await inside(path.resolve(cwd, given))) inventories.push(entry);
    else refuse('inventory', given);
  }
  const packs: string[] = [];
  for (const folder of config.rules.packs) {
    if (await inside(path.resolve(configDir, folder))) packs.push(folder);
    else refuse('rule pack', folder);
  }
  return { ...config, inventories, rules: { ...config.rules, packs } };
}

/** What an in-tree cloudready.yaml changed, so a reader of the report knows the code set some of its own rules. */
function appliedSettings(config: Config, name: string): Diagnostic {
  const { disable, severity, ignore, packs } = config.rules;
  const changes = [
    disable.length ? `${plural(disable.length, 'rule')} turned off (${disable.join(', ')})` : '',
    Object.keys(severity).length ? `${plural(Object.keys(severity).length, 'severity', 'severities')} changed` : '',
    ignore.length ? `${plural(ignore.length, 'ignore entry', 'ignore entries')} (suppressed places are listed as such)` : '',
    packs.length ? `${plural(packs.length, 'rule pack folder')} added` : '',
    config.exclude.length ? `${plural(config.exclude.length, 'exclude pattern')}` : '',
    config.applications.length ? `${plural(config.applications.length, 'application entry', 'application entries')}` : '',
    config.inventories.length ? `${plural(config.inventories.length, 'inventory file')}` : '',
    hasThresholds(config.gate) ? 'gate thresholds' : '',
  ].filter(Boolean);
  return { level: 'info', code: 'config-in-tree', file: name, message: `settings from ${name} in the scanned folder applied${changes.length ? `: ${changes.join('; ')}` : ''}` };
}

/** A config that names a rule that does not exist is almost always a typo: say so. */
function checkRuleReferences(known: Set<string>, referenced: string[], configFile: string | undefined, diagnostics: Diagnostic[]) {
  for (const id of referenced) {
    if (known.has(id)) continue;
    const where = configFile ? path.basename(configFile) : 'the configuration';
    diagnostics.push({ level: 'warning', code: 'unknown-rule', message: `${where} names rule ${id}, which no loaded pack defines; check its spelling` });
  }
}

/** A price list of the user's, given with --prices: read and checked before anything is scanned (a bad one stops the scan). */
async function readPrices(given: string, cwd: string): Promise<PricesFile> {
  const abs = path.resolve(cwd, given);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat?.isFile()) throw new InputError(`${given}: price list not found`, 'Check the --prices path.');
  if (stat.size > MAX_PRICES_BYTES) throw new InputError(`${given}: price list over ${MAX_PRICES_BYTES / 1024 / 1024} MiB`, 'A price list holds sizes and prices for three clouds; see rules/catalogue/instance-prices.yaml.');
  const text = await fs.readFile(abs, 'utf8');
  // Loaded only now: most scans have no price list to check.
  (await import('../plan/servers/instance-prices.js')).priceList(text, given);
  return { file: given, text };
}

const MAX_PRICES_BYTES = 4 * 1024 * 1024;
