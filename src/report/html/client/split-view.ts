import type { SplitMetric, SplitProposal } from '../../../plan/split-types.js';
import { h } from './dom.js';
import { plural } from './format.js';

const shortName = (unit: string) => unit.slice(unit.lastIndexOf('.') + 1);
const list = (items: string[], empty = 'none') =>
  items.length ? items.join(', ') : h('span', { class: 'muted' }, empty);

/** A metric's value, or n/a with its reason. */
const shown = (metric: SplitMetric) =>
  metric.value === null ? `n/a (${metric.reason ?? 'not computable'})` : String(metric.value);

/** Items printed per cell: a service can serve fifty routes. */
const PRINTED_ITEMS = 6;
const firstFew = (items: string[], empty: string) =>
  items.length === 0
    ? empty
    : items.length <= PRINTED_ITEMS
      ? items.join(', ')
      : `${items.slice(0, PRINTED_ITEMS).join(', ')} and ${items.length - PRINTED_ITEMS} more`;

/** The services as one printed table, a row each, instead of a page of cards. */
function printedServices(proposal: SplitProposal): HTMLElement {
  return h(
    'table',
    { class: 'compact printed-services print-only' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Service', 'Owns', 'Serves', 'Calls', 'Units'].map((label) =>
          h('th', { class: label === 'Units' ? 'numeric' : undefined }, label),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      proposal.services.map((service) =>
        h(
          'tr',
          null,
          h('td', null, h('strong', null, service.name)),
          h('td', null, firstFew(service.entities, 'no table')),
          h('td', null, firstFew([...new Set(service.entryPoints)], '')),
          h('td', null, firstFew([...new Set(service.outbound.map((call) => call.service))], '')),
          h('td', { class: 'numeric' }, service.units.length),
        ),
      ),
    ),
  );
}

/** One application's proposed services, shared libraries, data conflicts and extraction order. */
export function renderSplit(proposal: SplitProposal): HTMLElement {
  const metrics = proposal.metrics;
  return h(
    'div',
    { class: 'split' },
    h('p', null, `${plural(proposal.services.length, 'service')} proposed: ${proposal.choice.why}.`),
    proposal.frontEnd
      ? h(
          'p',
          null,
          `Web front end: one unit of ${plural(proposal.frontEnd.files.length, 'browser file')}, calling ${proposal.frontEnd.services.join(', ') || 'no service with HTTP routes'}.`,
        )
      : null,
    printedServices(proposal),
    h(
      'div',
      { class: 'services no-print' },
      proposal.services.map((service) =>
        h(
          'article',
          { class: 'service' },
          h('h4', null, service.name),
          h(
            'dl',
            null,
            h('dt', null, 'Owns'),
            h('dd', null, list(service.entities, 'no table')),
            service.entryPoints.length
              ? [h('dt', null, 'Serves'), h('dd', null, list([...new Set(service.entryPoints)]))]
              : null,
            service.outbound.length
              ? [
                  h('dt', null, 'Calls'),
                  h('dd', null, list(service.outbound.map((call) => `${shortName(call.unit)} (${call.service})`))),
                ]
              : null,
            service.inbound.length
              ? [
                  h('dt', null, 'Called by'),
                  h(
                    'dd',
                    null,
                    list(service.inbound.map((call) => `${shortName(call.unit)} (from ${call.from.join(', ')})`)),
                  ),
                ]
              : null,
            service.sharedLibraries.length
              ? [h('dt', null, 'Uses'), h('dd', null, list(service.sharedLibraries))]
              : null,
          ),
          h(
            'details',
            null,
            h('summary', null, plural(service.units.length, 'unit')),
            h(
              'ul',
              { class: 'units' },
              service.units.map((unit) => h('li', null, h('code', null, unit))),
            ),
          ),
        ),
      ),
    ),
    proposal.sharedLibraries.length
      ? [
          h('h4', null, 'Shared libraries'),
          h(
            'ul',
            null,
            proposal.sharedLibraries.map((library) =>
              h(
                'li',
                null,
                h('strong', null, library.name),
                `: ${plural(library.units.length, 'unit')}, used by ${library.usedBy.join(', ')}`,
              ),
            ),
          ),
        ]
      : null,
    h('h4', null, `Data ownership conflicts (${proposal.conflicts.length})`),
    proposal.conflicts.length
      ? h(
          'ul',
          null,
          proposal.conflicts.map((conflict) =>
            h('li', null, h('strong', null, conflict.entity), `: ${conflict.suggestion}`),
          ),
        )
      : h('p', { class: 'muted' }, 'Every table has one writing service.'),
    h('h4', null, 'Extraction order'),
    h(
      'ol',
      null,
      proposal.extractionOrder.map((step) =>
        h(
          'li',
          null,
          h('strong', null, step.service),
          `: ${step.why}`,
          step.tables.length ? `; moves ${step.tables.join(', ')}` : '',
          step.remoteCalls.length ? `; ${plural(step.remoteCalls.length, 'call')} become remote` : '',
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      `Over ${metrics.over.classes} classes in ${metrics.over.groups} services and shared libraries, ${metrics.over.edges === 'runtime' ? 'measured calls' : 'static code edges'}: modularity ${shown(metrics.modularity)} · structural modularity ${shown(metrics.sm)} · inter-call percentage ${shown(metrics.icp)} · interface number ${shown(metrics.ifn)} · non-extreme distribution ${shown(metrics.ned)} · business-context purity ${shown(metrics.bcp)}. docs/split.md explains each.`,
    ),
  );
}
