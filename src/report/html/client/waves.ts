import { h, routeTo } from './dom.js';
import { renderRoadmap } from './roadmap.js';
import { formatDays, plural } from './format.js';
import type { ReportIndex } from './report-index.js';

/** An application by its display name, as the portfolio table names it, linked to its page. */
const appLink = (index: ReportIndex, id: string) => {
  const app = index.apps.get(id);
  return app ? h('a', { href: routeTo('app', id) }, app.name) : id;
};
/** A graph node by its label (fraud01.acme.corp), not its id (host:lnx-fraud01). */
const nodeLabel = (index: ReportIndex, id: string) =>
  index.data.graph.nodes.find((node) => node.id === id)?.label ?? id.replace(/^host:/, '');
const joinNodes = (nodes: (Node | string)[]) => nodes.flatMap((node, at) => (at ? [', ', node] : [node]));

/** Waves in order, the groups that move together and why, what stays, and the links that cross. */
export function renderWaves(index: ReportIndex): HTMLElement {
  const { waves, staying, crossingLinks } = index.data.waves;
  return h(
    'div',
    null,
    h('h1', null, 'Migration waves'),
    h(
      'p',
      { class: 'muted' },
      `${plural(waves.length, 'wave')}, ${plural(
        waves.reduce((sum, wave) => sum + wave.applications.length, 0),
        'application',
      )} moving; ${plural(staying.length, 'application')} staying. Applications that share a datastore, a host or a busy link move in one group.`,
    ),
    renderRoadmap(index),
    waves.map((wave) =>
      h(
        'section',
        { class: 'wave' },
        h(
          'h2',
          null,
          `Wave ${wave.number}`,
          h(
            'span',
            { class: 'muted' },
            ` · ${plural(wave.applications.length, 'application')}, ${plural(wave.hosts.length, 'host')}, ${formatDays(wave.effort)} person-days`,
          ),
        ),
        h(
          'ul',
          { class: 'small' },
          wave.reasons.map((reason) => h('li', null, reason)),
        ),
        h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Move group'),
              h('th', null, 'Applications'),
              h('th', null, 'Hosts'),
              h('th', null, 'Datastores'),
              h('th', null, 'Why together'),
            ),
          ),
          h(
            'tbody',
            null,
            wave.groups.map((group) =>
              h(
                'tr',
                null,
                h('td', null, group.id),
                h('td', null, joinNodes(group.applications.map((id) => appLink(index, id)))),
                h('td', { class: 'small' }, group.hosts.map((host) => nodeLabel(index, host)).join(', ')),
                h('td', { class: 'small' }, group.datastores.join(', ')),
                h(
                  'td',
                  { class: 'small' },
                  group.bonds.length
                    ? group.bonds
                        .map(
                          (bond) =>
                            `${bond.between.map((id) => index.apps.get(id)?.name ?? id).join(' & ')}: ${bond.detail}`,
                        )
                        .join('; ')
                    : 'moves alone',
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h('h2', null, `Staying (${staying.length})`),
    staying.length
      ? h(
          'ul',
          null,
          staying.map((stay) => h('li', null, appLink(index, stay.application), `: ${stay.reason}`)),
        )
      : h('p', { class: 'muted' }, 'Every application moves.'),
    h('h2', null, `Links across the hybrid boundary (${crossingLinks.length})`),
    crossingLinks.length
      ? h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'From'),
              h('th', null, 'To'),
              h('th', { class: 'numeric' }, 'Port'),
              h('th', null, 'Volume'),
              h('th', null, 'Latency-sensitive'),
              h('th', null, 'Crosses until'),
            ),
          ),
          h(
            'tbody',
            null,
            crossingLinks.map((link) =>
              h(
                'tr',
                null,
                h('td', null, link.from),
                h('td', null, link.to),
                h('td', { class: 'numeric' }, link.port ?? ''),
                h('td', null, link.volume ?? ''),
                h('td', null, link.latencySensitive ? 'yes' : 'no'),
                h('td', null, link.until),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No link between a moved and a staying machine was found.'),
  );
}

/** Every application's split at a glance; the proposals themselves are on the application pages. */
export function renderSplits(index: ReportIndex): HTMLElement {
  const proposals = index.data.splits.flatMap((split) => ('proposal' in split ? [split] : []));
  const without = index.data.splits.length - proposals.length;
  return h(
    'div',
    null,
    h('h1', null, 'Service splits'),
    h(
      'p',
      { class: 'muted' },
      `Bounded contexts proposed from each application's code and data access (docs/split.md). ${plural(proposals.length, 'application')} with a proposal${without ? `; ${without} without enough code structure` : ''}.`,
    ),
    proposals.length
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
              h('th', { class: 'numeric' }, 'Services'),
              h('th', null, 'Services proposed'),
              h('th', { class: 'numeric' }, 'Data conflicts'),
              h('th', { class: 'numeric' }, 'Modularity'),
            ),
          ),
          h(
            'tbody',
            null,
            proposals.map(({ applicationId, proposal }) =>
              h(
                'tr',
                null,
                h('td', null, appLink(index, applicationId)),
                h('td', { class: 'numeric' }, proposal.services.length),
                h('td', { class: 'small' }, proposal.services.map((service) => service.name).join(', ')),
                h('td', { class: 'numeric' }, proposal.conflicts.length),
                h('td', { class: 'numeric' }, proposal.metrics.modularity.value ?? 'n/a'),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No application had enough code structure to propose services.'),
  );
}
