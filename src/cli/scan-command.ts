import { printable } from '../util/printable.js';
import { InputError } from '../errors.js';
import type { ShardSpec } from '../pipeline/shard-plan.js';
import type { Origin } from '../discover/origin.js';
import type { Format } from '../report/outputs.js';
import type { ScanResult, Severity } from '../result/schema.js';
import { scan, type ScanOptions } from '../scan.js';
import { checkDestination, emitReport } from './emit-report.js';
import { ExitCode } from './exit-codes.js';
import { readBaseline } from './load-result.js';
import { cacheFolder, defaultWorkers, noticePrinter } from './scan-settings.js';
import { startProgress } from './progress.js';
import { reportInputProblems } from './input-problems.js';
import { writeOutputAtomically } from './write-output.js';
import { printProfile } from './print-profile.js';
import { ScanProfile } from '../util/scan-profile.js';

/** How a finished result is reported and judged: shared by scan and merge. */
export interface ReportCommandOptions {
  format: Format;
  output?: string;
  failUnder?: number;
  maxBlockers?: number;
  failOn?: Severity;
  baseline?: string;
  quiet?: boolean;
  strict?: boolean;
  color: boolean;
}

export interface ScanCommandOptions extends ReportCommandOptions {
  profile?: boolean;
  config?: string;
  inventory?: string[];
  prices?: string;
  rules?: string[];
  progress: boolean;
  cache: boolean;
  workers?: number;
  includeContext?: Origin[];
  followSymlinks: boolean;
  shard?: ShardSpec;
  /** --format was given on the command line (a shard refuses it). */
  formatGiven?: boolean;
}

export async function runScan(paths: string[], options: ScanCommandOptions): Promise<number> {
  if (options.shard) return runShard(paths, options, options.shard);
  checkDestination(options);
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  const progress = startProgress(options.progress && !options.quiet, options.color);
  const profile = options.profile ? new ScanProfile() : undefined;
  let result;
  try {
    result = await scan(
      {
        ...scanOptions(paths, options),
        gate: gateOf(options),
        ...(baseline ? { baseline } : {}),
        ...(profile ? { profile, timings: profile.stages } : {}),
      },
      progress.listener,
    );
  } finally {
    progress.stop();
  }
  if (!profile) return finishReport(result, options, `in ${paths.join(', ')}`);
  const summary = profile.summary();
  const code = await finishReport({ ...result, profile: summary }, options, `in ${paths.join(', ')}`);
  process.stderr.write(printProfile(summary));
  return code;
}

/** Writes the report, prints gate failures and unreadable inputs, and returns the exit code. */
export async function finishReport(result: ScanResult, options: ReportCommandOptions, where: string): Promise<number> {
  await emitReport(result, options);

  // One line per failing application, on stderr, whatever the report format.
  if (result.gate && !result.gate.passed) {
    for (const { applicationId, reasons } of result.gate.failures)
      process.stderr.write(`cloudready: gate failed: ${printable(applicationId)}: ${printable(reasons.join('; '))}\n`);
  }
  // The terminal table lists input problems itself; other formats get them on stderr.
  const strict = reportInputProblems(result, {
    quiet: options.quiet,
    strict: options.strict,
    listed: options.format === 'table' && !options.output,
  });
  if (strict !== undefined) return strict;
  if (result.applications.length === 0 && result.hosts.length === 0 && !options.quiet && options.format !== 'table') {
    process.stderr.write(`cloudready: no applications found ${where}\n`);
  }
  return result.gate && !result.gate.passed ? ExitCode.gateFailed : ExitCode.ok;
}

export function gateOf(options: ReportCommandOptions): ScanOptions['gate'] {
  return { failUnder: options.failUnder, maxBlockers: options.maxBlockers, failOn: options.failOn };
}

function scanOptions(paths: string[], options: ScanCommandOptions): ScanOptions {
  return {
    paths,
    cwd: process.cwd(),
    configFile: options.config,
    inventoryFiles: options.inventory ?? [],
    pricesFile: options.prices,
    ruleFolders: options.rules ?? [],
    cacheDir: cacheFolder(options.cache),
    workers: options.workers ?? defaultWorkers(),
    includeContext: options.includeContext,
    followSymlinks: options.followSymlinks,
    notice: noticePrinter(options.quiet),
  };
}

/**
 * One shard of a scan: reads its share of the portfolio and writes the facts for
 * `cloudready merge`, which assesses, gates and reports the whole. Exits 0 once the file is
 * written: files that could not be read travel in it, and the merge reports them.
 */
async function runShard(paths: string[], options: ScanCommandOptions, shard: ShardSpec): Promise<number> {
  const onMerge = [
    options.formatGiven && '--format',
    options.failUnder !== undefined && '--fail-under',
    options.maxBlockers !== undefined && '--max-blockers',
    options.failOn && '--fail-on',
    options.baseline && '--baseline',
  ].filter(Boolean);
  if (onMerge.length > 0) {
    throw new InputError(
      `--shard writes facts for cloudready merge; ${onMerge.join(', ')} ${onMerge.length === 1 ? 'belongs' : 'belong'} on the merge`,
      'e.g. cloudready scan repos --shard 1/4 --output shard-1.bin, then cloudready merge shard-*.bin --fail-under 60 --format sarif',
    );
  }
  if (!options.output)
    throw new InputError(
      '--shard needs --output: a shard writes a file for cloudready merge',
      `e.g. cloudready scan ${paths.join(' ')} --shard ${shard.index}/${shard.count} --output shard-${shard.index}.bin`,
    );
  const [{ gatherFacts, gatheredDiagnostics }, { encodeShard }] = await Promise.all([
    import('../pipeline/gather-facts.js'),
    import('../pipeline/shard-file.js'),
  ]);
  const progress = startProgress(options.progress && !options.quiet, options.color);
  let gathered;
  try {
    gathered = await gatherFacts(scanOptions(paths, options), progress.listener, shard);
  } finally {
    progress.stop();
  }
  const bytes = await encodeShard(gathered, shard);
  await writeOutputAtomically(options.output, bytes);
  if (!options.quiet) {
    const unreadable = gatheredDiagnostics(gathered).filter((diagnostic) => diagnostic.level === 'error').length;
    process.stderr.write(
      `cloudready: wrote ${options.output}: shard ${shard.index}/${shard.count}, ${gathered.applications.length} of ${gathered.applicationIds.length} applications, ${gathered.inventories.length} of ${gathered.inventoryCount} inventory files, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB` +
        `${unreadable > 0 ? `; ${unreadable} ${unreadable === 1 ? 'input' : 'inputs'} could not be read (the merge reports ${unreadable === 1 ? 'it' : 'them'})` : ''}\n`,
    );
  }
  return ExitCode.ok;
}
