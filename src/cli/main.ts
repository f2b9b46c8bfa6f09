import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { printable } from '../util/printable.js';
import { TOOL_VERSION } from '../version.js';
import { ExitCode } from './exit-codes.js';
import { ORIGINS } from '../discover/origin.js';
import { addToolCommands, type Outcome } from './tool-commands.js';
import { addResultCommands } from './result-commands.js';
import {
  LOW_MEMORY_HELP,
  parseInteger,
  parseOrigins,
  shardOption,
  withDocumentOptions,
  withGateOptions,
  withReportFormat,
} from './command-options.js';

// Each command's module loads when it runs: `cloudready --version` or a warm scan does not pay
// for the split, waves or graph code.

function buildProgram(outcome: Outcome): Command {
  const program = new Command()
    .name('cloudready')
    .description('Assess which applications can move to the cloud, what blocks each one, and what the move takes.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .option('--debug', 'print stack traces for errors')
    .showHelpAfterError('(run cloudready --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();

  withDocumentOptions(
    withGateOptions(
      withReportFormat(
        program
          .command('scan')
          .description('scan folders of source repositories, manifests and inventories, and report migration readiness')
          .argument('[paths...]', 'folders or files to scan (default: the current folder)'),
      )
        .option('-c, --config <file>', 'configuration file (default: cloudready.yaml in the scanned folder)')
        .option(
          '-i, --inventory <files...>',
          'inventory files besides those under inventory/ folders: cloudready YAML/JSON/CSV, RVTools, Azure Migrate, AWS, Ansible, netstat/ss (docs/inventory.md)',
        )
        .option(
          '--prices <file>',
          'size and cost servers with this price list instead of the built-in one (the shape of rules/catalogue/instance-prices.yaml; docs/inventory.md)',
        )
        .option(
          '-r, --rules <folders...>',
          'folders of rule pack YAML files to apply besides the built-in packs (docs/rules/README.md)',
        ),
    ),
  )
    .option('-q, --quiet', 'print nothing but the report (no progress, no notices)')
    .option('--strict', 'exit 2 when an input could not be read (default: report it, and keep 0 or 1)')
    .option(
      '--profile',
      'print what took the time (stages, the 20 slowest rules and files) on stderr, and add it to --format json',
    )
    .option('--no-color', 'no colours in terminal output (NO_COLOR is honoured too)')
    .option('--no-progress', 'no progress spinner')
    .option('--no-cache', 'parse every file again: no reading or writing of .cloudready/cache')
    .option('--workers <n>', 'threads for parsing source (default: one per core; 0: none)', (value) =>
      parseInteger(value, 0, 64, 'A number of workers'),
    )
    .option('--low-memory', LOW_MEMORY_HELP)
    .option(
      '--include-context <origins>',
      `count evidence in these kinds of file too, comma-separated: ${ORIGINS.filter((origin) => origin !== 'production').join(', ')} (default: production code only)`,
      parseOrigins,
    )
    .option(
      '--no-follow-symlinks',
      "do not follow links to folders placed in the scanned folder (a portfolio of links to checkouts is followed by default, a repository's own links never)",
    )
    .option(
      '--shard <I/N>',
      'read only part I of N of the portfolio and write its facts (--output) for cloudready merge (docs/scaling.md)',
      shardOption,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ cloudready scan fixtures/demo-portfolio
  $ cloudready scan ~/repos --format json --output result.json
  $ cloudready scan ~/repos --format html --output report.html
  $ cloudready scan . --config ci/cloudready.yaml --quiet
  $ cloudready scan ~/repos --inventory exports/RVTools.xlsx exports/azure-deps.csv
  $ cloudready scan . --fail-under 60 --max-blockers 0 --baseline main.json --format sarif --output cloudready.sarif
  $ cloudready scan ~/repos --shard 2/8 --output shard-2.bin    # then: cloudready merge shard-*.bin

Exit codes: 0 success, 1 a gate failed, 2 usage error, or with --strict an input that could
not be read (the report is always written when the scan completed; its diagnostics say what was skipped).`,
    )
    .action(async (paths: string[], options, command: Command) => {
      outcome.exitCode = await (
        await import('./scan-command.js')
      ).runScan(paths.length > 0 ? paths : ['.'], {
        ...options,
        formatGiven: command.getOptionValueSource('format') === 'cli',
      });
    });

  withDocumentOptions(
    withGateOptions(
      withReportFormat(
        program
          .command('merge')
          .description(
            'assess the shard files of one sharded scan as one portfolio: graph, rules, scores and waves over all of it',
          )
          .argument('<shards...>', 'the files written by cloudready scan --shard I/N --output FILE, all N of them'),
      ),
    ),
  )
    .option('-q, --quiet', 'print nothing but the report')
    .option('--strict', 'exit 2 when an input the shards hold could not be read')
    .option('--low-memory', LOW_MEMORY_HELP)
    .option('--no-color', 'no colours in terminal output')
    .addHelpText(
      'after',
      `
Examples:
  $ cloudready scan ~/repos --shard 1/2 --output shard-1.bin      # on one machine
  $ cloudready scan ~/repos --shard 2/2 --output shard-2.bin      # on another
  $ cloudready merge shard-1.bin shard-2.bin --format json --output result.json
  $ cloudready merge shards/*.bin --fail-under 60 --format sarif --output cloudready.sarif

Exit codes as for scan: 0 success, 1 a gate failed, 2 usage error (a missing or foreign shard
file), or with --strict inputs the shards could not read.`,
    )
    .action(async (files: string[], options) => {
      outcome.exitCode = await (await import('./merge-command.js')).runMerge(files, options);
    });

  withDocumentOptions(
    withReportFormat(
      program
        .command('report')
        .description('render a saved JSON result in another format, without scanning again')
        .argument('<result.json>', 'a result written by cloudready scan --format json'),
    ),
  )
    .option('-q, --quiet', 'print nothing but the report')
    .option('--no-color', 'no colours in terminal output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cloudready scan ~/repos --format json --output result.json\n  $ cloudready report result.json --format html --output report.html --client "Acme Ltd" --classification Confidential\n  $ cloudready report result.json --format sarif --output cloudready.sarif',
    )
    .action(async (file: string, options) => {
      outcome.exitCode = await (await import('./report-command.js')).runReport(file, options);
    });

  addResultCommands(program, outcome);
  addToolCommands(program, outcome);
  return program;
}

/** Runs the CLI and returns the exit code; never throws, never calls process.exit. */
export async function run(argv: string[]): Promise<number> {
  const outcome: Outcome = { exitCode: ExitCode.ok };
  const program = buildProgram(outcome);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return outcome.exitCode;
  } catch (error) {
    return reportError(error, debug);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message. Asked-for help and version are successes;
    // help shown because no command was given is a usage error.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
      ? ExitCode.ok
      : ExitCode.inputError;
  }
  if (error instanceof InputError) {
    // Messages quote names from the command line and from scanned files (node ids, host names): printed as text, never as escapes.
    process.stderr.write(
      `cloudready: ${printable(error.message)}\n${error.hint ? `  ${printable(error.hint)}\n` : ''}`,
    );
    if (debug) process.stderr.write(`${error.stack}\n`);
    return ExitCode.inputError;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cloudready: internal error: ${message}\n`);
  process.stderr.write(
    debug && error instanceof Error
      ? `${error.stack}\n`
      : '  Run again with --debug for the stack trace, and please report it.\n',
  );
  return ExitCode.inputError;
}
