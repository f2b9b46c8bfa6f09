import { h, routeTo } from './dom.js';
import { plural } from './format.js';
import type { ReportIndex } from './report-index.js';

const HIGH_VALUE = new Set(['mission-critical', 'business-critical']);
/** Readiness from which an application counts as ready enough to move early: the amber band's start. */
const READY_FROM = 50;

/**
 * Business value against readiness: four boxes of applications. Value is the criticality the
 * inventories give (sla.criticality); applications without one are listed under the boxes.
 */
export function valueQuadrant(index: ReportIndex): HTMLElement {
  const criticality = new Map([...index.business].map(([id, business]) => [id, business.criticality]));
  const apps = [...index.data.applications].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const known = apps.filter((app) => typeof criticality.get(app.id) === 'string');
  const unknown = apps.filter((app) => typeof criticality.get(app.id) !== 'string');
  const chip = (app: (typeof apps)[number]) =>
    h(
      'a',
      {
        href: routeTo('app', app.id),
        class: 'chip',
        title: [
          criticality.get(app.id) ?? 'criticality not known',
          `score ${app.score}`,
          index.business.get(app.id)?.owner,
        ]
          .filter(Boolean)
          .join(', '),
      },
      `${app.name} · ${app.score}`,
    );
  const box = (title: string, advice: string, high: boolean, ready: boolean) => {
    const members = known.filter(
      (app) => HIGH_VALUE.has(String(criticality.get(app.id))) === high && app.score >= READY_FROM === ready,
    );
    return h(
      'div',
      { class: `quadrant-box ${high ? 'high' : 'low'}-value ${ready ? 'ready' : 'not-ready'}` },
      h('h3', null, `${title} (${members.length})`),
      h('p', { class: 'small muted' }, advice),
      h('div', { class: 'chips' }, members.map(chip)),
    );
  };
  return h(
    'figure',
    { class: 'chart quadrant-figure' },
    h('figcaption', null, 'Business value and readiness'),
    known.length === 0
      ? h(
          'p',
          { class: 'muted' },
          'No application has a criticality (sla.criticality in an inventory, docs/inventory.md, or criticality in cloudready.yaml, docs/configuration.md), so value cannot be weighed against readiness.',
        )
      : h(
          'div',
          {
            class: 'quadrant',
            role: 'group',
            'aria-label': `Rows: mission- or business-critical, then less critical. Columns: score below ${READY_FROM}, then ${READY_FROM} or more.`,
          },
          h('div', { class: 'axis-y' }, 'more critical ↑'),
          box('Plan and invest', 'Valuable, with much to change: the longest preparation.', true, false),
          box('Move with care', 'Valuable and ready: early waves, with a rehearsed cut-over.', true, true),
          h('div', { class: 'axis-y' }, 'less critical'),
          box('Question the move', 'Little value, much to change: retain, retire or repurchase?', false, false),
          box('Quick wins', 'Ready and low-risk: pilots and the first wave.', false, true),
          h('div'),
          h('div', { class: 'axis-x' }, `score below ${READY_FROM}`),
          h('div', { class: 'axis-x' }, `score ${READY_FROM} or more →`),
        ),
    unknown.length && known.length
      ? h(
          'p',
          { class: 'small muted' },
          `Criticality not known for ${plural(unknown.length, 'application')}: `,
          unknown.map(chip),
        )
      : null,
  );
}
