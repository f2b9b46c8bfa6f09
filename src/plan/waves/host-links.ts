import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';

/** Each traffic link between two hosts of the graph, with its port, volume and latency sensitivity. */
export function forEachHostLink(
  graph: PortfolioGraph,
  visit: (
    source: string,
    target: string,
    port: number | undefined,
    volume: string | undefined,
    latencySensitive: boolean,
  ) => void,
) {
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes.kind !== 'connects-to' || sourceAttributes.kind !== 'host' || targetAttributes.kind !== 'host')
      return;
    visit(
      source,
      target,
      typeof attributes.port === 'number' ? attributes.port : undefined,
      typeof attributes.volume === 'string' ? attributes.volume : undefined,
      attributes.latencySensitive === true,
    );
  });
}
