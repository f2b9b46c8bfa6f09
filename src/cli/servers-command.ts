import { renderText, type FormatOf } from '../report/outputs.js';
import { wantsColour } from './colour.js';
import { terminalWidth } from './emit-report.js';
import { ExitCode } from './exit-codes.js';
import { reportInputProblems } from './input-problems.js';
import { resultFor, type ResultSource } from './load-result.js';
import { writeText } from './write-output.js';

export interface ServersCommandOptions extends ResultSource {
  format: FormatOf<'servers'>;
  output?: string;
  color: boolean;
}

/**
 * `cloudready servers`: every server the inventories describe, worst first in the terminal, or
 * as JSON or CSV (one row per server, for the spreadsheet an infrastructure team plans in).
 */
export async function runServers(paths: string[], options: ServersCommandOptions): Promise<number> {
  const result = await resultFor(paths, options);
  const rendering = {
    color: !options.output && wantsColour(options.color),
    width: options.output ? undefined : terminalWidth(),
  };
  await writeText(await renderText('servers', options.format, result, rendering), options.output);
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
