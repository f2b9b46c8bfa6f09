import { printableDeep } from '../util/printable.js';
import { Chalk } from 'chalk';
import { baselineState, type BaselineDocument } from '../assess/baseline.js';
import { compareStrings } from '../util/compare.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { readBaseline } from './load-result.js';

export interface DiffOptions {
  format: 'table' | 'json';
  color: boolean;
}

export interface ResultDiff {
  scores: { applicationId: string; name: string; before?: number | undefined; after?: number | undefined; change?: number | undefined }[];
  new: { id: string; severity: string; title: string; state: 'new' | 'changed' }[];
  fixed: { id: string; severity: string; title: string }[];
}

/** What changed between two results: scores, new findings (or new places), fixed findings. */
export function diffResults(before: BaselineDocument, after: BaselineDocument): ResultDiff {
  const ids = [...new Set([...before.applications.map((app) => app.id), ...after.applications.map((app) => app.id)])].sort(compareStrings);
  const score = (doc: BaselineDocument, id: string) => doc.applications.find((app) => app.id === id)?.score;
  // The name the table shows, as the newer result has it.
  const name = (id: string) => after.applications.find((app) => app.id === id)?.name ?? before.applications.find((app) => app.id === id)?.name ?? id;
  const earlier = new Map(before.findings.map((finding) => [finding.id, finding]));
  const later = new Set(after.findings.map((finding) => finding.id));
  return {
    scores: ids.map((id) => {
      const [a, b] = [score(before, id), score(after, id)];
      return { applicationId: id, name: name(id), before: a, after: b, ...(a !== undefined && b !== undefined ? { change: b - a } : {}) };
    }),
    new: after.findings.flatMap((finding) => {
      const state = baselineState(finding, earlier);
      return state === 'existing' ? [] : [{ id: finding.id, severity: finding.severity, title: finding.title, state }];
    }),
    fixed: before.findings.filter((finding) => !later.has(finding.id)).map(({ id, severity, title }) => ({ id, severity, title })),
  };
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<number> {
  const compared = diffResults(await readBaseline(oldFile, 'result'), await readBaseline(newFile, 'result'));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(compared, null, 2)}\n`);
    return ExitCode.ok;
  }
  const diff = printableDeep(compared);
  const c = new Chalk({ level: wantsColour(options.color) ? 1 : 0 });
  const lines = [c.bold(`cloudready diff ${oldFile} → ${newFile}`), '', c.bold('Scores')];
  for (const { applicationId, name, before, after, change } of diff.scores) {
    const text = before === undefined ? `new application, ${after}` : after === undefined ? `gone (was ${before})` : change === 0 ? `${after} (unchanged)` : `${before} → ${after} (${change! > 0 ? c.green(`+${change}`) : c.red(String(change))})`;
    const shown = name === applicationId ? name : `${name} (${applicationId})`;
    lines.push(`  ${shown.padEnd(32)} ${text}`);
  }
  lines.push('', c.bold(`New findings (${diff.new.length})`));
  for (const finding of diff.new) lines.push(`  ${c.red('+')} ${finding.severity.padEnd(7)} ${finding.id}${finding.state === 'changed' ? ' (new places)' : ''}: ${finding.title}`);
  lines.push('', c.bold(`Fixed findings (${diff.fixed.length})`));
  for (const finding of diff.fixed) lines.push(`  ${c.green('-')} ${finding.severity.padEnd(7)} ${finding.id}: ${finding.title}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}
