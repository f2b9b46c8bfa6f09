import { Option, type Command } from 'commander';
import { formatsOf } from '../report/outputs.js';
import { parseInteger, standardOutputAsDefault, withResultSource, withRoadmapOptions } from './command-options.js';
import type { Outcome } from './tool-commands.js';

/**
 * The commands that read a scan (a saved result or a fresh one) and show one side of it: explain,
 * graph, split, waves, servers, impact; and diff, which compares two saved results.
 */
export function addResultCommands(program: Command, outcome: Outcome): void {
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

  // Commands that read a scan share how they get it: a saved result or a fresh scan.
  for (const command of [...program.commands].filter((candidate) =>
    ['explain', 'split', 'graph', 'impact', 'waves', 'servers'].includes(candidate.name()),
  ))
    withResultSource(command);
}
