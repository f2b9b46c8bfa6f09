import { chartFigure } from './charts.js';
import { h, routeTo } from './dom.js';
import { renderRoadmap } from './roadmap.js';
import { renderTrend } from './trend.js';
import { valueQuadrant } from './value-quadrant.js';
import { categoryLabel } from '../../category-labels.js';
import {
  formatDate,
  formatDays,
  formatInteger,
  plural,
  SCORE_COLOURS,
  scoreBand,
  SEVERITY_COLOURS,
  STRATEGIES,
  STRATEGY_COLOURS,
} from './format.js';
import type { ReportIndex } from './report-index.js';

function card(label: string, value: string, detail?: string): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    h('div', { class: 'card-label' }, label),
    h('div', { class: 'card-value' }, value),
    detail ? h('div', { class: 'card-detail' }, detail) : null,
  );
}

function appLinks(index: ReportIndex, ids: string[]): HTMLElement[] {
  return ids.slice(0, 6).map((id) => {
    const app = index.apps.get(id);
    return app ? h('a', { href: routeTo('app', id), class: 'chip' }, app.name) : h('span', { class: 'chip' }, id);
  });
}

function scoreDistribution(index: ReportIndex): HTMLElement {
  const buckets = Array.from({ length: 10 }, (_, bucket) => ({
    label: bucket === 9 ? '90-100' : `${bucket * 10}-${bucket * 10 + 9}`,
    count: 0,
    colour: SCORE_COLOURS[scoreBand(bucket * 10 + 5)],
  }));
  for (const app of index.data.applications) buckets[Math.min(9, Math.floor(app.score / 10))]!.count++;
  return chartFigure(
    'Readiness scores',
    {
      type: 'bar',
      data: {
        labels: buckets.map((bucket) => bucket.label),
        datasets: [
          {
            label: 'Applications',
            data: buckets.map((bucket) => bucket.count),
            backgroundColor: buckets.map((bucket) => bucket.colour),
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'applications' } },
          x: { title: { display: true, text: 'score' } },
        },
      },
    },
    { head: ['Score', 'Applications'], rows: buckets.map((bucket) => [bucket.label, bucket.count]) },
  );
}

function strategyBreakdown(index: ReportIndex): HTMLElement {
  const counts = STRATEGIES.map((strategy) => ({
    strategy,
    count: index.data.applications.filter((app) => app.strategy === strategy).length,
    effort: index.data.applications
      .filter((app) => app.strategy === strategy)
      .reduce((sum, app) => sum + app.effort, 0),
  })).filter((entry) => entry.count > 0);
  return chartFigure(
    'Strategies',
    {
      type: 'doughnut',
      data: {
        labels: counts.map((entry) => entry.strategy),
        datasets: [
          {
            data: counts.map((entry) => entry.count),
            backgroundColor: counts.map((entry) => STRATEGY_COLOURS[entry.strategy]),
          },
        ],
      },
      options: { plugins: { legend: { position: 'right' } } },
    },
    {
      head: ['Strategy', 'Applications', 'Effort (person-days)'],
      rows: counts.map((entry) => [entry.strategy, entry.count, formatDays(entry.effort)]),
    },
  );
}

function blockersByCategory(index: ReportIndex): HTMLElement | null {
  const byCategory = new Map<string, { findings: number; apps: Set<string> }>();
  for (const finding of index.data.findings) {
    if (finding.severity !== 'blocker') continue;
    const entry = byCategory.get(finding.category) ?? { findings: 0, apps: new Set<string>() };
    entry.findings++;
    entry.apps.add(finding.applicationId);
    byCategory.set(finding.category, entry);
  }
  const rows = [...byCategory].sort((a, b) => b[1].apps.size - a[1].apps.size || a[0].localeCompare(b[0]));
  if (rows.length === 0)
    return h(
      'figure',
      { class: 'chart' },
      h('figcaption', null, 'Blockers by category'),
      h('p', { class: 'muted' }, 'No blocker was found: nothing stops any application from moving.'),
    );
  return chartFigure(
    'Blockers by category',
    {
      type: 'bar',
      data: {
        labels: rows.map(([category]) => categoryLabel(category)),
        datasets: [
          {
            label: 'Applications blocked',
            data: rows.map(([, entry]) => entry.apps.size),
            backgroundColor: SEVERITY_COLOURS.blocker,
          },
        ],
      },
      // The axis runs to the number of applications: a bar reads "1 of 9", not a full 0-1 scale.
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: {
          x: {
            beginAtZero: true,
            max: Math.max(1, index.data.applications.length),
            ticks: { precision: 0 },
            title: { display: true, text: `applications blocked, of ${index.data.applications.length}` },
          },
        },
      },
    },
    {
      head: ['Category', 'Applications blocked', 'Blocker findings'],
      rows: rows.map(([category, entry]) => [categoryLabel(category), entry.apps.size, entry.findings]),
    },
    Math.max(160, rows.length * 34 + 60),
  );
}

/** The effort of each wave; what stays is no wave, so it is said under the chart, not drawn as a bar. */
function effortByWave(index: ReportIndex): HTMLElement {
  const { waves, staying } = index.data.waves;
  const stayingEffort = staying.reduce((sum, stay) => sum + (index.apps.get(stay.application)?.effort ?? 0), 0);
  const rows = waves.map((wave) => ({
    label:
      wave.number === 1 && wave.reasons.some((reason) => /pilot/i.test(reason))
        ? 'Wave 1 (pilot)'
        : `Wave ${wave.number}`,
    effort: wave.effort,
    apps: wave.applications.length,
  }));
  const figure = chartFigure(
    'Effort by wave',
    {
      type: 'bar',
      data: {
        labels: rows.map((row) => row.label),
        datasets: [{ label: 'Person-days (typical)', data: rows.map((row) => row.effort), backgroundColor: '#1565c0' }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'person-days' } } },
      },
    },
    {
      head: ['Wave', 'Applications', 'Effort (person-days)'],
      rows: rows.map((row) => [row.label, row.apps, formatDays(row.effort)]),
    },
  );
  if (staying.length > 0)
    figure.append(
      h(
        'p',
        { class: 'muted small' },
        `Not in any wave: ${plural(staying.length, 'application')} stay (${formatDays(stayingEffort)} person-days if they were moved).`,
      ),
    );
  return figure;
}

/** The cheapest cloud's monthly cost of the servers that could be sized, when the inventories describe servers. */
function runCost(index: ReportIndex): HTMLElement | null {
  const costs = index.data.serverCosts;
  if (!costs) return null;
  const names = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' } as const;
  const priced = (Object.keys(names) as (keyof typeof names)[]).flatMap((cloud) =>
    costs.clouds[cloud] ? [{ cloud, cost: costs.clouds[cloud] }] : [],
  );
  const cheapest = priced.sort((a, b) => a.cost.monthly - b.cost.monthly)[0];
  if (!cheapest) return null;
  const { cloud, cost } = cheapest;
  const amount = `${costs.currency === 'USD' ? '$' : `${costs.currency} `}${formatInteger(Math.round(cost.monthly))}`;
  return card(
    'Run cost',
    `${amount} a month`,
    `on ${names[cloud]} (${costs.source === 'built-in' ? 'list prices' : 'given prices'}) for ${plural(cost.servers, 'server')} sized; the servers page compares clouds`,
  );
}

export function renderOverview(index: ReportIndex): HTMLElement {
  const { data } = index;
  const apps = data.applications;
  const average = apps.length ? Math.round(apps.reduce((sum, app) => sum + app.score, 0) / apps.length) : 0;
  // Ready to move as they are: rehosted, nothing to change first (a replatform is a change).
  const ready = apps.filter((app) => app.blockers === 0 && app.strategy === 'rehost').length;
  const blocked = apps.filter((app) => app.blockers > 0).length;
  const { summary } = data;
  return h(
    'div',
    null,
    h('h1', null, data.title),
    // The scanned folders by name (build-report-data.ts): the consultant's own paths are no part of a client's report.
    h(
      'p',
      { class: 'muted' },
      `Scanned ${formatDate(data.scannedAt)} by cloudready ${data.tool.version} · ${data.roots.join(', ')}`,
    ),
    data.gate
      ? h(
          'p',
          { class: `gate ${data.gate.passed ? 'passed' : 'failed'}` },
          data.gate.passed
            ? 'CI gate passed.'
            : `CI gate failed for ${plural(data.gate.failures.length, 'application')}: ${data.gate.failures.map((failure) => data.applications.find((app) => app.id === failure.applicationId)?.name ?? failure.applicationId).join(', ')}.`,
        )
      : null,
    h(
      'section',
      { class: 'key-messages', 'aria-label': 'Key messages' },
      h('h2', null, 'Key messages'),
      h(
        'ul',
        null,
        data.keyMessages.map((message) => h('li', null, message)),
      ),
    ),
    h(
      'div',
      { class: 'cards' },
      card(
        'Applications',
        formatInteger(apps.length),
        `${formatInteger(summary.loc)} lines of code in ${formatInteger(summary.files)} files`,
      ),
      card('Average readiness', `${average} / 100`, `${plural(ready, 'application')} ready to move as they are`),
      card('Blocked', formatInteger(blocked), `${plural(summary.findings.blocker, 'blocker finding')}`),
      card(
        'Effort',
        `${formatInteger(summary.effortRange.low)}–${formatInteger(summary.effortRange.high)}`,
        `person-days; ${formatDays(summary.effort)} typical`,
      ),
      card(
        'Estate',
        formatInteger(summary.inventory.hosts),
        `hosts, ${plural(summary.inventory.connections, 'connection')} from ${plural(summary.inventory.files, 'inventory file')}`,
      ),
      runCost(index),
    ),
    h(
      'div',
      { class: 'charts' },
      scoreDistribution(index),
      strategyBreakdown(index),
      blockersByCategory(index),
      effortByWave(index),
    ),
    renderTrend(index),
    index.data.waves.schedule ? renderRoadmap(index) : null,
    valueQuadrant(index),
    h('h2', null, 'Top risks'),
    data.risks.length === 0
      ? h(
          'p',
          { class: 'muted' },
          'No blocker, no circular dependency, no shared datastore and no unknown endpoint was found.',
        )
      : h(
          'ol',
          { class: 'risks' },
          data.risks.map((risk) =>
            h(
              'li',
              null,
              h('span', { class: `badge severity-${risk.severity}` }, risk.severity),
              ' ',
              risk.text,
              risk.applications.length ? h('div', { class: 'chips' }, appLinks(index, risk.applications)) : null,
            ),
          ),
        ),
    ...(data.setAside.length
      ? [
          h('h2', null, 'Not migration candidates'),
          h(
            'ul',
            null,
            data.setAside.map((unit) =>
              h('li', null, h('strong', null, unit.name), ` (${unit.path}), a ${unit.kind}: ${unit.reason}`),
            ),
          ),
        ]
      : []),
  );
}
