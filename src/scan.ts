import type { BaselineDocument } from './assess/baseline.js';
import type { GateThresholds } from './assess/gate.js';
import type { LoadedPack } from './assess/rules/load-rules.js';
import { discoverPortfolio } from './pipeline/discover-portfolio.js';
import { judgeAssessment } from './pipeline/judge-assessment.js';
import { ResultCache } from './pipeline/result-cache.js';
import { pruneCache } from './pipeline/cache-files.js';
import { stageTimer, type StageTimings } from './pipeline/stage-timer.js';
import type { ScanResult } from './result/schema.js';
import type { Origin } from './discover/origin.js';
import type { ScanProfile } from './pipeline/scan-profile.js';

export type { StageTimings, TimedStage } from './pipeline/stage-timer.js';

export interface ScanOptions {
  paths: string[];
  cwd: string;
  configFile?: string | undefined;
  /** Inventory files outside the scanned folders (`--inventory`), in addition to those found under inventory/. */
  inventoryFiles?: string[];
  /** A price list to size and cost servers with instead of the built-in one (`--prices`; docs/inventory.md). */
  pricesFile?: string | undefined;
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
  /** Origins whose evidence counts for every rule (--include-context), besides cloudready.yaml's includeContext. */
  includeContext?: Origin[] | undefined;
  /** Follow links to folders among a scanned folder's own entries (default true; --no-follow-symlinks). */
  followSymlinks?: boolean | undefined;
  /** Places listed per finding; the accuracy harness (npm run corpus) asks for all of them. Not part of the result cache's key: use it without a cache. */
  evidenceLimit?: number;
  /** Filled with milliseconds per stage, for the benchmark; never part of the result (it would differ run to run). */
  timings?: StageTimings;
  /** Filled with what took the time (stages, rules, files) for `scan --profile`. */
  profile?: ScanProfile;
}

export type Stage = 'discover' | 'extract' | 'model' | 'assess';
export type ProgressListener = (stage: Stage, detail: string) => void;

/**
 * The whole pipeline, one stage after the other: discover → extract (pipeline/gather-facts.ts),
 * then model → assess → plan (pipeline/assess-portfolio.ts). A sharded scan runs the first half
 * on each shard and `cloudready merge` the second on all of them. With a cache folder, a tree
 * whose every input is unchanged since the last scan reuses that scan's assessment.
 */
export async function scan(options: ScanOptions, progress: ProgressListener = () => {}): Promise<ScanResult> {
  const started = Date.now();
  const portfolio = await discoverPortfolio(options, progress);
  const timed = stageTimer(options.timings);
  if (options.cacheDir) progress('extract', 'comparing with the last scan');
  const cache = options.cacheDir ? await ResultCache.open(options.cacheDir, portfolio) : undefined;
  if (cache?.note) options.notice?.(cache.note);
  timed('extract');
  if (cache?.stored) return judgeAssessment(cache.stored, portfolio.config.gate, options);
  // Extraction and assessment load only now: an unchanged tree never needs their code.
  const [{ extractFacts }, { assessGathered }] = await Promise.all([import('./pipeline/gather-facts.js'), import('./pipeline/assess-portfolio.js')]);
  const assessment = assessGathered(await extractFacts(portfolio, options, progress, undefined, cache?.fileHashes), options.timings, progress, options.evidenceLimit, options.profile);
  const problem = await cache?.save(assessment);
  if (problem) options.notice?.(problem);
  // Each tree scanned from here leaves its own files: the oldest go once the folder passes its limit.
  if (options.cacheDir && !problem) {
    const removed = await pruneCache(options.cacheDir, started).catch(() => []);
    if (removed.length > 0) options.notice?.(`removed ${removed.length} old cache file${removed.length === 1 ? '' : 's'} to keep ${options.cacheDir} under its size limit (CLOUDREADY_CACHE_MAX_MB; cloudready cache clean empties it)`);
  }
  return judgeAssessment(assessment, portfolio.config.gate, options);
}
