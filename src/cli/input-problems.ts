import type { ScanResult } from '../result/schema.js';
import { plural } from '../util/plural.js';
import { printable } from '../util/printable.js';
import { ExitCode } from './exit-codes.js';

export interface InputProblemOptions {
  quiet?: boolean | undefined;
  /** Exit 2 when an input could not be read (without it, unread inputs are reported and the exit code stays 0 or 1). */
  strict?: boolean | undefined;
  /** The report on standard output already lists the problems (the terminal table): no need to repeat them. */
  listed?: boolean | undefined;
}

/**
 * What every command that reads a scan says about the inputs it could not read: a count and the
 * first errors on stderr, whatever the output, and exit 2 only with --strict (as semgrep and
 * eslint do, so a CI gate does not fail on one odd file). Undefined when the exit code is the command's own.
 */
export function reportInputProblems(
  result: Pick<ScanResult, 'diagnostics'>,
  options: InputProblemOptions,
): number | undefined {
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.level === 'error');
  if (!options.quiet && !options.listed && errors.length > 0) {
    const others = result.diagnostics.filter((diagnostic) => diagnostic.level === 'warning').length;
    process.stderr.write(
      `cloudready: ${plural(errors.length, 'input', 'inputs')} could not be read${others ? ` (and ${plural(others, 'warning')})` : ''}; the report says what was skipped${options.strict ? '' : ' (--strict makes this exit 2)'}\n`,
    );
    for (const error of errors.slice(0, 5))
      process.stderr.write(
        `cloudready: ${printable(error.file ?? '')}${error.line ? `:${error.line}` : ''}: ${printable(error.message)}\n`,
      );
  }
  return options.strict && errors.length > 0 ? ExitCode.inputError : undefined;
}
