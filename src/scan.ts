import { discoverPortfolio } from './pipeline/discover-portfolio.js';
import { loadSettings } from './pipeline/load-settings.js';
import { judgeAssessment } from './pipeline/judge-assessment.js';
import { ResultCache } from './pipeline/result-cache.js';
import { pruneCache } from './pipeline/cache-files.js';
import { stageTimer } from './util/stage-timer.js';
import type { ScanResult } from './result/schema.js';
import type { ScanOptions, ProgressListener } from './pipeline/scan-options.js';

export type { StageTimings, TimedStage } from './util/stage-timer.js';
export type { ScanOptions, Stage, ProgressListener } from './pipeline/scan-options.js';

/**
 * The whole pipeline, one stage after the other: settings and rule packs (pipeline/load-settings.ts),
 * discover → extract (pipeline/gather-facts.ts),
 * then model → assess → plan (pipeline/assess-portfolio.ts). A sharded scan runs the first half
 * on each shard and `cloudready merge` the second on all of them. With a cache folder, a tree
 * whose every input is unchanged since the last scan reuses that scan's assessment.
 */
export async function scan(options: ScanOptions, progress: ProgressListener = () => {}): Promise<ScanResult> {
  const started = Date.now();
  const portfolio = await discoverPortfolio(await loadSettings(options), options, progress);
  const timed = stageTimer(options.timings);
  if (options.cacheDir) progress('extract', 'comparing with the last scan');
  const cache = options.cacheDir ? await ResultCache.open(options.cacheDir, portfolio) : undefined;
  if (cache?.note) options.notice?.(cache.note);
  timed('extract');
  if (cache?.stored) return judgeAssessment(cache.stored, portfolio.config.gate, options);
  // Extraction and assessment load only now: an unchanged tree never needs their code.
  const [{ extractFacts }, { assessGathered }] = await Promise.all([
    import('./pipeline/gather-facts.js'),
    import('./pipeline/assess-portfolio.js'),
  ]);
  const assessment = assessGathered(
    await extractFacts(portfolio, options, progress, undefined, cache?.fileHashes),
    options.timings,
    progress,
    options.evidenceLimit,
    options.profile,
  );
  const problem = await cache?.save(assessment);
  if (problem) options.notice?.(problem);
  // Each tree scanned from here leaves its own files: the oldest go once the folder passes its limit.
  if (options.cacheDir && !problem) {
    const removed = await pruneCache(options.cacheDir, started).catch(() => []);
    if (removed.length > 0)
      options.notice?.(
        `removed ${removed.length} old cache file${removed.length === 1 ? '' : 's'} to keep ${options.cacheDir} under its size limit (CLOUDREADY_CACHE_MAX_MB; cloudready cache clean empties it)`,
      );
  }
  return judgeAssessment(assessment, portfolio.config.gate, options);
}
