import { MultiDirectedGraph } from 'graphology';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { GraphEdge, GraphNode } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { nodeId, type PortfolioGraph } from './portfolio-graph-types.js';
import { addUnitGraph } from './unit-graph.js';

export { nodeId, type PortfolioGraph } from './portfolio-graph-types.js';

/** Scopes that ship with the application; test and build tooling is not a runtime dependency. */
const RUNTIME_SCOPES = new Set(['runtime', 'compile', 'provided', 'framework', 'optional', 'peer', 'system']);

/**
 * The portfolio graph: applications, their build modules, the libraries they ship with, and
 * each application's units with what they call and what data they touch. Later stages add
 * hosts, datastores and services (see docs/architecture.md).
 */
export function buildPortfolioGraph(applications: ApplicationFacts[]): PortfolioGraph {
  const graph: PortfolioGraph = new MultiDirectedGraph();
  for (const facts of applications) {
    const { app, manifests, loc } = facts;
    const appNode = nodeId.application(app.id);
    graph.mergeNode(appNode, { kind: 'application', label: app.name, path: app.path, loc });
    for (const module of app.modules) {
      const moduleNode = nodeId.module(module);
      graph.mergeNode(moduleNode, { kind: 'module', label: module });
      graph.mergeEdgeWithKey(`contains:${appNode}->${moduleNode}`, appNode, moduleNode, { kind: 'contains' });
    }
    for (const manifest of manifests) {
      for (const dependency of manifest.dependencies) {
        // Transitive packages from lockfiles would swamp the graph; the result's dependencies list them.
        if (!RUNTIME_SCOPES.has(dependency.scope) || dependency.transitive) continue;
        const libraryNode = nodeId.library(dependency.ecosystem, dependency.name);
        graph.mergeNode(libraryNode, { kind: 'library', label: dependency.name, ecosystem: dependency.ecosystem });
        graph.mergeEdgeWithKey(`depends-on:${appNode}->${libraryNode}`, appNode, libraryNode, { kind: 'depends-on' });
      }
    }
    for (const endpoint of facts.endpoints) {
      const endpointNode = nodeId.endpoint(app.id, endpoint);
      const label = `${endpoint.host}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.database ? `/${endpoint.database}` : ''}`;
      graph.mergeNode(endpointNode, { kind: endpoint.kind, label, protocol: endpoint.protocol });
      graph.mergeEdgeWithKey(`connects-to:${appNode}->${endpointNode}`, appNode, endpointNode, { kind: 'connects-to' });
    }
    addUnitGraph(graph, facts);
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
  const edges = graph.mapEdges((_edge, { kind, ...rest }, source, target) => ({
    source,
    target,
    kind,
    ...(Object.keys(rest).length > 0 ? { attributes: Object.fromEntries(Object.entries(rest).sort(([a], [b]) => compareStrings(a, b))) } : {}),
  }));
  nodes.sort((a, b) => compareStrings(a.id, b.id));
  edges.sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target) || compareStrings(a.kind, b.kind) || compareStrings(JSON.stringify(a.attributes ?? {}), JSON.stringify(b.attributes ?? {})));
  return { nodes, edges };
}
