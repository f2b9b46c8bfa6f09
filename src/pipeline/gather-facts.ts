import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/config-schema.js';
import { findApplications, type DiscoveredApplication } from '../discover/find-applications.js';
import { resolveRoots, type ScanRoot } from '../discover/scan-root.js';
import { walkFiles, type DiscoveredFile } from '../discover/walk-files.js';
import { FactCache } from '../extract/fact-cache.js';
import { ExtractionPool, MIN_POOLED_FILES, POOLED_LANGUAGES } from '../extract/source/extraction-pool.js';
import { extractApplicationFacts, type ApplicationFacts } from '../extract/application-facts.js';
import { importInventory, type InventorySource } from '../extract/inventory/import-inventory.js';
import type { LoadedInventory } from '../extract/inventory/inventory-builder.js';
import { allRules, BUILT_IN_RULES, loadRulePacks, type LoadedPack } from '../assess/rules/load-rules.js';
import type { Diagnostic } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import type { ScanOptions, ProgressListener } from '../scan.js';
import { assignShards, type ShardSpec } from './shard-plan.js';
import { stageTimer } from './stage-timer.js';

/** One application's facts and what went wrong reading it. */
export interface GatheredApplication {
  facts: ApplicationFacts;
  diagnostics: Diagnostic[];
}

/** One inventory file: what it held (none when unusable) and what went wrong reading it. */
export interface GatheredInventory {
  /** Position in the sorted list of the portfolio's inventory files. */
  index: number;
  loaded?: LoadedInventory | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Everything read from disk: the settings, and the facts of the applications and inventories
 * this run was given (all of them, or one shard's). Assessing needs nothing else, so a shard can
 * hand this to another machine and `cloudready merge` assesses the whole.
 */
export interface GatheredFacts {
  /** The scanned paths as given. */
  roots: string[];
  config: Config;
  packs: LoadedPack[];
  /** Configuration, rule and walk problems: the same for every shard, so kept by shard 1 only. */
  setupDiagnostics: Diagnostic[];
  /** Files walked in the whole portfolio. */
  files: number;
  /** Ids of every application in the portfolio, in result order. */
  applicationIds: string[];
  /** Inventory files in the portfolio. */
  inventoryCount: number;
  applications: GatheredApplication[];
  inventories: GatheredInventory[];
}

/** Every diagnostic of gathered facts, in the order one scan meets them: setup and walk, applications, inventories. */
export function gatheredDiagnostics(gathered: GatheredFacts): Diagnostic[] {
  return [...gathered.setupDiagnostics, ...gathered.applications.flatMap((app) => app.diagnostics), ...gathered.inventories.flatMap((inventory) => inventory.diagnostics)];
}

/** Applications read at once when extraction runs in worker threads. */
const APPLICATIONS_IN_FLIGHT = 4;

/** What discovery finds before any file is read: settings, files, applications, inventory files. */
export interface DiscoveredPortfolio {
  roots: ScanRoot[];
  config: Config;
  packs: LoadedPack[];
  setupDiagnostics: Diagnostic[];
  files: DiscoveredFile[];
  applications: DiscoveredApplication[];
  sources: InventorySource[];
}

/** discover → extract: settings, files, applications, their facts and the inventories. */
export async function gatherFacts(options: ScanOptions, progress: ProgressListener, shard?: ShardSpec): Promise<GatheredFacts> {
  return extractFacts(await discoverPortfolio(options, progress), options, progress, shard);
}

/** Settings, rule packs, the walk, applications and inventory files. */
export async function discoverPortfolio(options: ScanOptions, progress: ProgressListener): Promise<DiscoveredPortfolio> {
  const setupDiagnostics: Diagnostic[] = [];
  const roots = await resolveRoots(options.paths, options.cwd);
  const { config, file: configFile } = await loadConfig(options.configFile, roots[0]?.onlyFile ? undefined : roots[0]?.dir);
  const configDir = configFile ? path.dirname(configFile) : options.cwd;
  const packCache = options.cacheDir && !options.packs ? await FactCache.open(options.cacheDir, ['rule packs']) : undefined;
  const packs = options.packs ?? (await loadRulePacks([BUILT_IN_RULES, ...config.rules.packs.map((folder) => path.resolve(configDir, folder)), ...(options.ruleFolders ?? []).map((folder) => path.resolve(options.cwd, folder))], setupDiagnostics, packCache));
  const packProblem = await packCache?.save();
  if (packProblem) options.notice?.(packProblem);
  const rules = allRules(packs);
  checkRuleReferences(new Set(rules.map((rule) => rule.id)), [...config.rules.disable, ...Object.keys(config.rules.severity)], configFile, setupDiagnostics);

  const timed = stageTimer(options.timings);
  progress('discover', 'walking files');
  const files: DiscoveredFile[] = [];
  for (const root of roots) files.push(...(await walkFiles(root, { exclude: config.exclude }, setupDiagnostics)));
  const applications = await findApplications(roots, files, config.applications);
  const sources = await inventorySources(files, [...(options.inventoryFiles ?? []), ...config.inventories], options.cwd);
  timed('discover');
  return { roots, config, packs, setupDiagnostics, files, applications, sources };
}

/** Reads the applications and inventory files discovered (a shard: its share of them) into facts. */
export async function extractFacts(portfolio: DiscoveredPortfolio, options: ScanOptions, progress: ProgressListener, shard?: ShardSpec): Promise<GatheredFacts> {
  const { roots, config, packs, setupDiagnostics, files, applications, sources } = portfolio;
  const timed = stageTimer(options.timings);

  // A shard reads its share of applications and inventory files, by bytes to read.
  const owner = shard ? assignShards([...applications.map((app) => app.files.reduce((sum, file) => sum + file.size, 0)), ...sources.map((source) => source.size)], shard.count) : undefined;
  const mine = (position: number) => !owner || owner[position] === shard!.index;
  const ownApplications = applications.filter((_, position) => mine(position));

  const cacheKey = [...roots.map((root) => root.dir), ...(shard ? [`shard ${shard.index}/${shard.count}`] : [])];
  const cache = options.cacheDir ? await FactCache.open(options.cacheDir, cacheKey) : undefined;
  const pooled = ownApplications.reduce((sum, app) => sum + app.files.filter((file) => file.language && POOLED_LANGUAGES.has(file.language.id)).length, 0);
  const pool = pooled >= MIN_POOLED_FILES ? ExtractionPool.create(options.workers ?? 0) : undefined;
  const gathered: GatheredApplication[] = [];
  try {
    // With workers, a few applications are read at once so that the threads never wait for the
    // next one; each keeps its own diagnostics.
    const inFlight = pool ? APPLICATIONS_IN_FLIGHT : 1;
    const started: Promise<GatheredApplication>[] = [];
    const start = (index: number) => {
      const diagnostics: Diagnostic[] = [];
      started[index] = extractApplicationFacts(ownApplications[index]!, diagnostics, cache, pool).then((facts) => ({ facts, diagnostics }));
    };
    for (let index = 0; index < Math.min(inFlight, ownApplications.length); index++) start(index);
    for (const [index, app] of ownApplications.entries()) {
      progress('extract', `reading ${app.name} (${index + 1}/${ownApplications.length})`);
      const done = await started[index]!;
      if (index + inFlight < ownApplications.length) start(index + inFlight);
      gathered.push(done);
    }
  } finally {
    await pool?.close();
  }
  timed('extract');

  const inventories: GatheredInventory[] = [];
  for (const [index, source] of sources.entries()) {
    if (!mine(applications.length + index)) continue;
    progress('extract', `reading inventory ${source.file} (${index + 1}/${sources.length})`);
    const diagnostics: Diagnostic[] = [];
    inventories.push({ index, loaded: await importInventory(source, diagnostics, cache), diagnostics });
  }
  timed('inventories');
  // The cache is written once both are read; its time counts as extraction's (most of it is source facts).
  if (cache) {
    const problem = await cache.save();
    if (problem) options.notice?.(problem);
  }
  timed('extract');

  return {
    roots: roots.map((root) => root.input),
    config,
    packs,
    setupDiagnostics: !shard || shard.index === 1 ? setupDiagnostics : [],
    files: files.length,
    applicationIds: applications.map((app) => app.id),
    inventoryCount: sources.length,
    applications: gathered,
    inventories,
  };
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
