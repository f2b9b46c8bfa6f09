import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { h } from './dom.js';

// Only the pieces these charts use, so the bundle stays small.
Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family =
  getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'system-ui, sans-serif';
Chart.defaults.color = '#37474f';
// No animation: the report opens drawn, prints drawn, and screenshots are repeatable.
Chart.defaults.animation = false;

/** The print picture's size in CSS pixels (half an A4 text width), drawn at twice the density. */
const PRINT_WIDTH = 520;
const PRINT_DENSITY = 2;

interface PrintableChart {
  config: ChartConfiguration;
  height: number;
  picture: HTMLImageElement;
}
const printable: PrintableChart[] = [];

/**
 * A chart in a figure with a caption and, for screen readers and for the record, the same
 * figures as a table under it.
 */
export function chartFigure(
  caption: string,
  config: ChartConfiguration,
  table: { head: string[]; rows: (string | number)[][] },
  height = 260,
): HTMLElement {
  const label = `${caption}: ${table.rows.map((row) => row.join(' ')).join('; ')}`;
  const canvas = h('canvas', { role: 'img', 'aria-label': label });
  const picture = h('img', { class: 'chart-print print-only', alt: label });
  const figure = h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, caption),
    h('div', { class: 'chart-canvas no-print', style: `height:${height}px` }, canvas),
    picture,
    h(
      'details',
      { class: 'chart-data' },
      h('summary', null, 'Figures'),
      h(
        'table',
        { class: 'compact' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            table.head.map((cell) => h('th', null, cell)),
          ),
        ),
        h(
          'tbody',
          null,
          table.rows.map((row) =>
            h(
              'tr',
              null,
              row.map((cell) => h('td', null, cell)),
            ),
          ),
        ),
      ),
    ),
  );
  printable.push({ config, height, picture });
  // Drawn once the figure is in the page, so that it has a size.
  queueMicrotask(
    () =>
      new Chart(canvas, { ...config, options: { maintainAspectRatio: false, responsive: true, ...config.options } }),
  );
  return figure;
}

/**
 * Draws every chart not yet pictured onto a canvas of a fixed size outside the page, and shows
 * that picture in print. A chart on a page that was never shown has no size on screen, and a
 * responsive canvas does not redraw in time for print: both printed blank before.
 */
export function pictureChartsForPrint(): void {
  for (const chart of printable) {
    if (chart.picture.getAttribute('src')) continue;
    const canvas = document.createElement('canvas');
    // Chart.js takes these as the size in CSS pixels and multiplies them by the density.
    canvas.width = PRINT_WIDTH;
    canvas.height = chart.height;
    const drawn = new Chart(canvas, {
      ...chart.config,
      options: {
        ...chart.config.options,
        responsive: false,
        maintainAspectRatio: false,
        devicePixelRatio: PRINT_DENSITY,
        animation: false,
      },
    });
    chart.picture.src = drawn.toBase64Image('image/png');
    drawn.destroy();
  }
}
