import type { PortfolioGraph } from './portfolio-graph-types.js';

/**
 * The applications that need an application: those that depend on it, and those that share a
 * datastore with it (that edge is stored once, from the lower id, so both directions count).
 */
export function dependentApplications(graph: PortfolioGraph, appNode: string): Set<string> {
  const dependents = new Set<string>();
  if (!graph.hasNode(appNode)) return dependents;
  graph.forEachInEdge(appNode, (_edge, { kind }, source, _target, sourceAttributes) => {
    if (
      (kind === 'depends-on' || kind === 'shares-datastore') &&
      sourceAttributes.kind === 'application' &&
      source !== appNode
    )
      dependents.add(source);
  });
  graph.forEachOutEdge(appNode, (_edge, { kind }, _source, target) => {
    if (kind === 'shares-datastore' && target !== appNode) dependents.add(target);
  });
  return dependents;
}
