import { MultiDirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { compareStrings } from '../util/compare.js';
import type { PortfolioGraph } from './portfolio-graph-types.js';
import { ENDPOINT_KINDS } from '../result/endpoint-kinds.js';

/** Node kinds that hold data applications read and write. */
const DATASTORE_KINDS = new Set(['database', 'cache', 'object-storage', 'dataset', 'message-broker']);
/** Node kinds of services and datastores an application reaches. */
const ENDPOINT_KIND_SET: ReadonlySet<string> = new Set(ENDPOINT_KINDS);
/** Edges between units of code: what makes one module need another. */
const CODE_EDGES = new Set(['imports', 'calls', 'uses', 'inherits', 'implements', 'instantiates', 'includes']);
/** Edges by which one application needs another node. */
const NEEDS = new Set(['depends-on', 'connects-to', 'shares-datastore', 'runs-on']);

export interface GraphAnalysis {
  /** Groups of applications that depend on each other in a circle: they move together or the cycle is cut. */
  applicationCycles: string[][];
  /** The same between build modules, from the code's imports and calls. */
  moduleCycles: string[][];
  /** Datastores more than one application uses (or, for datasets and tables, writes). */
  sharedDatastores: { id: string; kind: string; label: string; applications: string[]; writtenBy: string[] }[];
  /** The nodes most applications need, most first. */
  hubs: { id: string; kind: string; label: string; dependents: number }[];
  /** Endpoints and machines in use that no scanned application or inventory describes. */
  unknownEndpoints: { id: string; kind: string; label: string; usedBy: string[] }[];
}

const appOf = (graph: PortfolioGraph, node: string): string | undefined => {
  if (graph.getNodeAttribute(node, 'kind') === 'application') return node.slice('app:'.length);
  const match = /^(unit|table|file|dd|queue|segment|entity|transaction):([^:]+):/.exec(node);
  return match?.[2];
};

function cycles(edges: [string, string][]): string[][] {
  const graph = new MultiDirectedGraph();
  for (const [source, target] of edges) {
    if (source === target) continue;
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.mergeEdge(source, target);
  }
  return stronglyConnectedComponents(graph)
    .filter((component) => component.length > 1)
    .map((component) => [...component].sort(compareStrings))
    .sort((a, b) => compareStrings(a[0]!, b[0]!));
}

/** The module a file belongs to: the deepest module folder that holds it. */
function moduleOfFile(modules: string[], file: string): string | undefined {
  let best: string | undefined;
  for (const module of modules)
    if (file.startsWith(`${module}/`) && (!best || module.length > best.length)) best = module;
  return best;
}

export function analyseGraph(graph: PortfolioGraph): GraphAnalysis {
  const applicationEdges: [string, string][] = [];
  graph.forEachEdge((_edge, { kind }, source, target, sourceAttributes, targetAttributes) => {
    if (kind === 'depends-on' && sourceAttributes.kind === 'application' && targetAttributes.kind === 'application')
      applicationEdges.push([source.slice(4), target.slice(4)]);
  });

  const modules = graph
    .filterNodes((_node, attributes) => attributes.kind === 'module')
    .map((node) => node.slice('module:'.length));
  const moduleEdges: [string, string][] = [];
  graph.forEachEdge((_edge, { kind }, _source, _target, sourceAttributes, targetAttributes) => {
    if (!CODE_EDGES.has(kind)) return;
    const from = typeof sourceAttributes.file === 'string' ? moduleOfFile(modules, sourceAttributes.file) : undefined;
    const to = typeof targetAttributes.file === 'string' ? moduleOfFile(modules, targetAttributes.file) : undefined;
    if (from && to && from !== to) moduleEdges.push([from, to]);
  });

  const sharedDatastores: GraphAnalysis['sharedDatastores'] = [];
  graph.forEachNode((node, attributes) => {
    if (!DATASTORE_KINDS.has(attributes.kind) && attributes.kind !== 'table') return;
    const applications = new Set<string>();
    const writers = new Set<string>();
    graph.forEachInEdge(node, (_edge, { kind }, source) => {
      const app = appOf(graph, source);
      if (!app) return;
      applications.add(app);
      if (kind === 'writes') writers.add(app);
    });
    if (applications.size > 1 && (attributes.kind !== 'table' || writers.size > 1)) {
      sharedDatastores.push({
        id: node,
        kind: attributes.kind,
        label: attributes.label,
        applications: [...applications].sort(compareStrings),
        writtenBy: [...writers].sort(compareStrings),
      });
    }
  });

  const dependents = new Map<string, Set<string>>();
  graph.forEachEdge((_edge, { kind }, source, target, sourceAttributes) => {
    if (!NEEDS.has(kind) || sourceAttributes.kind !== 'application') return;
    dependents.set(target, new Set([...(dependents.get(target) ?? []), source]));
    if (kind === 'shares-datastore') dependents.set(source, new Set([...(dependents.get(source) ?? []), target]));
  });
  const hubs = [...dependents]
    .filter(([, sources]) => sources.size > 1)
    .map(([id, sources]) => ({
      id,
      kind: graph.getNodeAttribute(id, 'kind'),
      label: graph.getNodeAttribute(id, 'label'),
      dependents: sources.size,
    }))
    .sort((a, b) => b.dependents - a.dependents || compareStrings(a.id, b.id))
    .slice(0, 10);

  const unknownEndpoints: GraphAnalysis['unknownEndpoints'] = [];
  graph.forEachNode((node, attributes) => {
    const unknownHost = attributes.kind === 'unknown-host';
    // Local and embedded databases ("(local)", "(embedded)") live with their application.
    const unplacedEndpoint =
      ENDPOINT_KIND_SET.has(attributes.kind) &&
      !/:\/\/\(/.test(node) &&
      !graph.someOutEdge(node, (_edge, { kind }) => kind === 'hosted-on');
    if (!unknownHost && !unplacedEndpoint) return;
    const users = new Set<string>();
    graph.forEachInEdge(node, (_edge, _attributes, source, _target, sourceAttributes) =>
      users.add(sourceAttributes.kind === 'host' ? source : (appOf(graph, source) ?? source)),
    );
    unknownEndpoints.push({
      id: node,
      kind: attributes.kind,
      label: attributes.label,
      usedBy: [...users].sort(compareStrings),
    });
  });

  return {
    applicationCycles: cycles(applicationEdges),
    moduleCycles: cycles(moduleEdges),
    sharedDatastores: sharedDatastores.sort((a, b) => compareStrings(a.id, b.id)),
    hubs,
    unknownEndpoints: unknownEndpoints.sort((a, b) => compareStrings(a.id, b.id)),
  };
}
