import { h, routeTo } from './dom.js';
import { formatDate, plural } from './format.js';
import type { ReportIndex } from './report-index.js';

/** Score changes listed at most: the rest are counted. */
const SHOWN = 10;

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));
const average = (values: number[]) =>
  values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) / values.length) : 0;

/**
 * Since the baseline (scan --baseline): readiness then and now, blockers and majors then and now,
 * what is new and what was fixed, and the applications whose score moved most.
 */
export function renderTrend(index: ReportIndex): HTMLElement | null {
  const baseline = index.data.baseline;
  if (!baseline) return null;
  const before = average(baseline.scores.map((score) => score.before));
  const after = average(baseline.scores.map((score) => score.after));
  const counts = index.data.summary.findings;
  const moved = baseline.scores
    .filter((score) => score.after !== score.before)
    .sort(
      (a, b) =>
        Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.applicationId.localeCompare(b.applicationId),
    );
  const name = (id: string) => index.apps.get(id)?.name ?? id;
  return h(
    'figure',
    { class: 'chart trend' },
    h(
      'figcaption',
      null,
      baseline.scannedAt ? `Since the baseline of ${formatDate(baseline.scannedAt)}` : 'Since the baseline',
    ),
    h(
      'ul',
      null,
      h(
        'li',
        null,
        `Average readiness of the ${plural(baseline.scores.length, 'application')} in both scans: ${before} → ${after} (${signed(after - before)}).`,
      ),
      baseline.findingsBefore
        ? h(
            'li',
            null,
            `Blocker findings ${baseline.findingsBefore.blocker} → ${counts.blocker}, major ${baseline.findingsBefore.major} → ${counts.major}.`,
          )
        : null,
      h(
        'li',
        null,
        `${plural(baseline.new, 'new finding')}, ${plural(baseline.changed, 'finding')} with new places, ${plural(baseline.fixed.length, 'finding')} fixed.`,
      ),
    ),
    moved.length
      ? h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Application'),
              h('th', { class: 'numeric' }, 'Then'),
              h('th', { class: 'numeric' }, 'Now'),
              h('th', { class: 'numeric' }, 'Change'),
            ),
          ),
          h(
            'tbody',
            null,
            moved
              .slice(0, SHOWN)
              .map((score) =>
                h(
                  'tr',
                  null,
                  h('td', null, h('a', { href: routeTo('app', score.applicationId) }, name(score.applicationId))),
                  h('td', { class: 'numeric' }, score.before),
                  h('td', { class: 'numeric' }, score.after),
                  h(
                    'td',
                    { class: `numeric ${score.after > score.before ? 'better' : 'worse'}` },
                    signed(score.after - score.before),
                  ),
                ),
              ),
          ),
        )
      : h('p', { class: 'muted small' }, "No application's score changed."),
    moved.length > SHOWN
      ? h('p', { class: 'muted small' }, `And ${plural(moved.length - SHOWN, 'more application')} whose score changed.`)
      : null,
  );
}
