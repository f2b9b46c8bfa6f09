import { MultiDirectedGraph } from 'graphology';
import { InputError } from '../errors.js';
import type { GraphEdge, GraphNode } from '../result/schema.js';
import { ENDPOINT_KINDS } from '../result/endpoint-kinds.js';
import { compareStrings } from '../util/compare.js';
import type { EdgeAttributes, NodeAttributes, PortfolioGraph } from './portfolio-graph-types.js';

/** What the portfolio level shows: applications and what they run on, use and share; not their code. */
const PORTFOLIO_KINDS = new Set([
  'application',
  'module',
  'host',
  'software',
  'licence',
  'unknown-host',
  'internet',
  'appliance',
  'dataset',
  ...ENDPOINT_KINDS,
]);
/** Node kinds that belong to one application's code: `kind:<app>:<name>`. */
const UNIT_LEVEL = /^(unit|table|file|dd|queue|segment|entity|transaction):([^:]+):/;

export interface GraphViewOptions {
  level: 'portfolio' | 'unit';
  app?: string | undefined;
  focus?: string | undefined;
  depth?: number | undefined;
  kinds?: string[] | undefined;
  edgeKinds?: string[] | undefined;
  collapse?: 'module' | 'package' | undefined;
}

/** The result's `graph` back as a graphology graph. */
export function graphFromResult(serialised: { nodes: GraphNode[]; edges: GraphEdge[] }): PortfolioGraph {
  const graph: PortfolioGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const { id, kind, label, attributes } of serialised.nodes) graph.addNode(id, { kind, label, ...attributes });
  serialised.edges.forEach(({ source, target, kind, attributes }, index) =>
    graph.addEdgeWithKey(`e${index}`, source, target, { kind, ...attributes }),
  );
  return graph;
}

/**
 * Finds a node from what a person types: its id, an application id, a host id, or a label that
 * names one node only.
 */
export function resolveNode(graph: PortfolioGraph, reference: string): string {
  for (const candidate of [
    reference,
    `app:${reference}`,
    `host:${reference}`,
    `module:${reference}`,
    `address:${reference}`,
  ])
    if (graph.hasNode(candidate)) return candidate;
  const byLabel = graph.filterNodes(
    (_node, attributes) => attributes.label === reference || attributes.label.toLowerCase() === reference.toLowerCase(),
  );
  if (byLabel.length === 1) return byLabel[0]!;
  const partial = graph
    .filterNodes((node) => node.toLowerCase().includes(reference.toLowerCase()))
    .sort(compareStrings);
  const hint =
    byLabel.length > 1
      ? `"${reference}" names ${byLabel.length} nodes: ${byLabel.slice(0, 5).join(', ')}`
      : partial.length
        ? `Did you mean ${partial.slice(0, 5).join(', ')}?`
        : 'Node ids look like app:order-management, host:aix-app01, endpoint:oracle://db01:1521/ORDERS.';
  throw new InputError(`no node ${reference} in the graph`, hint);
}

function applicationOf(node: string, attributes: NodeAttributes): string | undefined {
  if (attributes.kind === 'application') return node.slice('app:'.length);
  return UNIT_LEVEL.exec(node)?.[2];
}

/** The deepest module folder a unit's file lies in, or its package (the name before the last dot). */
function collapseKey(
  node: string,
  attributes: NodeAttributes,
  mode: 'module' | 'package',
  modules: string[],
): { id: string; label: string; kind: string } | undefined {
  if (attributes.kind !== 'unit') return undefined;
  const file = typeof attributes.file === 'string' ? attributes.file : undefined;
  if (mode === 'module' && file) {
    const module = modules
      .filter((candidate) => file.startsWith(`${candidate}/`))
      .sort((a, b) => b.length - a.length)[0];
    const folder = module ?? file.split('/').slice(0, 2).join('/');
    return { id: `module:${folder}`, label: folder, kind: 'module' };
  }
  const app = UNIT_LEVEL.exec(node)?.[2] ?? '';
  const name = attributes.label;
  const cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('\\'), name.lastIndexOf('/'));
  const pkg = cut > 0 ? name.slice(0, cut) : file ? file.split('/').slice(0, -1).join('/') : name;
  return { id: `package:${app}:${pkg}`, label: pkg, kind: 'package' };
}

/** The part of the graph the options ask for, as a new graph. */
export function selectGraph(graph: PortfolioGraph, options: GraphViewOptions): PortfolioGraph {
  const app = options.app ? resolveNode(graph, options.app) : undefined;
  if (options.level === 'unit' && !app)
    throw new InputError('--level unit needs --app APP', 'The unit-level graph is drawn one application at a time.');
  const appId = app ? app.slice('app:'.length) : undefined;

  let keep = (node: string, attributes: NodeAttributes): boolean => {
    if (options.level === 'unit') {
      if (node === app) return true;
      const owner = UNIT_LEVEL.exec(node)?.[2];
      if (owner) return owner === appId;
      // Datasets are named system-wide: kept when this application's code touches them.
      return (
        attributes.kind === 'dataset' &&
        graph.someInNeighbor(
          node,
          (neighbour) => applicationOf(neighbour, graph.getNodeAttributes(neighbour)) === appId,
        )
      );
    }
    return PORTFOLIO_KINDS.has(attributes.kind) || (options.kinds?.includes(attributes.kind) ?? false);
  };
  if (options.kinds?.length) {
    const kinds = new Set(options.kinds);
    const base = keep;
    keep = (node, attributes) => base(node, attributes) && (kinds.has(attributes.kind) || node === app);
  }

  const view: PortfolioGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  graph.forEachNode((node, attributes) => {
    if (keep(node, attributes)) view.addNode(node, { ...attributes });
  });
  const edgeKinds = options.edgeKinds?.length ? new Set(options.edgeKinds) : undefined;
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!view.hasNode(source) || !view.hasNode(target)) return;
    if (edgeKinds && !edgeKinds.has(attributes.kind)) return;
    view.addEdgeWithKey(edge, source, target, { ...attributes });
  });

  // A neighbourhood: --focus, or the application itself at portfolio level.
  const centre = options.focus ? resolveNode(graph, options.focus) : options.level === 'portfolio' ? app : undefined;
  let result = view;
  if (centre) {
    if (!view.hasNode(centre))
      throw new InputError(`${centre} is not in the selected graph`, 'Loosen --kind, --edge-kind or --level.');
    const depth = options.depth ?? (options.focus ? 1 : 2);
    // Both directions: what it needs and what needs it (graphology-traversal walks one direction at a time).
    const near = new Set<string>([centre]);
    let frontier = [centre];
    for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const node of frontier) {
        view.forEachNeighbor(node, (neighbour) => {
          if (!near.has(neighbour)) {
            near.add(neighbour);
            next.push(neighbour);
          }
        });
      }
      frontier = next;
    }
    result = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    for (const node of near) result.addNode(node, view.getNodeAttributes(node));
    view.forEachEdge((edge, attributes, source, target) => {
      if (near.has(source) && near.has(target)) result.addEdgeWithKey(edge, source, target, attributes);
    });
  }

  if (options.collapse) {
    const modules = graph
      .filterNodes((_node, attributes) => attributes.kind === 'module')
      .map((node) => node.slice('module:'.length));
    const merged: PortfolioGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    const target = new Map<string, string>();
    result.forEachNode((node, attributes) => {
      const group = collapseKey(node, attributes, options.collapse!, modules);
      const id = group?.id ?? node;
      target.set(node, id);
      if (!merged.hasNode(id))
        merged.addNode(id, group ? { kind: group.kind, label: group.label, units: 0 } : { ...attributes });
      if (group) merged.updateNodeAttribute(id, 'units', (count) => Number(count ?? 0) + 1);
    });
    result.forEachEdge((_edge, attributes, source, to) => {
      const [from, into] = [target.get(source)!, target.get(to)!];
      if (from === into) return;
      const key = `${attributes.kind}:${from}->${into}`;
      if (merged.hasEdge(key)) merged.updateEdgeAttribute(key, 'weight', (weight) => Number(weight ?? 1) + 1);
      else merged.addEdgeWithKey(key, from, into, { kind: attributes.kind, weight: 1 });
    });
    result = merged;
  }
  return result;
}
