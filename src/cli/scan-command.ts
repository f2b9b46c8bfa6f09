import type { Format } from '../report/reporter.js';
import { loadReporter } from '../report/reporter.js';
import { scan } from '../scan.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { startProgress } from './progress.js';
import { writeOutputAtomically } from './write-output.js';

export interface ScanCommandOptions {
  format: Format;
  output?: string;
  config?: string;
  inventory?: string[];
  rules?: string[];
  quiet?: boolean;
  color: boolean;
  progress: boolean;
}

export async function runScan(paths: string[], options: ScanCommandOptions): Promise<number> {
  const progress = startProgress(options.progress && !options.quiet);
  let result;
  try {
    result = await scan({ paths, cwd: process.cwd(), configFile: options.config, inventoryFiles: options.inventory ?? [], ruleFolders: options.rules ?? [] }, progress.listener);
  } finally {
    progress.stop();
  }

  const color = options.output ? false : wantsColour(options.color);
  const report = (await loadReporter(options.format))(result, { color });
  if (options.output) {
    await writeOutputAtomically(options.output, report);
    if (!options.quiet) {
      process.stderr.write(`cloudready: wrote ${options.output} (${result.summary.applications} applications, ${result.findings.length} findings)\n`);
    }
  } else {
    process.stdout.write(report);
  }

  const errors = result.diagnostics.filter((diagnostic) => diagnostic.level === 'error');
  if (errors.length > 0) {
    if (!options.quiet && options.format !== 'table') {
      for (const error of errors.slice(0, 5)) process.stderr.write(`cloudready: ${error.file ?? ''}${error.line ? `:${error.line}` : ''}: ${error.message}\n`);
    }
    return ExitCode.inputError;
  }
  if (result.applications.length === 0 && !options.quiet && options.format !== 'table') {
    process.stderr.write(`cloudready: no applications found in ${paths.join(', ')}\n`);
  }
  return ExitCode.ok;
}
