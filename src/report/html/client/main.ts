import type { ReportData } from '../report-data.js';
import { renderApplicationPage } from './application-page.js';
import { renderApplications } from './applications.js';
import { h, routeTo } from './dom.js';
import { createGraphView } from './graph.js';
import { renderNotes } from './notes.js';
import { renderOverview } from './overview.js';
import { indexReport } from './report-index.js';
import { renderSplits, renderWaves } from './waves.js';
import { renderServers } from './servers.js';
import { pictureChartsForPrint } from './charts.js';
import { fillContents, pageFooters, printCover, type PrintMode } from './print.js';
import { labelTableCells } from './narrow-tables.js';
import { renderRemediationGuide } from './print-findings.js';

const data = JSON.parse(document.getElementById('cloudready-data')!.textContent!) as ReportData;
const index = indexReport(data);
const root = document.getElementById('report')!;

const page = (id: string, label: string, printed = '') =>
  h('section', { class: `page ${printed}`.trim(), id: `page-${id}`, 'aria-label': label, hidden: true });
const hasServers = data.hosts.some((server) => server.readiness);

const graph = createGraphView(index);
const pages = {
  overview: page('overview', 'Overview'),
  applications: page('applications', 'Applications'),
  // The executive summary prints neither the graph, the splits, the notes nor the application pages.
  graph: page('graph', 'Dependency graph', 'print-full'),
  waves: page('waves', 'Migration waves'),
  servers: page('servers', 'Servers', hasServers ? '' : 'print-never'),
  splits: page('splits', 'Service splits', 'print-full'),
  notes: page('notes', 'Scan notes', 'print-full'),
};
pages.overview.append(renderOverview(index));
pages.applications.append(renderApplications(index));
pages.graph.append(graph.element);
pages.waves.append(renderWaves(index));
pages.servers.append(renderServers(index));
pages.splits.append(renderSplits(index));
pages.notes.append(renderNotes(index));

// One page per application, filled the first time it is opened (or printed).
const appPages = new Map(
  data.applications.map((app) => [
    app.id,
    h('section', { class: 'page app-page', id: `page-app-${app.id}`, 'aria-label': app.name, hidden: true }),
  ]),
);
function appPage(id: string): HTMLElement | undefined {
  const section = appPages.get(id);
  const app = index.apps.get(id);
  if (section && app && !section.hasChildNodes()) section.append(renderApplicationPage(app, index));
  return section;
}

const nav = h(
  'nav',
  { class: 'sidebar no-print', 'aria-label': 'Sections' },
  h('div', { class: 'brand' }, 'cloudready'),
  h(
    'ul',
    null,
    (
      [
        ['overview', 'Overview'],
        ['applications', `Applications (${data.applications.length})`],
        ['graph', 'Dependency graph'],
        ['waves', 'Migration waves'],
        ...(hasServers
          ? ([['servers', `Servers (${data.hosts.filter((server) => server.readiness).length})`]] as const)
          : []),
        ['splits', 'Service splits'],
        ['notes', 'Scan notes'],
      ] as const
    ).map(([route, label]) => h('li', null, h('a', { href: routeTo(route), 'data-route': route }, label))),
  ),
  h('button', { type: 'button', class: 'print-button', onclick: () => printAs('full') }, 'Print the full report'),
  h(
    'button',
    { type: 'button', class: 'print-button', onclick: () => printAs('executive') },
    'Print the executive summary',
  ),
  h('p', { class: 'small muted' }, 'Or save either as PDF from the print dialogue.'),
  h('p', { class: 'small muted' }, `cloudready ${data.tool.version}`),
);

const cover = printCover(index);
// What to do about each rule, said once: printed after the application pages, which refer to it.
const guide = h('section', {
  class: 'page print-only print-full',
  id: 'page-remediation',
  'aria-label': 'What to do, rule by rule',
});
const content = h(
  'main',
  { id: 'content' },
  cover,
  Object.values(pages),
  h('div', { class: 'app-pages print-full', id: 'app-pages' }, [...appPages.values()]),
  guide,
);
root.append(nav, content);
document.head.append(pageFooters(index));
// On a phone, table rows become cards whose cells are labelled with their column.
labelTableCells(content);

function show(): void {
  const [route = 'overview', ...rest] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  let target: HTMLElement | undefined = pages[route as keyof typeof pages];
  if (route === 'app') target = appPage(rest[0] ?? '');
  target ??= pages.overview;
  for (const section of [...Object.values(pages), ...appPages.values()]) section.hidden = section !== target;
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-route]'))
    link.toggleAttribute('aria-current', link.dataset.route === (route === 'app' ? 'applications' : route));
  document.title = `${target.getAttribute('aria-label')} · ${data.title}`;
  if (target === pages.graph) graph.show(rest[0]);
  window.scrollTo(0, 0);
}

function printAs(mode: PrintMode): void {
  document.body.dataset.print = mode;
  window.print();
}

// A print gives the whole report (or the executive summary): every section it holds, every
// application, the charts and the graph as pictures. What is folded on screen stays folded.
window.addEventListener('beforeprint', () => {
  const mode: PrintMode = document.body.dataset.print === 'executive' ? 'executive' : 'full';
  document.body.dataset.print = mode;
  if (mode === 'full') {
    for (const id of appPages.keys()) appPage(id);
    graph.snapshot();
    if (!guide.hasChildNodes()) guide.append(renderRemediationGuide(index));
  }
  pictureChartsForPrint();
  fillContents(cover, index, mode, hasServers);
});
window.addEventListener('afterprint', () => {
  delete document.body.dataset.print;
});

window.addEventListener('hashchange', show);
show();
document.body.dataset.ready = 'true';
