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
    // What cloudready.yaml says of it; an inventory's service level may set criticality again.
    graph.mergeNode(appNode, {
      kind: 'application',
      label: app.name,
      path: app.path,
      loc,
      ...(app.business?.criticality ? { criticality: app.business.criticality } : {}),
      ...(app.business?.owner ? { owner: app.business.owner } : {}),
    });
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

/**
 * Sorted plain form for the result document, so two scans of one tree serialise identically:
 * nodes by id, edges by source, target, kind and attributes. Edges are taken a source at a time,
 * in node order, and sorted by their target's rank: one sort of 180,000 edges comparing ids that
 * share long prefixes took a third of a second on the 1,000,000-line benchmark tree.
 */
export function serialiseGraph(graph: PortfolioGraph): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const ids = graph.nodes().sort(compareStrings);
  const rank = new Map(ids.map((id, at) => [id, at]));
  const nodes = ids.map((id) => {
    const attributes = graph.getNodeAttributes(id);
    return { id, kind: attributes.kind, label: attributes.label, ...otherAttributes(attributes, 'label') };
  });
  const edges: GraphEdge[] = [];
  const attributesText = (edge: GraphEdge) => JSON.stringify(edge.attributes ?? {});
  for (const source of ids) {
    const out: { rank: number; edge: GraphEdge }[] = [];
    graph.forEachOutEdge(source, (_edge, attributes, _source, target) =>
      out.push({
        rank: rank.get(target)!,
        edge: { source, target, kind: attributes.kind, ...otherAttributes(attributes) },
      }),
    );
    out.sort(
      (a, b) =>
        a.rank - b.rank ||
        compareStrings(a.edge.kind, b.edge.kind) ||
        compareStrings(attributesText(a.edge), attributesText(b.edge)),
    );
    for (const { edge } of out) edges.push(edge);
  }
  return { nodes, edges };
}

/** A node's or edge's attributes other than its kind (and label), sorted by name, if it has any: most have none, and pay no object for it. */
function otherAttributes(attributes: Record<string, unknown>, label?: 'label'): Pick<GraphEdge, 'attributes'> {
  let names: string[] | undefined;
  for (const name in attributes) if (name !== 'kind' && name !== label) (names ??= []).push(name);
  if (!names) return {};
  const sorted: Record<string, string | number | boolean> = {};
  for (const name of names.sort(compareStrings)) sorted[name] = attributes[name] as string | number | boolean;
  return { attributes: sorted };
}
