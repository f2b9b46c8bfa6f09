import { compareStrings } from '../util/compare.js';
import { graphFromResult } from '../model/graph-view.js';
import { planWaves } from '../plan/waves.js';
import { renderText, type FormatOf } from '../report/outputs.js';
import { cmfUnhosted } from '../report/waves-report.js';
import { resultFor, type ResultSource } from './load-result.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { writeText } from './write-output.js';
import { reportInputProblems } from './input-problems.js';
import { scheduleWaves } from '../plan/schedule.js';
import { checkRoadmap, type RoadmapOptions } from './roadmap-options.js';

export interface WavesCommandOptions extends ResultSource, RoadmapOptions {
  format: FormatOf<'waves'>;
  output?: string;
  maxPerWave?: number;
  maxHostsPerWave?: number;
  effortBudget?: number;
  color: boolean;
}

export async function runWaves(paths: string[], options: WavesCommandOptions): Promise<number> {
  checkRoadmap(options);
  const result = await resultFor(paths, options);
  const graph = graphFromResult(result.graph);
  const planned = planWaves(
    graph,
    result.applications,
    { maxPerWave: options.maxPerWave, maxHostsPerWave: options.maxHostsPerWave, effortBudget: options.effortBudget },
    result.hosts,
    result.serverFindings,
  );
  const plan =
    options.start !== undefined && options.capacity !== undefined
      ? { ...planned, schedule: scheduleWaves(planned.waves, { start: options.start, capacity: options.capacity }) }
      : planned;
  const input = { plan, result, graph };
  await writeText(
    await renderText('waves', options.format, input, { color: !options.output && wantsColour(options.color) }),
    options.output,
  );
  const unhosted = options.format === 'cmf' ? cmfUnhosted(input) : [];
  if (unhosted.length > 0 && !options.quiet) {
    const names = unhosted.sort(compareStrings);
    process.stderr.write(
      `cloudready: ${names.length} application${names.length === 1 ? ' is' : 's are'} not in the CMF intake, which lists servers, because no inventory puts ${names.length === 1 ? 'it' : 'them'} on one: ${names.join(', ')}\n  Add their servers to an inventory (docs/inventory.md), or plan them with --format csv, which lists every application.\n`,
    );
  }
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
