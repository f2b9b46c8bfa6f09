import { h } from './dom.js';
import { formatDate, plural } from './format.js';
import type { ReportIndex } from './report-index.js';

/**
 * What a print holds. The full report: every section and application. The executive summary:
 * the cover, the overview, the portfolio table, the waves and the servers' summary, for a
 * steering committee that reads eight pages, not eighty.
 */
export type PrintMode = 'full' | 'executive';

/** The page a print starts with: the title, for whom, by whom, when, and how confidential. */
export function printCover(index: ReportIndex): HTMLElement {
  const { data } = index;
  const { client, author, classification } = data.document;
  return h(
    'section',
    { class: 'print-cover print-only', id: 'print-cover' },
    classification ? h('p', { class: 'classification' }, classification) : null,
    h('h1', null, data.title),
    client ? h('p', { class: 'cover-client' }, `Prepared for ${client}`) : null,
    author ? h('p', null, `Prepared by ${author}`) : null,
    h('p', null, formatDate(data.scannedAt)),
    h(
      'p',
      { class: 'muted' },
      `${plural(data.applications.length, 'application')}, ${plural(data.summary.loc, 'line')} of code in ${plural(data.summary.files, 'file')}`,
      data.summary.inventory.hosts
        ? `, ${plural(data.summary.inventory.hosts, 'host')} from ${plural(data.summary.inventory.files, 'inventory file')}`
        : '',
      `. Scanned: ${data.roots.join(', ')}. cloudready ${data.tool.version}.`,
    ),
    h('div', { class: 'cover-contents' }),
  );
}

interface Entry {
  target: string;
  label: string;
  children?: Entry[];
}

/** The sections a print holds, in order, for its table of contents. */
function entries(index: ReportIndex, mode: PrintMode, hasServers: boolean): Entry[] {
  const apps = [...index.data.applications].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const list: (Entry | false)[] = [
    { target: 'page-overview', label: 'Overview: key messages, charts and top risks' },
    { target: 'page-applications', label: `Applications (${apps.length})` },
    mode === 'full' && { target: 'page-graph', label: 'Dependency graph' },
    { target: 'page-waves', label: 'Migration waves' },
    hasServers && {
      target: 'page-servers',
      label: mode === 'full' ? 'Servers' : 'Servers: readiness and cost per cloud',
    },
    mode === 'full' && { target: 'page-splits', label: 'Service splits' },
    mode === 'full' && { target: 'page-notes', label: 'Scan notes: what was read and skipped' },
    mode === 'full' && {
      target: 'app-pages',
      label: 'Application details',
      children: apps.map((app) => ({ target: `page-app-${app.id}`, label: app.name })),
    },
    mode === 'full' && { target: 'page-remediation', label: 'What to do, rule by rule' },
  ];
  return list.filter((entry): entry is Entry => Boolean(entry));
}

/**
 * The contents, on the cover. Chromium cannot print the page a link leads to (no
 * target-counter), so the entries are links, which stay links in the PDF.
 */
export function fillContents(cover: HTMLElement, index: ReportIndex, mode: PrintMode, hasServers: boolean): void {
  const holder = cover.querySelector('.cover-contents')!;
  const item = (entry: Entry): HTMLElement =>
    h(
      'li',
      null,
      h('a', { href: `#${entry.target}` }, entry.label),
      entry.children ? h('ol', { class: 'toc-apps' }, entry.children.map(item)) : null,
    );
  holder.replaceChildren(
    h('h2', null, mode === 'full' ? 'Contents' : 'Contents of this summary'),
    h('ol', { class: 'toc' }, entries(index, mode, hasServers).map(item)),
  );
}

/** A string as a CSS string literal: quotes and backslashes escaped, no line breaks or control characters. */
const cssString = (text: string) =>
  `"${[...text]
    .map((character) => (character < ' ' || character === '\u007f' ? ' ' : character))
    .join('')
    .replace(/["\\]/g, '\\$&')}"`;

/**
 * Page footers: the title and confidentiality line at the left, "Page n of m" at the right, on
 * every page but the cover. Chromium prints the @page margin boxes since version 131.
 */
export function pageFooters(index: ReportIndex): HTMLStyleElement {
  const { data } = index;
  const left = [data.title, data.document.client, data.document.classification].filter(Boolean).join(' · ');
  const box = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #5f6f7a;';
  return h(
    'style',
    { id: 'page-footers' },
    `@page { @bottom-left { content: ${cssString(left)}; ${box} } @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} } }\n@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }`,
  );
}
