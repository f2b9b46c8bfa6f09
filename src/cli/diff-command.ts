import { diffResults } from '../assess/result-diff.js';
import { renderText, type FormatOf } from '../report/outputs.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { readBaseline } from './load-result.js';
import { writeText } from './write-output.js';

export interface DiffOptions {
  format: FormatOf<'diff'>;
  color: boolean;
}

/** `cloudready diff OLD NEW`: what changed between two results (assess/result-diff.ts). */
export async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<number> {
  const compared = diffResults(await readBaseline(oldFile, 'result'), await readBaseline(newFile, 'result'));
  if (compared.warning) process.stderr.write(`cloudready: ${compared.warning}\n`);
  await writeText(
    await renderText(
      'diff',
      options.format,
      { diff: compared, before: oldFile, after: newFile },
      { color: wantsColour(options.color) },
    ),
    undefined,
  );
  return ExitCode.ok;
}
