import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import { loadConfig } from './config/load-config.js';
import { findApplications } from './discover/find-applications.js';
import { resolveRoots } from './discover/scan-root.js';
import { walkFiles, type DiscoveredFile } from './discover/walk-files.js';
import { FactCache } from './extract/fact-cache.js';
import { ExtractionPool, MIN_POOLED_FILES, POOLED_LANGUAGES } from './extract/source/extraction-pool.js';
import { extractApplicationFacts, type ApplicationFacts } from './extract/application-facts.js';
import { buildPortfolioGraph, serialiseGraph } from './model/portfolio-graph.js';
import { addInventoryGraph } from './model/inventory-graph.js';
import { analyseGraph } from './model/graph-analysis.js';
import { dependentApplications } from './model/dependents.js';
import { planWaves } from './plan/waves.js';
import { importInventory, type InventorySource } from './extract/inventory/import-inventory.js';
import type { LoadedInventory } from './extract/inventory/inventory-builder.js';
import { buildEstate } from './extract/inventory/estate.js';
import { inventoryContext } from './extract/inventory/inventory-context.js';
import { ownAddresses } from './extract/config/own-addresses.js';
import type { Config } from './config/config-schema.js';
import { allRules, BUILT_IN_RULES, loadRulePacks, type LoadedPack } from './assess/rules/load-rules.js';
import { runRules } from './assess/run-rules.js';
import { countBySeverity, scoreApplication } from './assess/score.js';
import { chooseStrategy, type UsageSignals } from './assess/strategy.js';
import { compareWithBaseline, type BaselineDocument } from './assess/baseline.js';
import { evaluateGate, hasThresholds, type GateThresholds } from './assess/gate.js';
import { assessConfidence } from './assess/confidence.js';
import { DEFAULT_DIMENSIONS } from './assess/scoring-model.js';
import { nodeId, type PortfolioGraph } from './model/portfolio-graph-types.js';
import { SCHEMA_VERSION, type Application, type Diagnostic, type ScanResult } from './result/schema.js';
import { compareStrings } from './util/compare.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  paths: string[];
  cwd: string;
  configFile?: string | undefined;
  /** Inventory files outside the scanned folders (`--inventory`), in addition to those found under inventory/. */
  inventoryFiles?: string[];
  /** Extra rule folders, after the built-in packs and those cloudready.yaml names. */
  ruleFolders?: string[];
  /** Packs already loaded (rule tests): no folder is read. */
  packs?: LoadedPack[];
  /** Gate thresholds from the command line; they override cloudready.yaml's portfolio thresholds. */
  gate?: GateThresholds;
  /** An earlier result: only what is new counts for the gate. */
  baseline?: BaselineDocument;
  now?: () => Date;
  /** Folder of the content-hash cache of extracted facts (the CLI's .cloudready/cache); none: every file is parsed. */
  cacheDir?: string | undefined;
  /** Told what the user should know that is not part of the result (a cache that could not be written). */
  notice?: (message: string) => void;
  /** Worker threads for source extraction (0 or absent: all in this thread); used only for trees large enough to pay for them. */
  workers?: number | undefined;
  /** Filled with milliseconds per stage, for the benchmark; never part of the result (it would differ run to run). */
  timings?: Partial<Record<TimedStage, number>>;
}

/** Applications read at once when extraction runs in worker threads. */
const APPLICATIONS_IN_FLIGHT = 4;

export type TimedStage = 'discover' | 'extract' | 'inventories' | 'model' | 'assess' | 'plan';

export type Stage = 'discover' | 'extract' | 'model' | 'assess';
export type ProgressListener = (stage: Stage, detail: string) => void;

/** The whole pipeline, one stage after the other: discover → extract → model → assess. */
export async function scan(options: ScanOptions, progress: ProgressListener = () => {}): Promise<ScanResult> {
  const diagnostics: Diagnostic[] = [];
  const roots = await resolveRoots(options.paths, options.cwd);
  const { config, file: configFile } = await loadConfig(options.configFile, roots[0]?.onlyFile ? undefined : roots[0]?.dir);
  const configDir = configFile ? path.dirname(configFile) : options.cwd;
  const packs = options.packs ?? (await loadRulePacks([BUILT_IN_RULES, ...config.rules.packs.map((folder) => path.resolve(configDir, folder)), ...(options.ruleFolders ?? []).map((folder) => path.resolve(options.cwd, folder))]));
  const rules = allRules(packs);
  checkRuleReferences(new Set(rules.map((rule) => rule.id)), [...config.rules.disable, ...Object.keys(config.rules.severity)], configFile, diagnostics);

  let stageStart = performance.now();
  const timed = (stage: TimedStage) => {
    const at = performance.now();
    if (options.timings) options.timings[stage] = (options.timings[stage] ?? 0) + (at - stageStart);
    stageStart = at;
  };
  progress('discover', 'walking files');
  const files: DiscoveredFile[] = [];
  for (const root of roots) files.push(...(await walkFiles(root, { exclude: config.exclude }, diagnostics)));
  const applications = await findApplications(roots, files, config.applications);
  timed('discover');

  const cache = options.cacheDir ? await FactCache.open(options.cacheDir, roots.map((root) => root.dir)) : undefined;
  const pooled = files.filter((file) => file.language && POOLED_LANGUAGES.has(file.language.id)).length;
  const pool = pooled >= MIN_POOLED_FILES ? ExtractionPool.create(options.workers ?? 0) : undefined;
  const facts: ApplicationFacts[] = [];
  try {
    // With workers, a few applications are read at once so that the threads never wait for the
    // next one; each keeps its own diagnostics, joined in application order.
    const inFlight = pool ? APPLICATIONS_IN_FLIGHT : 1;
    const started: Promise<{ facts: ApplicationFacts; diagnostics: Diagnostic[] }>[] = [];
    const start = (index: number) => {
      const app = applications[index]!;
      const own: Diagnostic[] = [];
      started[index] = extractApplicationFacts(app, own, cache, pool).then((result) => ({ facts: result, diagnostics: own }));
    };
    for (let index = 0; index < Math.min(inFlight, applications.length); index++) start(index);
    for (const [index, app] of applications.entries()) {
      progress('extract', `reading ${app.name} (${index + 1}/${applications.length})`);
      const done = await started[index]!;
      if (index + inFlight < applications.length) start(index + inFlight);
      facts.push(done.facts);
      diagnostics.push(...done.diagnostics);
    }
  } finally {
    await pool?.close();
  }
  if (cache) {
    const problem = await cache.save();
    if (problem) options.notice?.(problem);
  }
  timed('extract');

  const sources = await inventorySources(files, [...(options.inventoryFiles ?? []), ...config.inventories], options.cwd);
  const inventories: LoadedInventory[] = [];
  for (const [index, source] of sources.entries()) {
    progress('extract', `reading inventory ${source.file} (${index + 1}/${sources.length})`);
    const loaded = await importInventory(source, diagnostics);
    if (loaded) inventories.push(loaded);
  }
  const estate = buildEstate(inventories, diagnostics);
  for (const fact of facts) fact.inventory = inventoryContext(fact.app.id, ownAddresses(fact.configs), estate);
  timed('inventories');

  progress('model', 'building the dependency graph');
  const portfolio = buildPortfolioGraph(facts);
  addInventoryGraph(portfolio, estate, facts);
  const graph = serialiseGraph(portfolio);
  const graphAnalysis = analyseGraph(portfolio);
  timed('model');

  progress('assess', `applying ${rules.length} rules`);
  const { findings, suppressed } = runRules(rules, facts, { disabled: new Set(config.rules.disable), severity: config.rules.severity, ignore: config.rules.ignore, graph: portfolio });
  const model = config.scoring;
  const results: Application[] = facts.map((fact) => {
    const { app, languages, loc, files: appFiles } = fact;
    const own = findings.filter((finding) => finding.applicationId === app.id);
    const { score, counts, dimensions, effort, effortRange } = scoreApplication(own, model);
    const decision = chooseStrategy(own, usageSignals(fact, portfolio, estate.connections.length > 0), model);
    return {
      id: app.id,
      name: app.name,
      path: app.path,
      detectedBy: app.detectedBy,
      manifests: app.manifests,
      modules: app.modules,
      languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => compareStrings(a, b))),
      loc,
      files: appFiles.length,
      score,
      strategy: decision.strategy,
      strategyReasons: decision.reasons,
      blockers: counts.blocker,
      findingCounts: counts,
      dimensions,
      confidence: assessConfidence(fact, diagnostics),
      strategyRunnerUp: decision.runnerUp,
      effort,
      effortRange,
    };
  });
  const comparison = options.baseline ? compareWithBaseline(findings, options.baseline) : undefined;
  if (comparison) for (const finding of findings) finding.baselineState = comparison.states.get(finding.id)!;
  const gateConfig = { ...config.gate, ...Object.fromEntries(Object.entries(options.gate ?? {}).filter(([, value]) => value !== undefined)) };
  const gate = hasThresholds(gateConfig) ? { ...evaluateGate(results, findings, gateConfig, comparison), thresholds: gateConfig } : undefined;
  const firing = new Set([...findings.map((finding) => finding.ruleId), ...suppressed.map((item) => item.ruleId)]);
  timed('assess');
  const waves = planWaves(portfolio, results);
  timed('plan');

  const sortedDiagnostics = diagnostics.sort(
    (a, b) => compareStrings(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.code, b.code),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'cloudready', version: TOOL_VERSION },
    scannedAt: (options.now ?? (() => new Date()))().toISOString(),
    roots: roots.map((root) => root.input),
    rulePacks: packs.map(({ pack, source }) => ({ id: pack.pack, source, rules: pack.rules.length })),
    scoringModel: { ...model, dimensions: { ...DEFAULT_DIMENSIONS, ...model.dimensions } },
    rules: rules
      .filter((rule) => firing.has(rule.id))
      .map(({ id, title, category, severity, effort, strategy, description, remediation, references, labels }) => ({
        id,
        title,
        category,
        severity: config.rules.severity[id] ?? severity,
        effort,
        ...(strategy ? { strategy } : {}),
        description: description.trim(),
        remediation: remediation.trim(),
        references,
        labels,
      }))
      .sort((a, b) => compareStrings(a.id, b.id)),
    summary: {
      applications: results.length,
      files: files.length,
      loc: results.reduce((sum, app) => sum + app.loc, 0),
      findings: countBySeverity(findings),
      effort: results.reduce((sum, app) => sum + app.effort, 0),
      effortRange: { low: results.reduce((sum, app) => sum + app.effortRange.low, 0), high: results.reduce((sum, app) => sum + app.effortRange.high, 0) },
      skippedFiles: facts.reduce((sum, fact) => sum + fact.skipped, 0),
      inventory: {
        files: estate.files.length,
        imported: estate.files.reduce((sum, file) => sum + file.imported, 0),
        ignored: estate.files.reduce((sum, file) => sum + file.ignored, 0),
        rejected: estate.files.reduce((sum, file) => sum + file.rejected, 0),
        hosts: estate.hosts.length,
        connections: estate.connections.length,
      },
    },
    applications: results,
    findings,
    suppressed,
    dependencies: facts
      .flatMap(({ app, manifests }) => manifests.flatMap((manifest) => manifest.dependencies.map(({ ecosystem, name, version, scope, file, line, licence, transitive }) => ({ applicationId: app.id, ecosystem, name, ...(version ? { version } : {}), scope, file, ...(line ? { line } : {}), ...(licence ? { licence } : {}), ...(transitive ? { transitive } : {}) }))))
      .sort((a, b) => compareStrings(a.applicationId, b.applicationId) || compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.name, b.name)),
    endpoints: facts
      .flatMap(({ app, endpoints }) => endpoints.map((endpoint) => ({ applicationId: app.id, ...endpoint })))
      .sort((a, b) => compareStrings(a.applicationId, b.applicationId) || compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.host, b.host)),
    inventories: estate.files,
    graph,
    graphAnalysis,
    waves,
    ...(comparison
      ? {
          baseline: {
            new: findings.filter((finding) => finding.baselineState === 'new').length,
            changed: findings.filter((finding) => finding.baselineState === 'changed').length,
            existing: findings.filter((finding) => finding.baselineState === 'existing').length,
            fixed: comparison.fixed.map(({ id, ruleId, applicationId, severity, title }) => ({ id, ruleId, applicationId, severity, title })),
          },
        }
      : {}),
    ...(gate ? { gate } : {}),
    diagnostics: sortedDiagnostics,
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

/** What the graph and the inventories say about an application's use, for the retire signal. */
function usageSignals(facts: ApplicationFacts, graph: PortfolioGraph, connectionsKnown: boolean): UsageSignals {
  const dependents = dependentApplications(graph, nodeId.application(facts.app.id));
  const hosts = facts.inventory?.hosts.length ?? 0;
  return {
    trafficKnown: hosts > 0 && connectionsKnown,
    dependents: dependents.size,
    inboundConnections: facts.inventory?.connections.filter((connection) => connection.direction === 'inbound').length ?? 0,
    entryPoints: facts.sources.reduce((sum, source) => sum + source.entryPoints.length, 0),
  };
}

/** A config that names a rule that does not exist is almost always a typo: say so. */
function checkRuleReferences(known: Set<string>, referenced: string[], configFile: string | undefined, diagnostics: Diagnostic[]) {
  for (const id of referenced) {
    if (known.has(id)) continue;
    const where = configFile ? path.basename(configFile) : 'the configuration';
    diagnostics.push({ level: 'warning', code: 'unknown-rule', message: `${where} names rule ${id}, which no loaded pack defines; check its spelling` });
  }
}
