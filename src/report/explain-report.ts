import { Chalk, type ChalkInstance } from 'chalk';
import { effortRange } from '../assess/score.js';
import { scoreSteps } from '../assess/score-steps.js';
import { strategyReason } from '../assess/strategy.js';
import { SEVERITY_ORDER, type Application, type Finding, type ScanResult } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { printableDeep } from '../util/printable.js';
import type { ReportOptions } from './reporter-types.js';

/** What `cloudready explain` renders: one application of a result. */
export interface ExplainInput {
  result: ScanResult;
  app: Application;
}

/** What the application is, how it was found and which of its parts count: the boundary the numbers rest on. */
function boundary(app: Application, c: ChalkInstance): string[] {
  const lines = [`${c.bold('What it is:')} ${app.kind} at ${app.path}${app.kindReason ? `: ${app.kindReason}` : ''}`];
  if (app.detection.length > 0) lines.push(`${c.bold('Found by:')} ${app.detection.join('; ')}`);
  const counted = app.parts.filter((part) => part.counted);
  const apart = app.parts.filter((part) => !part.counted);
  if (counted.length > 0)
    lines.push(`${c.bold('Parts that count:')} ${counted.map((part) => `${part.path} (${part.kind})`).join(', ')}`);
  if (apart.length > 0)
    lines.push(`${c.bold('Parts listed apart:')} ${apart.map((part) => `${part.path} (${part.kind})`).join(', ')}`);
  return [...lines, ''];
}

/** How the score, the dimensions, the confidence, the strategy and the effort came about, finding by finding. */
export function explainText(input: ExplainInput, options: ReportOptions): string {
  const result = printableDeep(input.result);
  const app = printableDeep(input.app);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const model = result.scoringModel;
  const findings = result.findings
    .filter((finding) => finding.applicationId === app.id)
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareStrings(a.ruleId, b.ruleId),
    );
  const lines = [
    `${c.bold(app.name === app.id ? app.id : `${app.name} (${app.id})`)}: score ${c.bold(String(app.score))}, ${c.bold(app.strategy)} (else ${app.strategyRunnerUp.strategy}), confidence ${app.confidence.level} (${app.confidence.score})`,
    '',
    ...boundary(app, c),
    c.bold('Score: each finding takes its share of what is left (docs/scoring.md)'),
    `  ${'start'.padEnd(70)} ${'100.00'.padStart(8)}`,
  ];
  const walk = scoreSteps(findings, model);
  for (const step of walk.steps)
    lines.push(
      `  ${`${step.severity.padEnd(8)} ${step.ruleId}`.padEnd(62)} × ${step.factor.toFixed(2)} ${step.remaining.toFixed(2).padStart(8)}`,
    );
  lines.push(`  ${'rounded'.padEnd(70)} ${String(walk.rounded).padStart(8)}`);
  if (walk.capped !== undefined)
    lines.push(`  ${`a blocker caps the score at ${model.blockerCap}`.padEnd(70)} ${String(walk.capped).padStart(8)}`);
  lines.push(
    '',
    `${c.bold('Dimensions:')} ${Object.entries(app.dimensions)
      .map(([dimension, score]) => `${dimension} ${score}`)
      .join(' · ')}`,
    '',
    c.bold(`Confidence ${app.confidence.score} (${app.confidence.level})`),
    ...app.confidence.reasons.map((reason) => `  - ${reason}`),
    '',
    c.bold(`Strategy: ${app.strategy}, because`),
    ...app.strategyReasons.map((reason) => `  - ${reason}`),
    ...decidedByOne(app.strategyReasons, findings, c),
    c.bold(`Runner-up: ${app.strategyRunnerUp.strategy}`),
    ...app.strategyRunnerUp.reasons.map((reason) => `  - ${reason}`),
    '',
    c.bold(`Effort: ${app.effort} person-days typical, ${app.effortRange.low}-${app.effortRange.high} as a range`),
  );
  for (const finding of [...findings].sort((a, b) => b.effort - a.effort || compareStrings(a.ruleId, b.ruleId))) {
    if (finding.effort === 0 || finding.severity === 'info') continue;
    const range = effortRange(finding);
    lines.push(
      `  ${String(finding.effort).padStart(4)} ${`(${range.low}-${Math.round(range.high * 10) / 10})`.padEnd(11)} ${finding.ruleId}, ${finding.evidenceCount} place${finding.evidenceCount === 1 ? '' : 's'}`,
    );
  }
  lines.push('', c.bold('Where: the most decisive places of each finding that moved the score'));
  for (const finding of findings.filter((candidate) => candidate.severity !== 'info'))
    lines.push(...places(finding, c));
  const apart = (result.uncounted ?? []).filter(
    (finding) => finding.applicationId === app.id && finding.severity !== 'info',
  );
  if (apart.length > 0)
    lines.push(
      '',
      c.dim(
        `Not counted: ${apart.map((finding) => `${finding.ruleId} (${finding.message.replace(/^.*\(/, '').replace(/\)$/, '')})`).join('; ')}`,
      ),
    );
  return `${lines.join('\n')}\n`;
}

const PLACES_SHOWN = 3;

/** A finding's first places as the report lists them (production first), with the line and the code around it. */
function places(finding: Finding, c: ChalkInstance): string[] {
  const lines = [`  ${finding.severity.padEnd(8)} ${finding.ruleId}: ${finding.message}`];
  for (const item of finding.evidence.slice(0, PLACES_SHOWN)) {
    const origin = item.origin && item.origin !== 'production' ? c.dim(` [${item.origin}]`) : '';
    if (item.context && item.line) {
      lines.push(`    ${c.cyan(`${item.file}:${item.line}`)}${origin}`);
      item.context.lines.forEach((text, at) => {
        const number = item.context!.firstLine + at;
        lines.push(
          number === item.line
            ? `    > ${String(number).padStart(5)}  ${text}`
            : c.dim(`      ${String(number).padStart(5)}  ${text}`),
        );
      });
    } else
      lines.push(
        `    ${c.cyan(`${item.file}${item.line ? `:${item.line}` : ''}`)}${origin}${item.snippet ? `  ${item.snippet}` : ''}`,
      );
  }
  if (finding.evidenceCount > PLACES_SHOWN)
    lines.push(
      c.dim(
        `    … ${finding.evidenceCount - PLACES_SHOWN} more place${finding.evidenceCount - PLACES_SHOWN === 1 ? '' : 's'} (--format json lists them)`,
      ),
    );
  if (finding.evidenceCount === 0) lines.push(c.dim('    no place: the finding is about something missing'));
  return lines;
}

/** One finding deciding the strategy is worth saying: the verdict stands or falls with its places. */
function decidedByOne(reasons: string[], findings: Finding[], c: ChalkInstance): string[] {
  const deciding = findings.filter((finding) => reasons.includes(strategyReason(finding)));
  if (deciding.length !== 1) return [];
  const [only] = deciding as [Finding];
  return [
    c.yellow(
      `  One finding decides the strategy: ${only.ruleId} (${only.evidenceCount} place${only.evidenceCount === 1 ? '' : 's'}); open its places below before acting on it.`,
    ),
  ];
}
