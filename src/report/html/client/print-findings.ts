import type { RuleInfo } from '../../../result/schema.js';
import type { ReportFinding } from '../report-data.js';
import { externalLink, h } from './dom.js';
import { formatDays, plural, SEVERITIES } from './format.js';
import type { ReportIndex } from './report-index.js';

/** Places a printed finding names: the rest are on screen and in the JSON result. */
const PRINTED_PLACES = 3;

const bySeverity = (a: ReportFinding, b: ReportFinding) =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
  a.category.localeCompare(b.category) ||
  a.ruleId.localeCompare(b.ruleId) ||
  a.id.localeCompare(b.id);

/** A place as the application's page prints it: its path within the application, whose folder heads the page. */
function printedPlace(file: string, line: number | undefined, appPath: string): string {
  const inside = appPath && appPath !== '.' && file.startsWith(`${appPath}/`) ? file.slice(appPath.length + 1) : file;
  return line ? `${inside}:${line}` : inside;
}

/**
 * An application's findings as a printed table: what, where, how much; notes of severity info
 * in one line under it. What to do about each rule is said once, in the print's last section,
 * instead of on every application's pages.
 */
export function printedFindings(findings: ReportFinding[], index: ReportIndex, appPath: string): HTMLElement {
  if (findings.length === 0)
    return h('p', { class: 'muted print-only' }, 'No finding: no rule found anything to change.');
  const title = (finding: ReportFinding) => finding.title ?? index.rules.get(finding.ruleId)?.title ?? finding.ruleId;
  const listed = findings.filter((finding) => finding.severity !== 'info').sort(bySeverity);
  const notes = findings.filter((finding) => finding.severity === 'info').sort(bySeverity);
  return h(
    'div',
    { class: 'print-only' },
    listed.length
      ? h(
          'table',
          { class: 'compact printed-findings' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { class: 'severity' }, 'Severity'),
              h('th', { class: 'what' }, 'Finding'),
              h('th', { class: 'where' }, 'Where'),
              h('th', { class: 'numeric days' }, 'Days'),
            ),
          ),
          h(
            'tbody',
            null,
            listed.map((finding) => {
              const places = finding.evidence
                .slice(0, PRINTED_PLACES)
                .map((item) => printedPlace(item.file, item.line, appPath));
              const more = finding.evidenceCount - places.length;
              return h(
                'tr',
                null,
                h('td', null, h('span', { class: `badge severity-${finding.severity}` }, finding.severity)),
                h(
                  'td',
                  null,
                  h('strong', null, title(finding)),
                  finding.baselineState
                    ? h('span', { class: `badge baseline-${finding.baselineState}` }, finding.baselineState)
                    : null,
                  h('div', { class: 'rule-id' }, finding.ruleId),
                  finding.remediation ? h('div', { class: 'small' }, 'Remediation: ', finding.remediation) : null,
                ),
                h(
                  'td',
                  { class: 'where' },
                  places.map((place) => h('div', null, place)),
                  more > 0 ? h('div', { class: 'muted' }, `and ${plural(more, 'more place')}`) : null,
                ),
                h('td', { class: 'numeric' }, formatDays(finding.effort)),
              );
            }),
          ),
        )
      : null,
    notes.length
      ? h(
          'p',
          { class: 'small' },
          h('strong', null, 'Also noted (info): '),
          notes.map((finding) => `${title(finding)} (${finding.ruleId})`).join('; '),
          '.',
        )
      : null,
  );
}

/** The last printed section: each rule that found something, what it means and what to do, and where it applies. */
export function renderRemediationGuide(index: ReportIndex): HTMLElement {
  const appsByRule = new Map<string, Set<string>>();
  for (const finding of index.data.findings) {
    const apps = appsByRule.get(finding.ruleId) ?? new Set<string>();
    apps.add(index.apps.get(finding.applicationId)?.name ?? finding.applicationId);
    appsByRule.set(finding.ruleId, apps);
  }
  const rules = [...appsByRule.keys()]
    .map((id) => index.rules.get(id))
    .filter((rule): rule is RuleInfo => Boolean(rule));
  rules.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id));
  return h(
    'div',
    null,
    h('h1', null, 'What to do, rule by rule'),
    h(
      'p',
      { class: 'muted' },
      `The ${plural(rules.length, 'rule')} that found something, the most severe first: what to do about each, and why for each blocker (the report on screen says why for every rule).`,
    ),
    h(
      'div',
      { class: 'remediation-guide' },
      rules.map((rule) =>
        h(
          'p',
          { class: 'guide-entry' },
          h('span', { class: `badge severity-${rule.severity}` }, rule.severity),
          ' ',
          h('strong', null, rule.title),
          ' ',
          h('code', { class: 'rule-id' }, rule.id),
          ' ',
          // Why a blocker matters is printed; for the others, the screen says why and the print what to do.
          rule.severity === 'blocker' ? [rule.description, ' '] : null,
          h('strong', null, 'What to do: '),
          rule.remediation,
          ' ',
          h('span', { class: 'muted' }, `Found in ${[...appsByRule.get(rule.id)!].sort().join(', ')}.`),
          rule.references.length
            ? [' ', rule.references.map((reference, at) => [at ? ', ' : '', externalLink(reference)])]
            : null,
        ),
      ),
    ),
  );
}
