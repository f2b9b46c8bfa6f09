import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import { loadConfig } from './config/load-config.js';
import { findApplications } from './discover/find-applications.js';
import { resolveRoots } from './discover/scan-root.js';
import { walkFiles, type DiscoveredFile } from './discover/walk-files.js';
import { extractApplicationFacts, type ApplicationFacts } from './extract/application-facts.js';
import { buildPortfolioGraph, serialiseGraph } from './model/portfolio-graph.js';
import { addInventoryGraph } from './model/inventory-graph.js';
import { isCloudreadyInventory, loadInventory, type LoadedInventory } from './extract/inventory/load-inventory.js';
import { inventoryContext } from './extract/inventory/inventory-context.js';
import { readText } from './extract/read-text.js';
import { allRules, BUILT_IN_RULES, loadRulePacks } from './assess/rules/load-rules.js';
import { runRules } from './assess/run-rules.js';
import { countBySeverity, scoreApplication } from './assess/score.js';
import { chooseStrategy } from './assess/strategy.js';
import { SCHEMA_VERSION, type Application, type Diagnostic, type ScanResult } from './result/schema.js';
import { compareStrings } from './util/compare.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  paths: string[];
  cwd: string;
  configFile?: string | undefined;
  /** Inventory files outside the scanned folders (`--inventory`), in addition to those found under inventory/. */
  inventoryFiles?: string[];
  /** Extra rule folders, after the built-in packs. */
  ruleFolders?: string[];
  now?: () => Date;
}

export type Stage = 'discover' | 'extract' | 'model' | 'assess';
export type ProgressListener = (stage: Stage, detail: string) => void;

/** The whole pipeline, one stage after the other: discover → extract → model → assess. */
export async function scan(options: ScanOptions, progress: ProgressListener = () => {}): Promise<ScanResult> {
  const diagnostics: Diagnostic[] = [];
  const roots = await resolveRoots(options.paths, options.cwd);
  const { config, file: configFile } = await loadConfig(options.configFile, roots[0]?.onlyFile ? undefined : roots[0]?.dir);
  const packs = await loadRulePacks([BUILT_IN_RULES, ...(options.ruleFolders ?? [])]);
  const rules = allRules(packs);
  checkRuleReferences(new Set(rules.map((rule) => rule.id)), [...config.rules.disable, ...Object.keys(config.rules.severity)], configFile, diagnostics);

  progress('discover', 'walking files');
  const files: DiscoveredFile[] = [];
  for (const root of roots) files.push(...(await walkFiles(root, { exclude: config.exclude }, diagnostics)));
  const applications = await findApplications(roots, files, config.applications);

  const facts: ApplicationFacts[] = [];
  for (const [index, app] of applications.entries()) {
    progress('extract', `reading ${app.name} (${index + 1}/${applications.length})`);
    facts.push(await extractApplicationFacts(app, diagnostics));
  }

  progress('extract', 'reading inventories');
  const inventories = await readInventories(files, diagnostics);
  for (const file of [...(options.inventoryFiles ?? []), ...config.inventories]) inventories.push(...(await readInventoryFile(file, options.cwd, diagnostics)));

  progress('model', 'building the dependency graph');
  const portfolio = buildPortfolioGraph(facts);
  addInventoryGraph(portfolio, inventories.map(({ inventory }) => inventory), new Set(applications.map((app) => app.id)));
  for (const fact of facts) fact.inventory = inventoryContext(fact.app.id, inventories);
  const graph = serialiseGraph(portfolio);

  progress('assess', `applying ${rules.length} rules`);
  const findings = runRules(rules, facts, { disabled: new Set(config.rules.disable), severity: config.rules.severity });
  const results: Application[] = facts.map(({ app, languages, loc, files: appFiles }) => {
    const own = findings.filter((finding) => finding.applicationId === app.id);
    const { score, counts, effort } = scoreApplication(own);
    const decision = chooseStrategy(own);
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
      effort,
    };
  });

  const sortedDiagnostics = diagnostics.sort(
    (a, b) => compareStrings(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.code, b.code),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'cloudready', version: TOOL_VERSION },
    scannedAt: (options.now ?? (() => new Date()))().toISOString(),
    roots: roots.map((root) => root.input),
    rulePacks: packs.map(({ pack, source }) => ({ id: pack.pack, source, rules: pack.rules.length })),
    summary: {
      applications: results.length,
      files: files.length,
      loc: results.reduce((sum, app) => sum + app.loc, 0),
      findings: countBySeverity(findings),
      effort: results.reduce((sum, app) => sum + app.effort, 0),
      skippedFiles: facts.reduce((sum, fact) => sum + fact.skipped, 0),
    },
    applications: results,
    findings,
    dependencies: facts
      .flatMap(({ app, manifests }) => manifests.flatMap((manifest) => manifest.dependencies.map(({ ecosystem, name, version, scope, file, line, licence, transitive }) => ({ applicationId: app.id, ecosystem, name, ...(version ? { version } : {}), scope, file, ...(line ? { line } : {}), ...(licence ? { licence } : {}), ...(transitive ? { transitive } : {}) }))))
      .sort((a, b) => compareStrings(a.applicationId, b.applicationId) || compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.name, b.name)),
    endpoints: facts
      .flatMap(({ app, endpoints }) => endpoints.map((endpoint) => ({ applicationId: app.id, ...endpoint })))
      .sort((a, b) => compareStrings(a.applicationId, b.applicationId) || compareStrings(a.file, b.file) || a.line - b.line || compareStrings(a.host, b.host)),
    graph,
    diagnostics: sortedDiagnostics,
  };
}

/** Inventory files (under an inventory/ folder) in cloudready's own format. */
async function readInventories(files: DiscoveredFile[], diagnostics: Diagnostic[]): Promise<LoadedInventory[]> {
  const inventories: LoadedInventory[] = [];
  for (const file of files) {
    if (file.kind !== 'inventory' || !/\.(ya?ml|json)$/i.test(file.rootRel)) continue;
    const read = await readText(file.abs, file.rel, file.size);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    if (!isCloudreadyInventory(read.text)) continue;
    const inventory = loadInventory(read.text, file.rel, diagnostics);
    if (inventory) inventories.push(inventory);
  }
  return inventories;
}

/** An inventory named on the command line or in cloudready.yaml: it must exist and be in this format. */
async function readInventoryFile(file: string, cwd: string, diagnostics: Diagnostic[]): Promise<LoadedInventory[]> {
  const abs = path.resolve(cwd, file);
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat?.isFile()) throw new InputError(`${file}: inventory file not found`, 'Check the --inventory path (or inventories: in cloudready.yaml).');
  const shown = file.split(path.sep).join('/');
  const read = await readText(abs, shown, stat.size);
  if (!read.ok) {
    diagnostics.push(read.diagnostic);
    return [];
  }
  if (!isCloudreadyInventory(read.text)) {
    diagnostics.push({ level: 'error', code: 'inventory-format', file: shown, message: 'not a cloudready inventory (version: 1 with hosts, applications or connections); other formats are not imported yet' });
    return [];
  }
  const loaded = loadInventory(read.text, shown, diagnostics);
  return loaded ? [loaded] : [];
}

/** A config that names a rule that does not exist is almost always a typo: say so. */
function checkRuleReferences(known: Set<string>, referenced: string[], configFile: string | undefined, diagnostics: Diagnostic[]) {
  for (const id of referenced) {
    if (known.has(id)) continue;
    const where = configFile ? path.basename(configFile) : 'the configuration';
    diagnostics.push({ level: 'warning', code: 'unknown-rule', message: `${where} names rule ${id}, which no loaded pack defines; check its spelling` });
  }
}
