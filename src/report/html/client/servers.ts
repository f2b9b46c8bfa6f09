import type { Server, ServerCosts } from '../../../result/schema.js';
import { clear, h } from './dom.js';
import { formatInteger, plural } from './format.js';
import type { ReportIndex } from './report-index.js';
import { serverDownload } from './downloads.js';

type Cloud = 'aws' | 'azure' | 'gcp';
type Status = NonNullable<Server['readiness']>[Cloud]['status'];

const CLOUDS: [Cloud, string][] = [
  ['aws', 'AWS'],
  ['azure', 'Azure'],
  ['gcp', 'Google Cloud'],
];
const STATUS_LABEL: Record<Status, string> = {
  ready: 'ready',
  'ready-with-conditions': 'with conditions',
  'not-ready': 'not ready',
  unknown: 'unknown',
};
const RANK: Record<Status, number> = { 'not-ready': 0, unknown: 1, 'ready-with-conditions': 2, ready: 3 };
/** Rows drawn at once: an estate of 100,000 servers is filtered, not scrolled. */
const SHOWN = 500;

const money = (costs: ServerCosts | undefined, value: number) =>
  `${costs?.currency === 'USD' ? '$' : `${costs?.currency ?? ''} `}${formatInteger(Math.round(value))}`;

/**
 * Every server the inventories describe: how many are ready on each cloud and what they would
 * cost a month, then a table filtered by cloud, verdict, power state and text, worst first.
 */
export function renderServers(index: ReportIndex): HTMLElement {
  const servers = index.data.hosts.filter((server) => server.readiness);
  const costs = index.data.serverCosts;
  const state = { cloud: 'aws' as Cloud, status: '', power: '', text: '' };
  const body = h('tbody');
  const shown = h('span', { class: 'muted', 'data-testid': 'servers-shown' });

  function draw(): void {
    clear(body);
    const text = state.text.trim().toLowerCase();
    const list = servers
      .filter((server) => !state.status || server.readiness![state.cloud].status === state.status)
      .filter((server) => !state.power || (server.powerState ?? 'unknown') === state.power)
      .filter(
        (server) =>
          !text ||
          [
            server.id,
            server.name,
            server.os?.name ?? '',
            server.cluster ?? '',
            server.datacenter ?? '',
            ...server.applications,
          ].some((field) => field.toLowerCase().includes(text)),
      )
      .sort(
        (a, b) =>
          RANK[a.readiness![state.cloud].status] - RANK[b.readiness![state.cloud].status] || a.id.localeCompare(b.id),
      );
    for (const server of list.slice(0, SHOWN)) {
      const verdict = server.readiness![state.cloud];
      const target = server.targets?.[state.cloud];
      body.appendChild(
        h(
          'tr',
          { 'data-server': server.id },
          h('td', null, server.id, server.name !== server.id ? h('div', { class: 'small muted' }, server.name) : null),
          h(
            'td',
            { class: 'small' },
            server.os?.name ?? '',
            server.os?.endOfSupport
              ? h(
                  'div',
                  { class: 'muted' },
                  `support to ${server.os.endOfSupport}${server.os.extendedUntil ? `, extended to ${server.os.extendedUntil}` : ''}`,
                )
              : null,
          ),
          h('td', null, server.powerState ?? ''),
          h('td', { class: 'numeric' }, server.cores ?? ''),
          h('td', { class: 'numeric' }, server.memoryGiB ?? ''),
          h('td', null, h('span', { class: `readiness readiness-${verdict.status}` }, STATUS_LABEL[verdict.status])),
          h(
            'td',
            { class: 'small' },
            target?.instance ?? '',
            target?.basis === 'utilisation'
              ? h(
                  'div',
                  { class: 'muted' },
                  `on use: ${[server.utilisation?.cpuPercent !== undefined ? `CPU ${server.utilisation.cpuPercent} %` : '', server.utilisation?.memoryPercent !== undefined ? `memory ${server.utilisation.memoryPercent} %` : ''].filter(Boolean).join(', ')}`,
                )
              : null,
          ),
          h('td', { class: 'numeric' }, target ? money(costs, target.monthly.total) : ''),
          h(
            'td',
            { class: 'small' },
            verdict.reasons.length
              ? h(
                  'ul',
                  null,
                  verdict.reasons.map((reason) => h('li', null, reason)),
                )
              : '',
          ),
        ),
      );
    }
    if (list.length === 0)
      body.appendChild(h('tr', null, h('td', { colspan: 9, class: 'muted' }, 'No server matches these filters.')));
    shown.textContent = `${formatInteger(Math.min(list.length, SHOWN))} of ${formatInteger(list.length)} matching, ${formatInteger(servers.length)} servers${list.length > SHOWN ? ' (narrow the filters to see the rest; cloudready servers --format csv lists them all)' : ''}`;
  }

  const select = (label: string, options: [string, string][], onchange: (value: string) => void) =>
    h(
      'label',
      null,
      `${label} `,
      h(
        'select',
        { onchange: (event: Event) => (onchange((event.target as HTMLSelectElement).value), draw()) },
        options.map(([value, text]) => h('option', { value }, text)),
      ),
    );
  const summary = CLOUDS.map(([cloud, name]) => {
    const by = (status: Status) => servers.filter((server) => server.readiness![cloud].status === status).length;
    const cost = costs?.clouds[cloud];
    return h(
      'tr',
      null,
      h('th', { scope: 'row' }, name),
      (['ready', 'ready-with-conditions', 'not-ready', 'unknown'] as Status[]).map((status) =>
        h('td', { class: 'numeric' }, formatInteger(by(status))),
      ),
      h('td', { class: 'numeric' }, cost ? money(costs, cost.monthly) : ''),
      h('td', { class: 'numeric' }, cost?.poweredOff.servers ? money(costs, cost.poweredOff.monthly) : ''),
      h('td', null, cost?.region ?? ''),
    );
  });
  const page = h(
    'div',
    null,
    h('h1', null, 'Servers'),
    h(
      'p',
      { class: 'muted' },
      `${plural(servers.length, 'server')} from the inventories, judged for rehosting on each cloud as they are: operating system support, disks, boot firmware, snapshots, adapters, guest tools.${costs ? ` Monthly costs at ${costs.source === 'built-in' ? 'list prices' : `the prices of ${costs.source}`} of ${costs.priceDate} (${costs.currency}), sized on measured use with 30 % head-room where the inventory gives it, else on allocated vCPUs and memory.` : ''}`,
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
          h('th', null, 'Cloud'),
          [
            'Ready',
            'With conditions',
            'Not ready',
            'Unknown',
            'A month, powered on',
            'A month, powered off',
            'Region',
          ].map((label) => h('th', { class: label === 'Region' ? undefined : 'numeric' }, label)),
        ),
      ),
      h('tbody', null, summary),
    ),
    h(
      'div',
      { class: 'toolbar no-print' },
      select(
        'Cloud',
        CLOUDS.map(([cloud, name]) => [cloud, name]),
        (value) => (state.cloud = value as Cloud),
      ),
      select(
        'Verdict',
        [['', 'any'], ...(Object.entries(STATUS_LABEL) as [Status, string][])],
        (value) => (state.status = value),
      ),
      select(
        'Power',
        [
          ['', 'any'],
          ['on', 'on'],
          ['off', 'off'],
          ['suspended', 'suspended'],
          ['unknown', 'not known'],
        ],
        (value) => (state.power = value),
      ),
      h(
        'label',
        null,
        'Find ',
        h('input', {
          type: 'search',
          placeholder: 'name, OS, cluster, application',
          oninput: (event: Event) => ((state.text = (event.target as HTMLInputElement).value), draw()),
        }),
      ),
      shown,
      serverDownload(index),
    ),
    h(
      'table',
      { class: 'compact servers print-full' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Server', 'Operating system', 'Power', 'vCPU', 'GiB', 'Verdict', 'Size', 'A month', 'Reasons'].map((label) =>
            h('th', { class: ['vCPU', 'GiB', 'A month'].includes(label) ? 'numeric' : undefined, scope: 'col' }, label),
          ),
        ),
      ),
      body,
    ),
  );
  draw();
  return page;
}
