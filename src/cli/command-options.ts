import { InvalidArgumentError, Option, type Command } from 'commander';
import { ORIGINS, type Origin } from '../discover/origin.js';
import { MAX_SHARDS, parseShard } from '../pipeline/shard-plan.js';
import { formatsOf } from '../report/outputs.js';
import { parseCapacity, parseStartDate } from './roadmap-options.js';

/** Options several commands share, and the parsers of their values. */

/** The report formats and where the report goes: scan, merge and report write the same ones. */
export function withReportFormat(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('scan')).default('table'))
    .option(
      '-o, --output <file>',
      'write the report to a file instead of standard output (- for standard output)',
      standardOutputAsDefault,
    );
}

/** A deliverable's cover, footers and roadmap: the HTML report's, the Markdown title, the JSON result's wave dates. */
export function withDocumentOptions(command: Command): Command {
  return withRoadmapOptions(command)
    .option('--title <text>', "the report's title (default: Cloud readiness: <scanned folders>)")
    .option('--client <name>', 'who the report is for, on its cover')
    .option('--author <name>', 'who prepared it, on its cover')
    .option(
      '--classification <text>',
      'a confidentiality line for the cover and every printed page, e.g. "Confidential"',
    );
}

/** Dates for the waves: on the commands that write a result or a report, and on waves. */
export function withRoadmapOptions(command: Command): Command {
  return command
    .option(
      '--start <date>',
      'date the waves: the first working day of wave 1 (YYYY-MM-DD); needs --capacity',
      parseStartDate,
    )
    .option(
      '--capacity <people>',
      'date the waves: people working on the migration at once; needs --start',
      parseCapacity,
    );
}

/** The CI gate's thresholds and baseline, for the commands that judge a result: scan and merge. */
export function withGateOptions(command: Command): Command {
  return command
    .option('--fail-under <score>', 'CI gate: fail (exit 1) when an application scores below this (0-100)', parseScore)
    .option('--max-blockers <n>', 'CI gate: fail when an application has more blocker findings than this', parseCount)
    .addOption(
      new Option('--fail-on <severity>', 'CI gate: fail on any finding of this severity or worse').choices([
        'blocker',
        'major',
        'minor',
        'info',
      ]),
    )
    .option('--baseline <result.json>', 'an earlier JSON result: only new findings and new places count for the gate');
}

/** --from, --config, --inventory, --rules and --no-color, for every command that reads a scan. */
export function withResultSource(command: Command): Command {
  return command
    .option('--from <result.json>', 'read a saved JSON result instead of scanning')
    .option('-c, --config <file>', 'configuration file (default: cloudready.yaml in the scanned folder)')
    .option('-i, --inventory <files...>', 'inventory files besides those under inventory/ folders')
    .option('-r, --rules <folders...>', 'rule packs besides the built-in ones')
    .option('--prices <file>', 'size and cost servers with this price list instead of the built-in one')
    .option('--no-cache', 'parse every file again: no reading or writing of .cloudready/cache')
    .option('--workers <n>', 'threads for parsing source when scanning (default: one per core; 0: none)', (value) =>
      parseInteger(value, 0, 64, 'A number of workers'),
    )
    .option('-q, --quiet', 'print nothing but the output (no progress, no notices, no list of unreadable inputs)')
    .option('--no-progress', 'no progress spinner while scanning')
    .option('--low-memory', LOW_MEMORY_HELP)
    .option('--strict', 'exit 2 when an input could not be read (default: report it on stderr and go on)')
    .option('--no-color', 'no colours');
}

/**
 * --low-memory is applied by bin/cloudready.js before any code loads (a V8 setting: memory is
 * collected sooner as the heap grows); the commands only accept it.
 */
export const LOW_MEMORY_HELP =
  'collect memory sooner: a fifth to a third less peak memory on a large tree, for 3-15 % more time (docs/performance.md)';

/** A whole number from min to max, or a usage error that says what it is for. */
export function parseInteger(value: string, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
  return Number(value);
}
export function shardOption(value: string) {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(`Expected I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}, e.g. 2/8.`);
  return shard;
}
export function parseOrigins(value: string): Origin[] {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const unknown = origins.filter((origin) => !(ORIGINS as readonly string[]).includes(origin));
  if (unknown.length > 0 || origins.length === 0)
    throw new InvalidArgumentError(
      `Expected a comma-separated list of ${ORIGINS.join(', ')}${unknown.length > 0 ? `; not ${unknown.join(', ')}` : ''}.`,
    );
  return origins as Origin[];
}
const parseScore = (value: string) => parseInteger(value, 0, 100, 'A score');
const parseCount = (value: string) => parseInteger(value, 0, 1_000_000, 'A count');

/** `--output -` is standard output, as if no file were named. */
export function standardOutputAsDefault(value: string): string | undefined {
  return value === '-' ? undefined : value;
}
