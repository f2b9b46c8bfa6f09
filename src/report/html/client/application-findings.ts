import type { Evidence } from '../../../result/schema.js';
import type { ReportFinding } from '../report-data.js';
import { categoryLabel } from '../../category-labels.js';
import { externalLink, h } from './dom.js';
import { formatDays, plural, SEVERITIES } from './format.js';
import type { ReportIndex } from './report-index.js';

/** An application's findings on screen, by category, worst first: each with its places and the code around them. */

/** The code around an evidence line, numbered, the matched line marked. */
function codeBlock(item: Evidence): HTMLElement | null {
  if (item.context) {
    const { firstLine, lines } = item.context;
    return h(
      'pre',
      { class: 'code' },
      lines.map((text, offset) => {
        const number = firstLine + offset;
        return h(
          'span',
          { class: number === item.line ? 'line hit' : 'line' },
          h('span', { class: 'line-number', 'aria-hidden': 'true' }, number),
          text || ' ',
          '\n',
        );
      }),
    );
  }
  return item.snippet
    ? h(
        'pre',
        { class: 'code' },
        h(
          'span',
          { class: 'line hit' },
          item.line ? h('span', { class: 'line-number', 'aria-hidden': 'true' }, item.line) : null,
          item.snippet,
        ),
      )
    : null;
}

const location = (item: Evidence) => (item.line ? `${item.file}:${item.line}` : item.file);

/** The first places with their code around them; the others a line each. */
function evidenceList(finding: ReportFinding): HTMLElement {
  const more = finding.evidenceCount - finding.evidence.length;
  const withCode = finding.evidence.filter((item) => item.context);
  const brief = finding.evidence.filter((item) => !item.context);
  return h(
    'div',
    { class: 'evidence' },
    withCode.map((item) =>
      h('div', { class: 'place' }, h('div', { class: 'location' }, location(item)), codeBlock(item)),
    ),
    brief.length
      ? h(
          'ul',
          { class: 'places' },
          brief.map((item) =>
            h(
              'li',
              null,
              h('span', { class: 'location' }, location(item)),
              item.snippet ? h('code', null, item.snippet) : null,
            ),
          ),
        )
      : null,
    more > 0
      ? h('p', { class: 'muted small' }, `… and ${plural(more, 'more place')} (the JSON result lists up to 25).`)
      : null,
  );
}

function findingArticle(finding: ReportFinding, index: ReportIndex): HTMLElement {
  const rule = index.rules.get(finding.ruleId);
  return h(
    'article',
    { class: `finding severity-${finding.severity}`, id: `finding-${finding.id}` },
    h(
      'header',
      null,
      h('span', { class: `badge severity-${finding.severity}` }, finding.severity),
      ' ',
      h('strong', null, finding.title ?? rule?.title ?? finding.ruleId),
      ' ',
      h('code', { class: 'rule-id' }, finding.ruleId),
      finding.baselineState
        ? h('span', { class: `badge baseline-${finding.baselineState}` }, finding.baselineState)
        : null,
    ),
    h(
      'p',
      null,
      finding.message,
      ` · effort ${formatDays(finding.effort)} person-days`,
      finding.strategyHint ? ` · points to ${finding.strategyHint}` : '',
    ),
    rule?.description ? h('p', { class: 'description' }, rule.description) : null,
    h(
      'div',
      { class: 'remediation' },
      h('strong', null, 'Remediation: '),
      finding.remediation ?? rule?.remediation ?? '',
    ),
    rule && rule.references.length
      ? h(
          'p',
          { class: 'small' },
          'References: ',
          rule.references.map((reference, at) => [at ? ', ' : '', externalLink(reference)]),
        )
      : null,
    finding.evidence.length ? evidenceList(finding) : null,
  );
}

function worstSeverity(findings: ReportFinding[]): number {
  return Math.min(...findings.map((finding) => SEVERITIES.indexOf(finding.severity)));
}

export function findingsByCategory(findings: ReportFinding[], index: ReportIndex): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'muted' }, 'No finding: no rule found anything to change.');
  const categories = new Map<string, ReportFinding[]>();
  for (const finding of findings)
    categories.set(finding.category, [...(categories.get(finding.category) ?? []), finding]);
  return h(
    'div',
    null,
    [...categories]
      .sort(
        (a, b) => worstSeverity(a[1]) - worstSeverity(b[1]) || b[1].length - a[1].length || a[0].localeCompare(b[0]),
      )
      .map(([category, list]) =>
        h(
          'section',
          { class: 'category' },
          h('h3', null, `${categoryLabel(category)} (${list.length})`),
          list
            .sort(
              (a, b) =>
                SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.ruleId.localeCompare(b.ruleId),
            )
            .map((finding) => findingArticle(finding, index)),
        ),
      ),
  );
}
