import type { WaveSchedule } from '../../../result/schema.js';
import { h } from './dom.js';
import { formatDays, plural } from './format.js';
import type { ReportIndex } from './report-index.js';

const DAY_MS = 86_400_000;
const time = (iso: string) => new Date(`${iso}T00:00:00Z`).getTime();
const shortDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The first day of each month the roadmap spans, as ticks along its top. */
function monthTicks(schedule: WaveSchedule): { label: string; at: number }[] {
  const from = time(schedule.start);
  const span = time(schedule.end) + DAY_MS - from;
  const ticks: { label: string; at: number }[] = [];
  const month = new Date(from);
  month.setUTCDate(1);
  // A tick at the very end would stand past the last bar: only months that begin inside the span.
  for (
    month.setUTCMonth(month.getUTCMonth() + 1);
    month.getTime() < from + span;
    month.setUTCMonth(month.getUTCMonth() + 1)
  ) {
    ticks.push({
      label: month.toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }),
      at: ((month.getTime() - from) / span) * 100,
    });
  }
  return ticks;
}

/**
 * The waves on a calendar (cloudready scan or report with --start and --capacity): one bar per
 * wave from its first to its last working day. Drawn in HTML, so that it prints and fits a phone.
 */
export function renderRoadmap(index: ReportIndex): HTMLElement {
  const { waves, schedule } = index.data.waves;
  if (!schedule) {
    return h(
      'p',
      { class: 'muted small' },
      'For a roadmap with dates, give the first working day and the team: cloudready report result.json --format html --start 2027-01-04 --capacity 4.',
    );
  }
  const from = time(schedule.start);
  const span = time(schedule.end) + DAY_MS - from;
  const effort = new Map(waves.map((wave) => [wave.number, wave]));
  return h(
    'figure',
    { class: 'chart roadmap' },
    h(
      'figcaption',
      null,
      `Roadmap: ${shortDate(schedule.start)} to ${shortDate(schedule.end)} with ${plural(schedule.capacity, 'person', 'people')}`,
    ),
    h(
      'div',
      { class: 'roadmap-ticks', 'aria-hidden': 'true' },
      monthTicks(schedule).map((tick) => h('span', { style: `left:${tick.at.toFixed(2)}%` }, tick.label)),
    ),
    h(
      'ol',
      { class: 'roadmap-rows' },
      schedule.waves.map((entry) => {
        const wave = effort.get(entry.number);
        const left = ((time(entry.start) - from) / span) * 100;
        const width = Math.max(1, ((time(entry.end) + DAY_MS - time(entry.start)) / span) * 100);
        return h(
          'li',
          null,
          h('span', { class: 'roadmap-label' }, `Wave ${entry.number}`),
          h(
            'span',
            { class: 'roadmap-track' },
            h('span', { class: 'roadmap-bar', style: `left:${left.toFixed(2)}%;width:${width.toFixed(2)}%` }),
          ),
          h(
            'span',
            { class: 'roadmap-dates small' },
            `${shortDate(entry.start)} → ${shortDate(entry.end)} · ${plural(entry.workingDays, 'working day')}${wave ? ` · ${plural(wave.applications.length, 'application')}, ${formatDays(wave.effort)} person-days` : ''}`,
          ),
        );
      }),
    ),
    h(
      'p',
      { class: 'small muted' },
      'Each wave takes its effort divided by the people on it, in working days (Monday to Friday, no holidays), one wave after another.',
    ),
  );
}
