import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Strategy } from '../../../result/schema.js';
import { append, clear, h, routeTo } from './dom.js';
import { plural, STRATEGY_COLOURS } from './format.js';
import type { ReportIndex } from './report-index.js';

cytoscape.use(fcose);

const KIND_COLOURS: Record<string, string> = {
  application: '#1565c0',
  host: '#6d4c41',
  'unknown-host': '#d32f2f',
  database: '#2e7d32',
  dataset: '#558b2f',
  table: '#7cb342',
  cache: '#43a047',
  'object-storage': '#689f38',
  'message-broker': '#8e24aa',
  queue: '#ab47bc',
  'http-service': '#00838f',
  'remote-object': '#00695c',
  'file-transfer': '#f57c00',
  mail: '#ad1457',
  directory: '#5e35b1',
  transaction: '#5d4037',
  licence: '#f9a825',
  software: '#78909c',
  library: '#9e9e9e',
};
const OTHER = '#90a4ae';
/** Node kinds in words a reader of the report uses; a kind not listed shows as it is. */
const KIND_LABELS: Record<string, string> = {
  application: 'application',
  host: 'server',
  'unknown-host': 'machine no inventory describes',
  database: 'database',
  dataset: 'mainframe dataset',
  table: 'table',
  cache: 'cache',
  'object-storage': 'object storage',
  'message-broker': 'message broker',
  queue: 'queue',
  'http-service': 'web service (HTTP)',
  'remote-object': 'remote object (RMI, CORBA, .NET remoting)',
  'file-transfer': 'file transfer (FTP, SFTP)',
  mail: 'mail server',
  directory: 'directory (LDAP)',
  transaction: 'CICS transaction',
  licence: 'software licence',
  software: 'installed software',
  library: 'library',
};
const kindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;
const SHAPES: Record<string, cytoscape.Css.NodeShape> = {
  application: 'round-rectangle',
  host: 'rectangle',
  'unknown-host': 'rectangle',
  database: 'barrel',
  dataset: 'barrel',
  table: 'barrel',
  'message-broker': 'hexagon',
  queue: 'hexagon',
  licence: 'tag',
  software: 'ellipse',
  library: 'ellipse',
};
/** Shown at first; the rest are a tick away (a real estate has thousands of libraries). */
const HIDDEN_AT_FIRST = new Set(['library']);
/** Visible nodes beyond which the graph opens with a draft layout. */
const LARGE_GRAPH = 600;

type ColourBy = 'kind' | 'strategy';

interface GraphView {
  element: HTMLElement;
  /** Called when the section is shown; draws the graph the first time. */
  show(focus?: string): void;
  /** A picture of the graph for print, drawn even if the section was never opened. */
  snapshot(): string | undefined;
}

export function createGraphView(index: ReportIndex): GraphView {
  const { nodes, edges } = index.data.graph;
  const kinds = [...new Set(nodes.map((node) => node.kind))].sort();
  const hidden = new Set(kinds.filter((kind) => HIDDEN_AT_FIRST.has(kind)));
  let colourBy: ColourBy = 'kind';
  let cy: Core | undefined;

  const canvas = h('div', { class: 'graph-canvas', 'data-testid': 'graph-canvas' });
  const details = h(
    'aside',
    { class: 'graph-details', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Click a node, or search for one, to see what it connects to.'),
  );
  const legend = h('div', { class: 'legend' });
  const message = h('span', { class: 'muted small', 'data-testid': 'graph-message' });
  const search = h('input', {
    type: 'search',
    placeholder: 'Find a node',
    'aria-label': 'Find a node in the graph',
    list: 'graph-nodes',
  });
  const options = h(
    'datalist',
    { id: 'graph-nodes' },
    [...new Set(nodes.map((node) => node.label))].sort().map((label) => h('option', { value: label })),
  );
  const print = h('img', { class: 'graph-print print-only', alt: 'The dependency graph' });

  const colourOf = (kind: string, strategy: unknown) =>
    colourBy === 'strategy'
      ? typeof strategy === 'string'
        ? STRATEGY_COLOURS[strategy as Strategy]
        : '#cfd8dc'
      : (KIND_COLOURS[kind] ?? OTHER);

  function drawLegend(): void {
    clear(legend);
    const entries =
      colourBy === 'kind'
        ? kinds.map((kind) => [kindLabel(kind), KIND_COLOURS[kind] ?? OTHER] as const)
        : [
            ...Object.entries(STRATEGY_COLOURS).filter(([strategy]) =>
              index.data.applications.some((app) => app.strategy === strategy),
            ),
            ['not an application', '#cfd8dc'] as const,
          ];
    for (const [label, colour] of entries)
      legend.appendChild(
        h('span', { class: 'legend-item' }, h('span', { class: 'swatch', style: `background:${colour}` }), label),
      );
  }

  function elements(): ElementDefinition[] {
    // Positions on a golden-angle spiral: the layout starts from the same place every time.
    const placed = nodes.map((node, at): ElementDefinition => {
      const app = node.kind === 'application' ? index.apps.get(node.id.slice(4)) : undefined;
      const angle = at * 2.399963;
      const radius = 30 * Math.sqrt(at + 1);
      return {
        group: 'nodes',
        data: { id: node.id, label: node.label, kind: node.kind, strategy: app?.strategy, score: app?.score },
        position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
      };
    });
    const links = edges.map((edge, at): ElementDefinition => ({
      group: 'edges',
      data: { id: `e${at}`, source: edge.source, target: edge.target, kind: edge.kind },
    }));
    return [...placed, ...links];
  }

  function restyle(): void {
    if (!cy) return;
    cy.batch(() => {
      cy!.nodes().forEach((node) => {
        node.style('background-color', colourOf(node.data('kind'), node.data('strategy')));
        node.style('display', hidden.has(node.data('kind')) ? 'none' : 'element');
      });
      // A node whose every neighbour is filtered out would float alone: hide it too.
      cy!.nodes(':visible').forEach((node) => {
        if (node.data('kind') !== 'application' && node.neighborhood('node:visible').empty())
          node.style('display', 'none');
      });
    });
    drawLegend();
  }

  /**
   * fcose: spectral placement, then force-directed refinement. Past a few hundred nodes the
   * refinement takes seconds, so a large graph opens with the spectral draft and "Refine layout"
   * runs the rest from there.
   */
  function layout(refine = false): void {
    if (!cy) return;
    const draft = !refine && cy.nodes(':visible').length > LARGE_GRAPH;
    cy.elements(':visible')
      .layout({
        name: 'fcose',
        randomize: draft,
        animate: false,
        quality: draft ? 'draft' : 'default',
        nodeRepulsion: () => 20000,
        idealEdgeLength: () => 110,
        fit: true,
        padding: 30,
      } as cytoscape.LayoutOptions)
      .run();
  }

  function describe(node: NodeSingular): void {
    clear(details);
    const data = index.data.graph.nodes.find((candidate) => candidate.id === node.id());
    const neighbours = node
      .neighborhood('node')
      .sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
    append(details, [
      h('h3', null, node.data('label')),
      h('p', { class: 'muted' }, kindLabel(node.data('kind'))),
      node.data('kind') === 'application'
        ? h('p', null, h('a', { href: routeTo('app', node.id().slice(4)) }, 'Open the application page →'))
        : null,
      data?.attributes
        ? h(
            'dl',
            { class: 'attributes' },
            Object.entries(data.attributes).map(([key, value]) => [h('dt', null, key), h('dd', null, String(value))]),
          )
        : null,
      h('h4', null, `Connected to (${neighbours.length})`),
      h(
        'ul',
        { class: 'neighbours' },
        neighbours.map((neighbour) =>
          h(
            'li',
            null,
            h('a', { href: routeTo('graph', neighbour.id()) }, neighbour.data('label')),
            h('span', { class: 'muted small' }, ` ${kindLabel(neighbour.data('kind'))}`),
          ),
        ),
      ),
    ]);
  }

  function focus(id: string): boolean {
    if (!cy) return false;
    const node = cy.getElementById(id);
    if (node.empty()) {
      message.textContent = `No node ${id} in the graph.`;
      return false;
    }
    if (hidden.has(node.data('kind'))) {
      hidden.delete(node.data('kind'));
      filters.querySelector<HTMLInputElement>(`input[value="${CSS.escape(node.data('kind'))}"]`)!.checked = true;
      restyle();
    }
    const neighbourhood = node.closedNeighborhood();
    cy.batch(() => {
      cy!.elements().removeClass('focused faded');
      cy!.elements().not(neighbourhood).addClass('faded');
      neighbourhood.addClass('focused');
    });
    cy.animate({ fit: { eles: neighbourhood, padding: 60 } }, { duration: 0 });
    describe(node as NodeSingular);
    message.textContent = `${node.data('label')}: ${plural(neighbourhood.nodes().length - 1, 'neighbour')}`;
    canvas.dataset.focused = id;
    return true;
  }

  function clearFocus(): void {
    cy?.elements().removeClass('focused faded');
    delete canvas.dataset.focused;
    message.textContent = '';
    cy?.fit(undefined, 30);
  }

  function init(): void {
    if (cy) return;
    cy = cytoscape({
      container: canvas,
      elements: elements(),
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-size': 9,
            color: '#263238',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            width: 16,
            height: 16,
            'border-width': 1,
            'border-color': '#ffffff',
            'text-max-width': '120px',
            'text-wrap': 'ellipsis',
          },
        },
        {
          selector: 'node[kind = "application"]',
          style: { width: 30, height: 22, 'font-size': 11, 'font-weight': 'bold' },
        },
        ...Object.entries(SHAPES).map(([kind, shape]) => ({ selector: `node[kind = "${kind}"]`, style: { shape } })),
        {
          selector: 'edge',
          style: {
            width: 1,
            'line-color': '#b0bec5',
            'target-arrow-color': '#b0bec5',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.6,
            'curve-style': 'bezier',
          },
        },
        {
          selector: 'edge[kind = "depends-on"]',
          style: { 'line-color': '#546e7a', 'target-arrow-color': '#546e7a', width: 1.5 },
        },
        {
          selector: 'edge[kind = "shares-datastore"]',
          style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' },
        },
        { selector: '.faded', style: { opacity: 0.12 } },
        { selector: 'node.focused', style: { 'border-color': '#263238', 'border-width': 2 } },
        { selector: 'edge.focused', style: { 'line-color': '#263238', 'target-arrow-color': '#263238', width: 2 } },
        { selector: 'node:selected', style: { 'border-color': '#ff6f00', 'border-width': 3 } },
      ],
    });
    restyle();
    layout();
    cy.on('tap', 'node', (event) => {
      location.hash = routeTo('graph', event.target.id());
    });
    cy.on('tap', (event) => {
      if (event.target === cy) clearFocus();
    });
  }

  const filters = h(
    'fieldset',
    { class: 'kind-filters' },
    h('legend', null, 'Show'),
    kinds.map((kind) =>
      h(
        'label',
        null,
        h('input', {
          type: 'checkbox',
          value: kind,
          checked: !hidden.has(kind),
          onchange: (event) => {
            if ((event.target as HTMLInputElement).checked) hidden.delete(kind);
            else hidden.add(kind);
            restyle();
            layout();
          },
        }),
        ` ${kindLabel(kind)} (${nodes.filter((node) => node.kind === kind).length})`,
      ),
    ),
  );

  function find(): void {
    const wanted = search.value.trim().toLowerCase();
    if (!wanted) return;
    const match =
      nodes.find((node) => node.label.toLowerCase() === wanted) ??
      nodes.find((node) => node.label.toLowerCase().includes(wanted) || node.id.toLowerCase().includes(wanted));
    if (match) location.hash = routeTo('graph', match.id);
    else message.textContent = `Nothing in the graph matches “${search.value}”.`;
  }
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') find();
  });
  search.addEventListener('change', find);

  const colour = h(
    'select',
    {
      'aria-label': 'Colour by',
      onchange: (event) => {
        colourBy = (event.target as HTMLSelectElement).value as ColourBy;
        restyle();
      },
    },
    h('option', { value: 'kind' }, 'Colour by kind'),
    h('option', { value: 'strategy' }, 'Colour by strategy'),
  );

  drawLegend();
  const element = h(
    'div',
    null,
    h('h1', null, 'Dependency graph'),
    h(
      'p',
      { class: 'muted' },
      `${plural(nodes.length, 'node')} and ${plural(edges.length, 'link')}: applications, the machines they run on, the datastores and services they use. Scroll to zoom, drag to pan, click a node to focus on it.`,
    ),
    h(
      'div',
      { class: 'toolbar no-print' },
      search,
      options,
      colour,
      h('button', { type: 'button', onclick: () => (location.hash = routeTo('graph')) }, 'Clear focus'),
      h('button', { type: 'button', onclick: () => cy?.fit(undefined, 30) }, 'Fit'),
      h(
        'button',
        {
          type: 'button',
          title: 'Run the force-directed refinement from where the nodes are now',
          onclick: () => layout(true),
        },
        'Refine layout',
      ),
      message,
    ),
    h('div', { class: 'no-print' }, filters),
    legend,
    h('div', { class: 'graph-layout' }, canvas, details),
    print,
  );

  return {
    element,
    show(target) {
      init();
      cy!.resize();
      if (target) focus(target);
      else clearFocus();
    },
    snapshot() {
      init();
      const image = cy!.png({ full: true, scale: 2, bg: '#ffffff', maxWidth: 2400, maxHeight: 2400 });
      print.setAttribute('src', image);
      return image;
    },
  };
}
