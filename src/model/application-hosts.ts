import { compareStrings } from '../util/compare.js';
import type { PortfolioGraph } from './portfolio-graph-types.js';

/** The hosts an application runs on, as the graph places it (none when no inventory does). */
export function hostsOf(graph: PortfolioGraph, applicationId: string): string[] {
  const node = `app:${applicationId}`;
  return graph.hasNode(node)
    ? graph.filterOutNeighbors(node, (host) => graph.getNodeAttribute(host, 'kind') === 'host').sort(compareStrings)
    : [];
}
