import type { Format } from '../report/outputs.js';
import { emitReport } from './emit-report.js';
import { ExitCode } from './exit-codes.js';
import { readResult } from './load-result.js';

export interface ReportCommandOptions {
  format: Format;
  output?: string;
  quiet?: boolean;
  color: boolean;
}

/** `cloudready report RESULT`: renders a saved JSON result in any format, without scanning again. */
export async function runReport(file: string, options: ReportCommandOptions): Promise<number> {
  await emitReport(await readResult(file), options);
  return ExitCode.ok;
}
