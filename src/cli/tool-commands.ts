import { formatsOf } from '../report/outputs.js';
import { type Command, Option } from 'commander';

/** Where a command's action leaves its exit code. */
export interface Outcome {
  exitCode: number;
}

/**
 * The commands that look after the tool rather than assess a portfolio: the rule packs (list,
 * show, test, validate) and the scan cache (list, clean). Each command's module loads when it runs.
 */
export function addToolCommands(program: Command, outcome: Outcome): void {
  const rules = program
    .command('rules')
    .description('list, explain, test and validate migration rules')
    .addHelpText(
      'after',
      `
Examples:
  $ cloudready rules list
  $ cloudready rules show mainframe/exec-cics
  $ cloudready rules test                 # every built-in rule's match and no-match cases
  $ cloudready rules validate my-rules/   # check a pack before using it with scan --rules`,
    );
  rules
    .command('list')
    .description('list every rule: id, severity, category, effort, strategy, title')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatsOf('rules')).default('table'))
    .option('-r, --rules <folders...>', 'rule pack folders or files besides the built-in packs')
    .option('--no-color', 'no colours')
    .action(async (options) => {
      outcome.exitCode = await (await import('./rules-command.js')).listRules(options);
    });
  rules
    .command('show')
    .description('explain one rule: why it matters, what to do, when it fires')
    .argument('<id>', 'rule id, e.g. mainframe/exec-cics')
    .option('-r, --rules <folders...>', 'rule pack folders or files besides the built-in packs')
    .option('--no-color', 'no colours')
    .action(async (id: string, options) => {
      outcome.exitCode = await (await import('./rules-command.js')).showRule(id, options);
    });
  rules
    .command('test')
    .description("run rules' match and no-match cases (exit 1 when one fails)")
    .argument('[packs...]', 'rule pack folders or files (default: the built-in packs)')
    .option('--rule <prefix>', 'only rules whose id starts with this, e.g. mainframe/ or networking/hardcoded-ip')
    .option('--no-color', 'no colours')
    .action(async (packs: string[], options) => {
      outcome.exitCode = await (await import('./rules-command.js')).testRules(packs, options);
    });
  rules
    .command('validate')
    .description('check rule pack files: schema, regular expressions, unique ids, tests present')
    .argument('[packs...]', 'rule pack folders or files (default: the built-in packs)')
    .option('--no-color', 'no colours')
    .action(async (packs: string[], options) => {
      outcome.exitCode = await (await import('./rules-command.js')).validateRules(packs, options);
    });
  const cache = program
    .command('cache')
    .description('show or empty the scan cache (.cloudready/cache in the current folder)')
    .addHelpText(
      'after',
      '\nThe cache keeps under 1 GiB (CLOUDREADY_CACHE_MAX_MB sets another limit): the files of trees scanned longest ago go first.\n\nExamples:\n  $ cloudready cache list\n  $ cloudready cache clean',
    );
  cache
    .command('list')
    .description('list the cache files, their size and when each was written, newest first')
    .action(async () => {
      outcome.exitCode = await (await import('./cache-command.js')).listCache();
    });
  cache
    .command('clean')
    .description('remove every scan cache file (the next scan reads every file again)')
    .action(async () => {
      outcome.exitCode = await (await import('./cache-command.js')).cleanCacheCommand();
    });
}
