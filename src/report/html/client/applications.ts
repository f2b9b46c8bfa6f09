import type { Application } from '../../../result/schema.js';
import { clear, h, routeTo } from './dom.js';
import { formatDays, formatInteger, scoreBand, STRATEGIES } from './format.js';
import type { ReportIndex } from './report-index.js';
import { applicationDownloads } from './downloads.js';

interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  value: (app: Application, index: ReportIndex) => string | number;
  cell: (app: Application, index: ReportIndex) => HTMLElement | string;
}

/** An application's languages by their display names (C#, not csharp), most lines first: as the terminal table names them. */
export function languagesOf(app: Application, index: ReportIndex): string[] {
  return Object.entries(app.languages)
    .sort((a, b) => b[1] - a[1])
    .map(([language]) => index.data.languageNames[language] ?? language);
}

export function scoreMeter(score: number): HTMLElement {
  return h(
    'span',
    { class: `score score-${scoreBand(score)}`, title: `readiness ${score} of 100` },
    h('span', { class: 'score-track' }, h('span', { class: 'score-bar', style: `width:${score}%` })),
    h('span', { class: 'score-value' }, score),
  );
}

export const strategyBadge = (strategy: string) =>
  h('span', { class: `badge strategy strategy-${strategy}` }, strategy);

const waveLabel = (app: Application, index: ReportIndex) => {
  const wave = index.waveOf.get(app.id);
  return wave ? `wave ${wave}` : index.stays.has(app.id) ? 'stays' : '';
};

const COLUMNS: Column[] = [
  {
    key: 'name',
    label: 'Application',
    value: (app) => app.name.toLowerCase(),
    cell: (app) => h('a', { href: routeTo('app', app.id) }, app.name),
  },
  { key: 'score', label: 'Score', numeric: true, value: (app) => app.score, cell: (app) => scoreMeter(app.score) },
  {
    key: 'strategy',
    label: 'Strategy',
    value: (app) => STRATEGIES.indexOf(app.strategy),
    cell: (app) => strategyBadge(app.strategy),
  },
  {
    key: 'blockers',
    label: 'Blockers',
    numeric: true,
    value: (app) => app.blockers,
    cell: (app) => (app.blockers ? h('span', { class: 'count-blocker' }, app.blockers) : '0'),
  },
  {
    key: 'findings',
    label: 'Major / minor',
    numeric: true,
    value: (app) => app.findingCounts.major * 1000 + app.findingCounts.minor,
    cell: (app) => `${app.findingCounts.major} / ${app.findingCounts.minor}`,
  },
  {
    key: 'effort',
    label: 'Effort (days)',
    numeric: true,
    value: (app) => app.effort,
    cell: (app) => `${formatDays(app.effortRange.low)}–${formatDays(app.effortRange.high)}`,
  },
  {
    key: 'confidence',
    label: 'Confidence',
    numeric: true,
    value: (app) => app.confidence.score,
    cell: (app) => h('span', { class: `confidence-${app.confidence.level}` }, app.confidence.level),
  },
  { key: 'wave', label: 'Wave', numeric: true, value: (app, index) => index.waveOf.get(app.id) ?? 99, cell: waveLabel },
  { key: 'loc', label: 'Lines', numeric: true, value: (app) => app.loc, cell: (app) => formatInteger(app.loc) },
  {
    key: 'languages',
    label: 'Languages',
    value: (app, index) => languagesOf(app, index).join(' '),
    cell: (app, index) => languagesOf(app, index).join(', '),
  },
];

/** The portfolio table: sortable by any column, filtered by text, strategy, score and blockers. */
export function renderApplications(index: ReportIndex): HTMLElement {
  const state = { sort: 'score', descending: false, text: '', strategy: '', maxScore: 100, blockedOnly: false };
  const body = h('tbody');
  const shown = h('span', { class: 'muted', 'data-testid': 'shown-count' });
  const headers = new Map<string, HTMLElement>();

  function rows(): Application[] {
    const text = state.text.trim().toLowerCase();
    const column = COLUMNS.find((candidate) => candidate.key === state.sort)!;
    return (
      index.data.applications
        .filter((app) => !state.strategy || app.strategy === state.strategy)
        .filter((app) => app.score <= state.maxScore && (!state.blockedOnly || app.blockers > 0))
        // A language is found by its id or its name: csharp or C#.
        .filter(
          (app) =>
            !text ||
            [app.id, app.name, app.path, ...Object.keys(app.languages), ...languagesOf(app, index)].some((field) =>
              field.toLowerCase().includes(text),
            ),
        )
        .sort((a, b) => {
          const left = column.value(a, index);
          const right = column.value(b, index);
          const order =
            typeof left === 'number' && typeof right === 'number'
              ? left - right
              : String(left).localeCompare(String(right));
          return (state.descending ? -order : order) || a.id.localeCompare(b.id);
        })
    );
  }

  function draw(): void {
    clear(body);
    const list = rows();
    for (const app of list)
      body.appendChild(
        h(
          'tr',
          { 'data-app': app.id },
          COLUMNS.map((column) => h('td', { class: column.numeric ? 'numeric' : undefined }, column.cell(app, index))),
        ),
      );
    if (list.length === 0)
      body.appendChild(
        h('tr', null, h('td', { colspan: COLUMNS.length, class: 'muted' }, 'No application matches these filters.')),
      );
    shown.textContent = `${formatInteger(list.length)} of ${formatInteger(index.data.applications.length)} applications`;
    for (const [key, header] of headers)
      header.setAttribute('aria-sort', key === state.sort ? (state.descending ? 'descending' : 'ascending') : 'none');
  }

  const head = h(
    'tr',
    null,
    COLUMNS.map((column) => {
      const header = h(
        'th',
        { class: column.numeric ? 'numeric' : undefined, scope: 'col' },
        h(
          'button',
          {
            type: 'button',
            class: 'sort',
            onclick: () => {
              state.descending =
                state.sort === column.key
                  ? !state.descending
                  : column.numeric === true && column.key !== 'score' && column.key !== 'wave';
              state.sort = column.key;
              draw();
            },
          },
          column.label,
        ),
      );
      headers.set(column.key, header);
      return header;
    }),
  );

  const search = h('input', {
    type: 'search',
    placeholder: 'Filter by name, path or language',
    'aria-label': 'Filter applications',
    oninput: (event) => ((state.text = (event.target as HTMLInputElement).value), draw()),
  });
  const strategy = h(
    'select',
    {
      'aria-label': 'Strategy',
      onchange: (event) => ((state.strategy = (event.target as HTMLSelectElement).value), draw()),
    },
    h('option', { value: '' }, 'All strategies'),
    STRATEGIES.filter((candidate) => index.data.applications.some((app) => app.strategy === candidate)).map(
      (candidate) => h('option', { value: candidate }, candidate),
    ),
  );
  const maxScore = h(
    'select',
    {
      'aria-label': 'Score at most',
      onchange: (event) => ((state.maxScore = Number((event.target as HTMLSelectElement).value)), draw()),
    },
    [100, 79, 49].map((value) => h('option', { value }, value === 100 ? 'Any score' : `Score ≤ ${value}`)),
  );
  const blocked = h('input', {
    type: 'checkbox',
    onchange: (event) => ((state.blockedOnly = (event.target as HTMLInputElement).checked), draw()),
  });

  draw();
  return h(
    'div',
    null,
    h('h1', null, 'Applications'),
    h(
      'div',
      { class: 'toolbar no-print' },
      search,
      strategy,
      maxScore,
      h('label', null, blocked, ' with blockers only'),
      shown,
      applicationDownloads(index),
    ),
    h('div', { class: 'table-wrap' }, h('table', { class: 'applications' }, h('thead', null, head), body)),
  );
}
