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
import type { ScanOptions, ProgressListener } from '../scan.js';
import { stageTimer } from './stage-timer.js';

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
}

/** Settings, rule packs, the walk, applications and inventory files. */
export async function discoverPortfolio(options: ScanOptions, progress: ProgressListener): Promise<DiscoveredPortfolio> {
  const setupDiagnostics: Diagnostic[] = [];
  const roots = await resolveRoots(options.paths, options.cwd);
  const { config: loaded, file: configFile } = await loadConfig(options.configFile, roots[0]?.onlyFile ? undefined : roots[0]?.dir);
  // --include-context adds to the file's list; the merged config is what the result cache digests.
  const config = options.includeContext?.length ? { ...loaded, includeContext: [...new Set([...loaded.includeContext, ...options.includeContext])].sort() } : loaded;
  const configDir = configFile ? path.dirname(configFile) : options.cwd;
  const packCache = options.cacheDir && !options.packs ? await FactCache.open(options.cacheDir, ['rule packs']) : undefined;
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
  timed('discover');
  return { roots, config, packs, setupDiagnostics, files, applications, outside, sources };
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

/** A config that names a rule that does not exist is almost always a typo: say so. */
function checkRuleReferences(known: Set<string>, referenced: string[], configFile: string | undefined, diagnostics: Diagnostic[]) {
  for (const id of referenced) {
    if (known.has(id)) continue;
    const where = configFile ? path.basename(configFile) : 'the configuration';
    diagnostics.push({ level: 'warning', code: 'unknown-rule', message: `${where} names rule ${id}, which no loaded pack defines; check its spelling` });
  }
}
