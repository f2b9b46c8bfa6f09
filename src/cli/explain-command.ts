import { renderText } from '../report/outputs.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { findApplication, resultFor, type ResultSource } from './load-result.js';
import { reportInputProblems } from './input-problems.js';
import { writeText } from './write-output.js';

export interface ExplainOptions extends ResultSource {
  color: boolean;
}

/** `cloudready explain APP`: how the score, the dimensions, the confidence, the strategy and the effort came about, finding by finding. */
export async function runExplain(applicationId: string, paths: string[], options: ExplainOptions): Promise<number> {
  const result = await resultFor(paths, options);
  const app = findApplication(result, applicationId);
  await writeText(
    await renderText('explain', 'table', { result, app }, { color: wantsColour(options.color) }),
    undefined,
  );
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
