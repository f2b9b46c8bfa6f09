import { assessPortfolio } from '../pipeline/assess-portfolio.js';
import { mergeShards } from '../pipeline/merge-shards.js';
import { checkDestination } from './emit-report.js';
import { readBaseline } from './load-result.js';
import { finishReport, gateOf, type ReportCommandOptions } from './scan-command.js';

/**
 * `cloudready merge SHARD...`: the facts of every shard of one scan, assessed as one portfolio.
 * The graph, the graph rules, scores, strategies and waves see every application, so the
 * result is the one a single scan of the whole tree gives.
 */
export async function runMerge(files: string[], options: ReportCommandOptions): Promise<number> {
  checkDestination(options);
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  const gathered = await mergeShards(files);
  const result = assessPortfolio(gathered, { gate: gateOf(options), baseline });
  return finishReport(result, options, `in the ${files.length} shard ${files.length === 1 ? 'file' : 'files'}`);
}
