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

const data = JSON.parse(document.getElementById('cloudready-data')!.textContent!) as ReportData;
const index = indexReport(data);
const root = document.getElementById('report')!;

const page = (id: string, label: string) => h('section', { class: 'page', id: `page-${id}`, 'aria-label': label, hidden: true });

const graph = createGraphView(index);
const pages = {
  overview: page('overview', 'Overview'),
  applications: page('applications', 'Applications'),
  graph: page('graph', 'Dependency graph'),
  waves: page('waves', 'Migration waves'),
  servers: page('servers', 'Servers'),
  splits: page('splits', 'Service splits'),
  notes: page('notes', 'Scan notes'),
};
pages.overview.append(renderOverview(index));
pages.applications.append(renderApplications(index));
pages.graph.append(graph.element);
pages.waves.append(renderWaves(index));
pages.servers.append(renderServers(index));
pages.splits.append(renderSplits(index));
pages.notes.append(renderNotes(index));

// One page per application, filled the first time it is opened (or printed).
const appPages = new Map(data.applications.map((app) => [app.id, h('section', { class: 'page app-page', id: `page-app-${app.id}`, 'aria-label': app.name, hidden: true })]));
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
        ...(data.hosts.some((server) => server.readiness) ? ([['servers', `Servers (${data.hosts.filter((server) => server.readiness).length})`]] as const) : []),
        ['splits', 'Service splits'],
        ['notes', 'Scan notes'],
      ] as const
    ).map(([route, label]) => h('li', null, h('a', { href: routeTo(route), 'data-route': route }, label))),
  ),
  h('button', { type: 'button', class: 'print-button', onclick: () => window.print() }, 'Print or save as PDF'),
  h('p', { class: 'small muted' }, `cloudready ${data.tool.version}`),
);

root.append(nav, h('main', { id: 'content' }, Object.values(pages), h('div', { class: 'app-pages' }, [...appPages.values()])));

function show(): void {
  const [route = 'overview', ...rest] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  let target: HTMLElement | undefined = pages[route as keyof typeof pages];
  if (route === 'app') target = appPage(rest[0] ?? '');
  target ??= pages.overview;
  for (const section of [...Object.values(pages), ...appPages.values()]) section.hidden = section !== target;
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-route]')) link.toggleAttribute('aria-current', link.dataset.route === (route === 'app' ? 'applications' : route));
  document.title = `${target.getAttribute('aria-label')} · ${data.title}`;
  if (target === pages.graph) graph.show(rest[0]);
  window.scrollTo(0, 0);
}

// Print gives the whole report: every section and every application, the graph as a picture.
let closedDetails: HTMLDetailsElement[] = [];
window.addEventListener('beforeprint', () => {
  for (const id of appPages.keys()) appPage(id);
  graph.snapshot();
  closedDetails = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')].filter((details) => !details.classList.contains('chart-data'));
  for (const details of closedDetails) details.open = true;
});
window.addEventListener('afterprint', () => {
  for (const details of closedDetails) details.open = false;
});

window.addEventListener('hashchange', show);
show();
document.body.dataset.ready = 'true';
