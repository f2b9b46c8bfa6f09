import { addressablePages } from '../extract/application-kind.js';
import { FileProgress } from './file-progress.js';
import { FactCache } from '../extract/fact-cache.js';
import { ExtractionPool, isPooled, MIN_POOLED_FILES } from '../extract/source/extraction-pool.js';
import { extractApplicationFacts, filesToRead, type ApplicationFacts } from '../extract/application-facts.js';
import { useCatalogues } from '../extract/source/catalogue.js';
import { importInventory } from '../extract/inventory/import-inventory.js';
import { collectSoonerForInventories } from '../util/heap-growth.js';
import { allRules } from '../assess/rules/load-rules.js';
import { evaluateFileConditions, fileConditionsOf, type FileConditions } from '../assess/rules/file-conditions.js';
import { MatcherCache } from '../assess/rules/matcher-cache.js';
import { TextMemo } from '../assess/rules/text-memo.js';
import { withoutTexts } from '../assess/evidence.js';
import { unitSubgraph } from '../model/unit-graph.js';
import { SET_ASIDE_KINDS } from '../result/unit-kinds.js';
import type { Diagnostic } from '../result/schema.js';
import type { ScanOptions, ProgressListener } from './scan-options.js';
import type { GatheredApplication, GatheredFacts, GatheredInventory } from './gathered-facts.js';
import { ApplicationCache } from './application-cache.js';
import { loadSettings } from './load-settings.js';
import { discoverPortfolio, type DiscoveredPortfolio } from './discover-portfolio.js';
import { settingsDigest } from './shard-file.js';
import { assignShards, type ShardSpec } from './shard-plan.js';
import { stageTimer } from '../util/stage-timer.js';

export {
  gatheredDiagnostics,
  type GatheredApplication,
  type GatheredFacts,
  type GatheredInventory,
} from './gathered-facts.js';

/** Applications read at once when extraction runs in worker threads. */
const APPLICATIONS_IN_FLIGHT = 4;

/** discover → extract: settings, files, applications, their facts and the inventories. */
export async function gatherFacts(
  options: ScanOptions,
  progress: ProgressListener,
  shard?: ShardSpec,
): Promise<GatheredFacts> {
  return extractFacts(
    await discoverPortfolio(await loadSettings(options), options, progress),
    options,
    progress,
    shard,
  );
}

/**
 * The rules' file conditions on one application's files, evaluated while their texts are at hand
 * (applications set aside as libraries or desktop clients are not assessed); then the facts as
 * they are kept: without the texts, all but the lines its evidence may show, so that a
 * portfolio's texts are never all in memory, and without the files' facts, all but the
 * unit-level subgraph the model makes of them.
 */
function condensedFacts(
  conditions: FileConditions,
  facts: ApplicationFacts,
  matchers: MatcherCache,
  diagnostics: Diagnostic[],
  profile: ScanOptions['profile'],
): ApplicationFacts {
  const before = matchers.diagnostics.length;
  const conditionHits = SET_ASIDE_KINDS.has(facts.kind.kind)
    ? new Map()
    : evaluateFileConditions(conditions, facts, matchers, profile);
  diagnostics.push(...matchers.diagnostics.splice(before));
  matchers.memo?.flush();
  const cited = [...conditionHits.values()].flatMap((match) => match.evidence);
  // Application-scoped conditions cite places too: where CI, tests, an image ... show.
  for (const places of Object.values(facts.delivery)) cited.push(...places);
  // The model needs of the sources only the unit-level subgraph (none for applications set aside, which are not modelled).
  const unitGraph = SET_ASIDE_KINDS.has(facts.kind.kind) ? { names: [], nodes: [], steps: [] } : unitSubgraph(facts);
  // Pages a URL reaches by convention are entry points too: a Web Forms site has no routes in code.
  const entryPointCount =
    facts.sources.reduce((sum, source) => sum + source.entryPoints.length, 0) + addressablePages(facts);
  return { ...withoutTexts(facts, cited), conditionHits, unitGraph, entryPointCount, sources: [] };
}

/**
 * Reads the applications and inventory files discovered (a shard: its share of them) into facts.
 * `fileHashes`: the SHA-256 of files this scan has read already (the result cache's digest), by absolute path.
 */
export async function extractFacts(
  portfolio: DiscoveredPortfolio,
  options: ScanOptions,
  progress: ProgressListener,
  shard?: ShardSpec,
  fileHashes?: Map<string, string>,
): Promise<GatheredFacts> {
  const { roots, config, packs, setupDiagnostics, files, applications, outside, sources } = portfolio;
  const timed = stageTimer(options.timings);

  // A shard reads its share of applications and inventory files, by bytes to read.
  const owner = shard
    ? assignShards(
        [
          ...applications.map((app) => app.files.reduce((sum, file) => sum + file.size, 0)),
          ...sources.map((source) => source.size),
        ],
        shard.count,
      )
    : undefined;
  const mine = (position: number) => !owner || owner[position] === shard!.index;
  const ownApplications = applications.filter((_, position) => mine(position));

  const cacheKey = [...roots.map((root) => root.dir), ...(shard ? [`shard ${shard.index}/${shard.count}`] : [])];
  // The extractors read with the built-in catalogue extended by the packs' (and so do the threads); facts depend on it.
  const catalogues = packs.flatMap(({ pack }) => (pack.catalogue ? [pack.catalogue] : []));
  const catalogueDigest = useCatalogues(catalogues);
  const cache = options.cacheDir ? await FactCache.open(options.cacheDir, cacheKey, catalogueDigest) : undefined;
  if (cache?.note) options.notice?.(cache.note);
  const kept = cache ? new ApplicationCache(cache, settingsDigest(portfolio), fileHashes) : undefined;
  const keys = ownApplications.map((app) => kept?.key(app));
  // Threads pay for themselves only with enough files to parse: after a small change, few are.
  const toParse = ownApplications.reduce((sum, app, index) => {
    if (!kept) return sum + app.files.filter(isPooled).length;
    return sum + (kept.has(keys[index]!) ? 0 : kept.changedFiles(app, isPooled));
  }, 0);
  const timer = options.profile ? options.profile.file.bind(options.profile) : undefined;
  const pool = toParse >= MIN_POOLED_FILES ? ExtractionPool.create(options.workers ?? 0, timer, catalogues) : undefined;
  const conditions = fileConditionsOf(allRules(packs), new Set(config.rules.disable));
  const matchers = new MatcherCache(undefined, options.profile);
  const gathered: GatheredApplication[] = [];
  const fileProgress = new FileProgress(
    ownApplications.reduce((sum, app) => sum + filesToRead(app.files.map((file) => ({ file }))).length, 0),
    progress,
  );
  try {
    // With workers, a few applications are read at once so that the threads never wait for the
    // next one; each keeps its own diagnostics.
    const inFlight = pool ? APPLICATIONS_IN_FLIGHT : 1;
    const started: Promise<GatheredApplication>[] = [];
    const start = (index: number) => {
      const app = ownApplications[index]!;
      const key = keys[index];
      const reused = key ? kept!.reuse(key, app) : undefined;
      if (reused) {
        fileProgress.advance(filesToRead(app.files.map((file) => ({ file }))).length);
        started[index] = Promise.resolve(reused);
        return;
      }
      const diagnostics: Diagnostic[] = [];
      const store = kept?.recording();
      started[index] = extractApplicationFacts(app, diagnostics, store, pool, timer, (count) =>
        fileProgress.advance(count),
      ).then((extracted) => {
        // Text conditions' lines are kept per file, through the same view: the application's entries.
        matchers.memo = store ? new TextMemo(store, conditions.textConditions, conditions.textDigest) : undefined;
        const done = {
          facts: condensedFacts(conditions, extracted, matchers, diagnostics, options.profile),
          diagnostics,
        };
        if (key) kept!.keep(key, done, store!);
        return done;
      });
    };
    for (let index = 0; index < Math.min(inFlight, ownApplications.length); index++) start(index);
    for (const [index, app] of ownApplications.entries()) {
      fileProgress.reading(
        ownApplications.length > 1 ? `${app.name} (${index + 1}/${ownApplications.length})` : app.name,
      );
      const done = await started[index]!;
      if (index + inFlight < ownApplications.length) start(index + inFlight);
      gathered.push(done);
    }
  } finally {
    if (options.profile && pool) options.profile.workers = { threads: pool.size, files: pool.extracted };
    if (options.profile && kept) options.profile.reusedApplications = kept.reused;
    await pool?.close();
  }
  timed('extract');

  const inventories: GatheredInventory[] = [];
  collectSoonerForInventories(sources.reduce((sum, source) => sum + source.size, 0));
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
    outside,
    inventoryCount: sources.length,
    applications: gathered,
    inventories,
    ...(portfolio.prices ? { prices: portfolio.prices } : {}),
  };
}
