import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { h } from './dom.js';

// Only the pieces these charts use, so the bundle stays small.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'system-ui, sans-serif';
Chart.defaults.color = '#37474f';
// No animation: the report opens drawn, prints drawn, and screenshots are repeatable.
Chart.defaults.animation = false;

/**
 * A chart in a figure with a caption and, for screen readers and for the record, the same
 * figures as a table under it.
 */
export function chartFigure(caption: string, config: ChartConfiguration, table: { head: string[]; rows: (string | number)[][] }, height = 260): HTMLElement {
  const canvas = h('canvas', { role: 'img', 'aria-label': `${caption}: ${table.rows.map((row) => row.join(' ')).join('; ')}` });
  const figure = h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, caption),
    h('div', { class: 'chart-canvas', style: `height:${height}px` }, canvas),
    h('details', { class: 'chart-data' }, h('summary', null, 'Figures'), h('table', { class: 'compact' }, h('thead', null, h('tr', null, table.head.map((cell) => h('th', null, cell)))), h('tbody', null, table.rows.map((row) => h('tr', null, row.map((cell) => h('td', null, cell))))))),
  );
  // Drawn once the figure is in the page, so that it has a size.
  queueMicrotask(() => new Chart(canvas, { ...config, options: { maintainAspectRatio: false, responsive: true, ...config.options } }));
  return figure;
}
