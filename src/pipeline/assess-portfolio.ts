import { buildPortfolioGraph, serialiseGraph } from '../model/portfolio-graph.js';
import { serversOf } from '../assess/servers/servers.js';
import { serverFindings } from '../assess/servers/server-findings.js';
import { builtInPrices, priceList } from '../plan/servers/instance-prices.js';
import { serverCosts } from '../plan/servers/server-costs.js';
import { targetSizes } from '../plan/servers/target-size.js';
import { addInventoryGraph } from '../model/inventory-graph.js';
import { analyseGraph } from '../model/graph-analysis.js';
import { dependentApplications } from '../model/dependents.js';
import { planWaves } from '../plan/waves.js';
import { buildEstate } from '../model/estate.js';
import { collectAsUsual } from '../util/heap-growth.js';
import { inventoryContext, type PlacedApplication } from '../model/inventory-context.js';
import { ownAddresses } from '../extract/config/own-addresses.js';
import type { LoadedInventory } from '../extract/inventory/inventory-builder.js';
import { allRules } from '../assess/rules/load-rules.js';
import { runRules } from '../assess/run-rules.js';
import { countBySeverity, scoreApplication } from '../assess/score.js';
import { chooseStrategy, type UsageSignals } from '../assess/strategy.js';
import { assessConfidence, weighEvidence } from '../assess/confidence.js';
import { DEFAULT_DIMENSIONS } from '../assess/scoring-model.js';
import { nodeId, type PortfolioGraph } from '../model/portfolio-graph-types.js';
import { applicationSplits } from '../plan/split/application-splits.js';
import { SCHEMA_VERSION, type Application, type ScanResult } from '../result/schema.js';
import { SET_ASIDE_KINDS } from '../result/unit-kinds.js';
import { compareStrings } from '../util/compare.js';
import { TOOL_VERSION } from '../version.js';
import type { ProgressListener } from './scan-options.js';
import { gatheredDiagnostics, type GatheredFacts } from './gathered-facts.js';
import { judgeAssessment, type AssessOptions, type Assessment } from './judge-assessment.js';
import { stageTimer } from '../util/stage-timer.js';
import type { ScanProfile } from '../util/scan-profile.js';

export { judgeAssessment, type AssessOptions, type Assessment } from './judge-assessment.js';

/**
 * inventories → model → assess → plan, over the facts of the whole portfolio: from one scan, or
 * from every shard of one (`cloudready merge`). The same facts give the same result either way.
 */
export function assessPortfolio(
  gathered: GatheredFacts,
  options: AssessOptions,
  progress: ProgressListener = () => {},
): ScanResult {
  return judgeAssessment(assessGathered(gathered, options.timings, progress), gathered.config.gate, options);
}

/** Everything of a result that follows from the facts alone (what a result cache may keep). */
export function assessGathered(
  gathered: GatheredFacts,
  timings: AssessOptions['timings'],
  progress: ProgressListener = () => {},
  evidenceLimit?: number,
  profile?: ScanProfile,
): Assessment {
  const { config, packs, roots } = gathered;
  const rules = allRules(packs);
  const timed = stageTimer(timings);
  const diagnostics = gatheredDiagnostics(gathered);
  // Libraries and desktop clients are listed, not assessed: they are not server workloads.
  const everyUnit = gathered.applications.map((app) => app.facts);
  const assessed = everyUnit.filter((fact) => !SET_ASIDE_KINDS.has(fact.kind.kind));
  const setAside = everyUnit
    .filter((fact) => SET_ASIDE_KINDS.has(fact.kind.kind))
    .map(({ app, kind, files, loc }) => ({
      id: app.id,
      name: app.name,
      path: app.path,
      kind: kind.kind,
      reason: kind.reason,
      detection: app.detection,
      manifests: app.manifests,
      files: files.length,
      loc,
    }));
  const inventories = gathered.inventories.flatMap((inventory): LoadedInventory[] =>
    inventory.loaded ? [inventory.loaded] : [],
  );
  const estate = buildEstate(inventories, diagnostics);
  // Large inventories were imported with the heap grown in small steps (gather-facts.ts); the rest runs as usual.
  collectAsUsual();
  // Where the inventories place each application; the extracted facts stay as they were.
  const facts: PlacedApplication[] = assessed.map((fact) => ({
    ...fact,
    inventory: inventoryContext(fact.app, ownAddresses(fact.configs), estate),
  }));
  timed('inventories');

  progress('model', 'building the dependency graph');
  const portfolio = buildPortfolioGraph(facts);
  addInventoryGraph(portfolio, estate, facts);
  const graph = serialiseGraph(portfolio);
  const graphAnalysis = analyseGraph(portfolio);
  timed('model');

  progress('assess', `applying ${rules.length} rules`);
  const {
    findings,
    uncounted,
    suppressed,
    diagnostics: overBudget,
  } = runRules(rules, facts, {
    disabled: new Set(config.rules.disable),
    includeContext: config.includeContext,
    severity: config.rules.severity,
    ignore: config.rules.ignore,
    graph: portfolio,
    ...(evidenceLimit ? { evidenceLimit } : {}),
    ...(profile ? { profile } : {}),
  });
  diagnostics.push(...overBudget);
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
      kind: fact.kind.kind,
      kindReason: fact.kind.reason,
      detectedBy: app.detectedBy,
      detection: app.detection,
      manifests: app.manifests,
      modules: app.modules,
      parts: app.parts,
      languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => compareStrings(a, b))),
      loc,
      files: appFiles.length,
      score,
      strategy: decision.strategy,
      strategyReasons: decision.reasons,
      blockers: counts.blocker,
      findingCounts: counts,
      dimensions,
      confidence: weighEvidence(
        assessConfidence(fact, diagnostics),
        own,
        uncounted.filter((finding) => finding.applicationId === app.id),
        decision.deciding,
      ),
      strategyRunnerUp: decision.runnerUp,
      effort,
      effortRange,
    };
  });
  timed('assess');
  // Servers: readiness per cloud, then the size and monthly cost of each on every cloud it can move to.
  const prices = gathered.prices ? priceList(gathered.prices.text, gathered.prices.file) : builtInPrices();
  const servers = serversOf(estate, facts).map((server) => {
    const targets = targetSizes(server, prices);
    return targets ? { ...server, targets } : server;
  });
  const costs = serverCosts(servers, prices);
  const onServers = serverFindings(rules, estate, servers, {
    disabled: new Set(config.rules.disable),
    severity: config.rules.severity,
  });
  const waves = planWaves(portfolio, results, {}, servers, onServers);
  const splits = applicationSplits(portfolio, results);
  timed('plan');
  const firing = new Set([...findings, ...uncounted, ...suppressed, ...onServers].map((item) => item.ruleId));

  const sortedDiagnostics = diagnostics.sort(
    (a, b) =>
      compareStrings(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || compareStrings(a.code, b.code),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'cloudready', version: TOOL_VERSION },
    roots,
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
      files: gathered.files,
      loc: results.reduce((sum, app) => sum + app.loc, 0),
      findings: countBySeverity(findings),
      ...(servers.length > 0 ? { serverFindings: countBySeverity(onServers) } : {}),
      effort: results.reduce((sum, app) => sum + app.effort, 0),
      effortRange: {
        low: results.reduce((sum, app) => sum + app.effortRange.low, 0),
        high: results.reduce((sum, app) => sum + app.effortRange.high, 0),
      },
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
    setAside,
    outside: gathered.outside,
    findings,
    uncounted,
    suppressed,
    dependencies: facts
      .flatMap(({ app, manifests }) =>
        manifests.flatMap((manifest) =>
          manifest.dependencies.map(({ ecosystem, name, version, scope, file, line, licence, transitive }) => ({
            applicationId: app.id,
            ecosystem,
            name,
            ...(version ? { version } : {}),
            scope,
            file,
            ...(line ? { line } : {}),
            ...(licence ? { licence } : {}),
            ...(transitive ? { transitive } : {}),
          })),
        ),
      )
      .sort(
        (a, b) =>
          compareStrings(a.applicationId, b.applicationId) ||
          compareStrings(a.file, b.file) ||
          (a.line ?? 0) - (b.line ?? 0) ||
          compareStrings(a.name, b.name),
      ),
    endpoints: facts
      .flatMap(({ app, endpoints }) => endpoints.map((endpoint) => ({ applicationId: app.id, ...endpoint })))
      .sort(
        (a, b) =>
          compareStrings(a.applicationId, b.applicationId) ||
          compareStrings(a.file, b.file) ||
          a.line - b.line ||
          compareStrings(a.host, b.host),
      ),
    ...(costs ? { serverCosts: costs } : {}),
    hosts: servers,
    serverFindings: onServers,
    inventories: estate.files,
    graph,
    graphAnalysis,
    waves,
    splits,
    diagnostics: sortedDiagnostics,
  };
}

/** What the graph and the inventories say about an application's use, for the retire signal. */
function usageSignals(facts: PlacedApplication, graph: PortfolioGraph, connectionsKnown: boolean): UsageSignals {
  const dependents = dependentApplications(graph, nodeId.application(facts.app.id));
  const hosts = facts.inventory?.hosts.length ?? 0;
  return {
    trafficKnown: hosts > 0 && connectionsKnown,
    dependents: dependents.size,
    inboundConnections:
      facts.inventory?.connections.filter((connection) => connection.direction === 'inbound').length ?? 0,
    entryPoints: facts.entryPointCount ?? facts.sources.reduce((sum, source) => sum + source.entryPoints.length, 0),
  };
}
