import { Chalk } from 'chalk';
import type { ResultDiff } from '../assess/result-diff.js';
import { printableDeep } from '../util/printable.js';
import type { ReportOptions } from './reporter-types.js';

/** What `cloudready diff` renders: the comparison, and the files it compared (as the user named them). */
export interface DiffInput {
  diff: ResultDiff;
  before: string;
  after: string;
}

/** Scores, strategies, effort and waves that changed; new and fixed findings. */
export function diffTable(input: DiffInput, options: ReportOptions): string {
  const diff = printableDeep(input.diff);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const [oldFile, newFile] = [input.before, input.after];
  const lines = [c.bold(`cloudready diff ${oldFile} → ${newFile}`), '', c.bold('Scores')];
  for (const { applicationId, name, before, after, change, strategy, effort, wave } of diff.scores) {
    const text =
      before === undefined
        ? `new application, ${after}`
        : after === undefined
          ? `gone (was ${before})`
          : change === 0
            ? `${after} (unchanged)`
            : `${before} → ${after} (${change! > 0 ? c.green(`+${change}`) : c.red(String(change))})`;
    const shown = name === applicationId ? name : `${name} (${applicationId})`;
    const plan = [
      strategy ? `strategy ${strategy.before} → ${strategy.after}` : '',
      effort ? `effort ${effort.before} → ${effort.after} person-days` : '',
      wave ? `wave ${wave.before} → ${wave.after}` : '',
    ].filter(Boolean);
    lines.push(`  ${shown.padEnd(32)} ${text}${plan.length ? `; ${plan.join(', ')}` : ''}`);
  }
  lines.push('', c.bold(`New findings (${diff.new.length})`));
  // Applications by the name the portfolio table shows; the rule id for looking it up.
  for (const finding of diff.new)
    lines.push(
      `  ${c.red('+')} ${finding.severity.padEnd(7)} ${finding.application}: ${finding.title}${finding.state === 'changed' ? ' (new places)' : ''} ${c.dim(`[${finding.ruleId}]`)}`,
    );
  lines.push('', c.bold(`Fixed findings (${diff.fixed.length})`));
  for (const finding of diff.fixed)
    lines.push(
      `  ${c.green('-')} ${finding.severity.padEnd(7)} ${finding.application}: ${finding.title} ${c.dim(`[${finding.ruleId}]`)}`,
    );
  return `${lines.join('\n')}\n`;
}

export function diffJson({ diff }: DiffInput): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
