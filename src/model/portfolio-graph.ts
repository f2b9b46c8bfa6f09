import { DirectedGraph } from 'graphology';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { GraphEdge, GraphNode } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';

export interface NodeAttributes {
  kind: string;
  label: string;
  [key: string]: string | number | boolean;
}
export interface EdgeAttributes {
  kind: string;
}
export type PortfolioGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** Scopes that ship with the application; test and build tooling is not a runtime dependency. */
const RUNTIME_SCOPES = new Set(['runtime', 'compile', 'provided', 'framework', 'optional', 'peer', 'system']);

export const nodeId = {
  application: (id: string) => `app:${id}`,
  module: (path: string) => `module:${path}`,
  library: (ecosystem: string, name: string) => `lib:${ecosystem}:${name}`,
};

/**
 * The portfolio graph: applications, their build modules, and the libraries they ship with.
 * Later stages add hosts, datastores, queues and services (see docs/architecture.md).
 */
export function buildPortfolioGraph(applications: ApplicationFacts[]): PortfolioGraph {
  const graph: PortfolioGraph = new DirectedGraph();
  for (const { app, manifests, loc } of applications) {
    const appNode = nodeId.application(app.id);
    graph.mergeNode(appNode, { kind: 'application', label: app.name, path: app.path, loc });
    for (const module of app.modules) {
      const moduleNode = nodeId.module(module);
      graph.mergeNode(moduleNode, { kind: 'module', label: module });
      graph.mergeEdge(appNode, moduleNode, { kind: 'contains' });
    }
    for (const manifest of manifests) {
      for (const dependency of manifest.dependencies) {
        if (!RUNTIME_SCOPES.has(dependency.scope)) continue;
        const libraryNode = nodeId.library(dependency.ecosystem, dependency.name);
        graph.mergeNode(libraryNode, { kind: 'library', label: dependency.name, ecosystem: dependency.ecosystem });
        graph.mergeEdge(appNode, libraryNode, { kind: 'depends-on' });
      }
    }
  }
  return graph;
}

/** Sorted plain form for the result document, so two scans of one tree serialise identically. */
export function serialiseGraph(graph: PortfolioGraph): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = graph.mapNodes((id, { kind, label, ...rest }) => ({
    id,
    kind,
    label,
    ...(Object.keys(rest).length > 0 ? { attributes: Object.fromEntries(Object.entries(rest).sort(([a], [b]) => compareStrings(a, b))) } : {}),
  }));
  const edges = graph.mapEdges((_edge, { kind }, source, target) => ({ source, target, kind }));
  nodes.sort((a, b) => compareStrings(a.id, b.id));
  edges.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target) || compareStrings(a.kind, b.kind));
  return { nodes, edges };
}
