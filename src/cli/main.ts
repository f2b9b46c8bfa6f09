import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../errors.js';
import { printable } from '../util/printable.js';
import { TOOL_VERSION } from '../version.js';
import { ExitCode } from './exit-codes.js';
import { MAX_SHARDS, parseShard } from '../pipeline/shard-plan.js';
import { formatsOf } from '../report/outputs.js';
import { ORIGINS, type Origin } from '../discover/origin.js';
import { addToolCommands, type Outcome } from './tool-commands.js';
import { parseCapacity, parseStartDate } from './roadmap-options.js';

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

  program
    .command('explain')
    .description("explain how an application's score, strategy and effort were computed, finding by finding")
    .argument('<application>', 'application id (as in the portfolio table)')
    .argument('[paths...]', 'folders to scan (default: the current folder)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cloudready explain order-management fixtures/demo-portfolio\n  $ cloudready explain order-management --from result.json',
    )
    .action(async (application: string, paths: string[], options) => {
      outcome.exitCode = await (
        await import('./explain-command.js')
      ).runExplain(application, paths.length > 0 ? paths : ['.'], options);
    });

  program
    .command('graph')
    .description(
      'the dependency graph: a summary, a neighbourhood, or an export for Graphviz, Mermaid, Gephi, yEd or Neo4j',
    )
    .argument('[paths...]', 'folders to scan (default: the current folder)')
    .addOption(
      new Option('-f, --format <format>', 'tree (terminal summary) or an export')
        .choices(formatsOf('graph'))
        .default('tree'),
    )
    .option(
      '-o, --output <file>',
      'write to a file (a folder for neo4j; - for standard output)',
      standardOutputAsDefault,
    )
    .addOption(
      new Option('--level <level>', "portfolio (applications, hosts, datastores ...) or unit (one application's code)")
        .choices(['portfolio', 'unit'])
        .default('portfolio'),
    )
    .option('--app <id>', 'one application: its neighbourhood, or its code with --level unit')
    .option('--focus <node>', 'a node and its neighbourhood (both directions): an id, application, host or label')
    .option('--depth <n>', 'hops around --focus (default 1, 2 around --app)', (value) =>
      parseInteger(value, 0, 100, 'A depth'),
    )
    .option('--kind <kinds...>', 'keep only these node kinds (application, host, database, unit ...)')
    .option('--edge-kind <kinds...>', 'keep only these edge kinds (depends-on, connects-to, runs-on, calls ...)')
    .addOption(new Option('--collapse <by>', 'merge units into their module or package').choices(['module', 'package']))
    .addHelpText(
      'after',
      `
Examples:
  $ cloudready graph fixtures/demo-portfolio
  $ cloudready graph fixtures/demo-portfolio --focus order-management
  $ cloudready graph fixtures/demo-portfolio --format dot --output portfolio.dot
  $ cloudready graph fixtures/demo-portfolio --level unit --app card-authorisation --format mermaid
  $ cloudready graph fixtures/demo-portfolio --format neo4j --output neo4j-import/`,
    )
    .action(async (paths: string[], options) => {
      outcome.exitCode = await (await import('./graph-command.js')).runGraph(paths.length > 0 ? paths : ['.'], options);
    });

  program
    .command('split')
    .description('propose how to cut an application into services along its bounded contexts')
    .argument('<application>', 'an application id in the scanned folders, or an application folder')
    .argument('[paths...]', 'folders to scan (default: the current folder, or the application folder itself)')
    .option(
      '--services <n>',
      'ask for this many services (default: one per aggregate of data and read side)',
      (value) => parseInteger(value, 1, 1000, 'A number of services'),
    )
    .option(
      '--calls <file>',
      'measured call volumes for clustering and metrics: a CSV of caller,callee,count or an OpenTelemetry span export (OTLP JSON)',
    )
    .option(
      '--seed <n>',
      'seed for the community detection that cuts services when --services asks for more (same seed, same result)',
      (value) => parseInteger(value, 0, 2 ** 31, 'A seed'),
    )
    .option(
      '--history',
      'also read co-change coupling from the git history (the report and the JSON result split without it)',
    )
    // Reading the history was the default before; scripts that switch it off keep working.
    .addOption(new Option('--no-history', 'do not read the git history (the default)').hideHelp())
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('split')).default('table'))
    .option('-o, --output <file>', 'write to a file (- for standard output)', standardOutputAsDefault)
    .addHelpText(
      'after',
      '\nExamples:\n  $ cloudready split fixtures/monolith-shop\n  $ cloudready split order-management fixtures/demo-portfolio --format json\n  $ cloudready split fixtures/monolith-shop --services 3 --format mermaid\n  $ cloudready split fixtures/monolith-shop --calls calls.csv',
    )
    .action(async (application: string, paths: string[], options) => {
      outcome.exitCode = await (await import('./split-command.js')).runSplit(application, paths, options);
    });

  withRoadmapOptions(
    program
      .command('waves')
      .description('plan migration waves: move groups, a pilot, dependency order, links that cross the hybrid boundary')
      .argument('[paths...]', 'folders to scan (default: the current folder)')
      .addOption(
        new Option('-f, --format <format>', 'table, json, csv, or cmf (AWS Cloud Migration Factory intake)')
          .choices(formatsOf('waves'))
          .default('table'),
      )
      .option('-o, --output <file>', 'write to a file (- for standard output)', standardOutputAsDefault)
      .option('--max-per-wave <n>', 'applications per wave at most (default 5)', (value) =>
        parseInteger(value, 1, 100_000, 'A wave size'),
      )
      .option('--max-hosts-per-wave <n>', 'hosts per wave at most', (value) =>
        parseInteger(value, 1, 1_000_000, 'A wave size'),
      )
      .option('--effort-budget <days>', 'person-days of effort per wave at most', (value) =>
        parseInteger(value, 1, 1_000_000, 'A budget'),
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ cloudready waves fixtures/demo-portfolio\n  $ cloudready waves fixtures/demo-portfolio --start 2027-01-04 --capacity 4\n  $ cloudready waves ~/repos --max-per-wave 10 --format cmf --output cmf-intake.csv',
    )
    .action(async (paths: string[], options) => {
      outcome.exitCode = await (await import('./waves-command.js')).runWaves(paths.length > 0 ? paths : ['.'], options);
    });

  program
    .command('servers')
    .description('every server the inventories describe: readiness per cloud, target size and monthly cost')
    .argument('[paths...]', 'folders or inventory files to scan (default: the current folder)')
    .addOption(
      new Option('-f, --format <format>', 'table, json, or csv (one row per server)')
        .choices(formatsOf('servers'))
        .default('table'),
    )
    .option('-o, --output <file>', 'write to a file (- for standard output)', standardOutputAsDefault)
    .addHelpText(
      'after',
      '\nExamples:\n  $ cloudready servers RVTools_export_all.xlsx\n  $ cloudready servers exports/ --prices our-rates.yaml --format csv --output servers.csv',
    )
    .action(async (paths: string[], options) => {
      outcome.exitCode = await (
        await import('./servers-command.js')
      ).runServers(paths.length > 0 ? paths : ['.'], options);
    });

  program
    .command('impact')
    .description('everything that breaks or must move together if a node moves')
    .argument('<node>', 'an application, host, datastore or any node id')
    .argument('[paths...]', 'folders to scan (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('impact')).default('table'))
    .action(async (node: string, paths: string[], options) => {
      outcome.exitCode = await (
        await import('./graph-command.js')
      ).runImpact(node, paths.length > 0 ? paths : ['.'], options);
    });

  program
    .command('diff')
    .description('compare two JSON results: score changes, new findings, fixed findings')
    .argument('<old>', 'the earlier result (cloudready scan --format json)')
    .argument('<new>', 'the later result')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('diff')).default('table'))
    .option('--no-color', 'no colours')
    .action(async (oldFile: string, newFile: string, options) => {
      outcome.exitCode = await (await import('./diff-command.js')).runDiff(oldFile, newFile, options);
    });

  addToolCommands(program, outcome);
  // Commands that read a scan share how they get it: a saved result or a fresh scan.
  for (const command of [...program.commands].filter((candidate) =>
    ['explain', 'split', 'graph', 'impact', 'waves', 'servers'].includes(candidate.name()),
  ))
    withResultSource(command);
  return program;
}

/** The CI gate's thresholds and baseline, for the commands that judge a result: scan and merge. */
/** The report formats and where the report goes: scan, merge and report write the same ones. */
function withReportFormat(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('scan')).default('table'))
    .option(
      '-o, --output <file>',
      'write the report to a file instead of standard output (- for standard output)',
      standardOutputAsDefault,
    );
}

/** A deliverable's cover, footers and roadmap: the HTML report's, the Markdown title, the JSON result's wave dates. */
function withDocumentOptions(command: Command): Command {
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
function withRoadmapOptions(command: Command): Command {
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

function withGateOptions(command: Command): Command {
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
function withResultSource(command: Command): Command {
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
const LOW_MEMORY_HELP =
  'collect memory sooner: a fifth to a third less peak memory on a large tree, for 3-15 % more time (docs/performance.md)';

function parseInteger(value: string, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
  return Number(value);
}
function shardOption(value: string) {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError(`Expected I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}, e.g. 2/8.`);
  return shard;
}
function parseOrigins(value: string): Origin[] {
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

/** `--output -` is standard output, as if no file were named. */
function standardOutputAsDefault(value: string): string | undefined {
  return value === '-' ? undefined : value;
}
