import type { Format } from '../report/reporter.js';
import type { Severity } from '../result/schema.js';
import { scan } from '../scan.js';
import { checkDestination, emitReport } from './emit-report.js';
import { ExitCode } from './exit-codes.js';
import { readBaseline } from './load-result.js';
import { cacheFolder, defaultWorkers } from './scan-settings.js';
import { startProgress } from './progress.js';

export interface ScanCommandOptions {
  format: Format;
  output?: string;
  config?: string;
  inventory?: string[];
  rules?: string[];
  failUnder?: number;
  maxBlockers?: number;
  failOn?: Severity;
  baseline?: string;
  quiet?: boolean;
  color: boolean;
  progress: boolean;
  cache: boolean;
  workers?: number;
}

export async function runScan(paths: string[], options: ScanCommandOptions): Promise<number> {
  checkDestination(options);
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  const progress = startProgress(options.progress && !options.quiet);
  let result;
  try {
    result = await scan(
      {
        paths,
        cwd: process.cwd(),
        configFile: options.config,
        inventoryFiles: options.inventory ?? [],
        ruleFolders: options.rules ?? [],
        gate: { failUnder: options.failUnder, maxBlockers: options.maxBlockers, failOn: options.failOn },
        ...(baseline ? { baseline } : {}),
        cacheDir: cacheFolder(options.cache),
        workers: options.workers ?? defaultWorkers(),
        notice: (message) => {
          if (!options.quiet) process.stderr.write(`cloudready: ${message}\n`);
        },
      },
      progress.listener,
    );
  } finally {
    progress.stop();
  }

  await emitReport(result, options);

  // One line per failing application, on stderr, whatever the report format.
  if (result.gate && !result.gate.passed) {
    for (const { applicationId, reasons } of result.gate.failures) process.stderr.write(`cloudready: gate failed: ${applicationId}: ${reasons.join('; ')}\n`);
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
  return result.gate && !result.gate.passed ? ExitCode.gateFailed : ExitCode.ok;
}
