import type { Finding } from '../result/schema.js';
import { SEVERITY_ORDER } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import type { Reporter } from './reporter-types.js';

/** GitHub refuses comments over 65,536 characters; stay well below with room for a header. */
const MAX_LENGTH = 60_000;
const TOP = 15;

/** Text from scanned files goes into tables and code spans: neutralise what Markdown would read. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

/**
 * A code span for a path or snippet: fenced by more backticks than any run inside it, with the
 * pipe escaped (GitHub ends a table cell at a pipe even inside a code span).
 */
function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function place(finding: Finding): string {
  const first = finding.evidence[0];
  if (!first) return '';
  return `${code(`${first.file}${first.line ? `:${first.line}` : ''}`)}${finding.evidenceCount > 1 ? ` and ${finding.evidenceCount - 1} more` : ''}`;
}

/**
 * A Markdown summary for a pull-request comment or a CI job summary: the gate's verdict, the
 * portfolio table, what is new against the baseline, and the findings that matter most.
 */
export const markdownReport: Reporter = (result, options) => {
  const { title, client, author, classification } = options.document ?? {};
  const lines: string[] = [`## ${escape(title?.trim() || 'cloudready migration readiness')}`, ''];
  const cover = [client && `For ${client}`, author && `by ${author}`, classification].filter((line): line is string =>
    Boolean(line?.trim()),
  );
  if (cover.length) lines.push(`*${escape(cover.join(' · '))}*`, '');
  const { summary } = result;
  if (result.gate) {
    lines.push(
      result.gate.passed
        ? '**Gate passed.**'
        : `**Gate failed** for ${result.gate.failures.length} application${result.gate.failures.length === 1 ? '' : 's'}:`,
      '',
    );
    for (const failure of result.gate.failures)
      lines.push(`- \`${failure.applicationId}\`: ${escape(failure.reasons.join('; '))}`);
    if (result.gate.failures.length) lines.push('');
  }
  lines.push(
    `${summary.applications} applications, ${summary.loc.toLocaleString('en-US')} lines of code; ${summary.findings.blocker} blockers, ${summary.findings.major} major, ${summary.findings.minor} minor findings; effort ${summary.effortRange.low}-${summary.effortRange.high} person-days.`,
    '',
    '| Application | Score | Strategy (else) | Blockers | Major | Minor | Effort (days) | Confidence |',
    '|---|---:|---|---:|---:|---:|---:|---|',
  );
  for (const app of [...result.applications].sort((a, b) => b.score - a.score || compareStrings(a.id, b.id))) {
    lines.push(
      `| ${escape(app.name)} | ${app.score} | ${app.strategy} (${app.strategyRunnerUp.strategy}) | ${app.findingCounts.blocker} | ${app.findingCounts.major} | ${app.findingCounts.minor} | ${app.effortRange.low}-${app.effortRange.high} | ${app.confidence.level} |`,
    );
  }
  lines.push('');
  if (result.baseline) {
    const { baseline } = result;
    lines.push(
      `**Against the baseline:** ${baseline.new} new, ${baseline.changed} with new places, ${baseline.fixed.length} fixed.`,
      '',
    );
    const fresh = result.findings.filter(
      (finding) => finding.baselineState === 'new' || finding.baselineState === 'changed',
    );
    if (fresh.length) {
      lines.push('| New | Severity | Application | Finding | Where |', '|---|---|---|---|---|');
      for (const finding of fresh.slice(0, TOP * 2))
        lines.push(
          `| ${finding.baselineState} | ${finding.severity} | ${finding.applicationId} | ${escape(finding.message)} (\`${finding.ruleId}\`) | ${place(finding)} |`,
        );
      lines.push('');
    }
    if (baseline.fixed.length) lines.push(`Fixed: ${baseline.fixed.map((fixed) => `\`${fixed.id}\``).join(', ')}`, '');
  }
  const top = [...result.findings]
    .filter((finding) => finding.severity === 'blocker' || finding.severity === 'major')
    .sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareStrings(a.id, b.id),
    )
    .slice(0, TOP);
  if (top.length) {
    lines.push(
      '<details><summary>Blockers and major findings</summary>',
      '',
      '| Severity | Application | Finding | Where |',
      '|---|---|---|---|',
    );
    for (const finding of top)
      lines.push(
        `| ${finding.severity} | ${finding.applicationId} | ${escape(finding.message)} (\`${finding.ruleId}\`) | ${place(finding)} |`,
      );
    const more =
      result.findings.filter((finding) => finding.severity === 'blocker' || finding.severity === 'major').length -
      top.length;
    if (more > 0) lines.push('', `… and ${more} more in the full report.`);
    lines.push('', '</details>', '');
  }
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.level === 'error').length;
  if (errors)
    lines.push(
      `> ${errors} input error${errors === 1 ? '' : 's'}: some files could not be read; see the JSON result's diagnostics.`,
      '',
    );
  let text = `${lines.join('\n').trimEnd()}\n`;
  if (text.length > MAX_LENGTH) text = `${text.slice(0, MAX_LENGTH)}\n\n… (truncated; see the full report)\n`;
  return text;
};
