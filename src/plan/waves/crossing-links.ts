import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import { compareStrings } from '../../util/compare.js';
import { forEachHostLink } from './host-links.js';
import type { CrossingLink, Wave } from './wave-types.js';

/** Links that cross the hybrid boundary: to what stays, and between waves until both sides have moved. Latency-sensitive ones first. */
export function crossingLinks(graph: PortfolioGraph, waves: Wave[]): CrossingLink[] {
  const label = (node: string) => graph.getNodeAttribute(node, 'label');
  const waveOfHost = new Map<string, number>();
  for (const wave of waves) for (const host of wave.hosts) waveOfHost.set(host, wave.number);
  const links: CrossingLink[] = [];
  // The links are walked again rather than kept: an estate's export has a million of them.
  forEachHostLink(graph, (source, target, port, volume, latencySensitive) => {
    const [from, to] = [waveOfHost.get(source), waveOfHost.get(target)];
    if (from !== undefined && to !== undefined && from === to) return;
    if (from === undefined && to === undefined) return;
    const until = from === undefined || to === undefined ? 'always: one side stays' : `wave ${Math.max(from, to)}`;
    links.push({
      from: label(source),
      to: label(target),
      ...(port ? { port } : {}),
      ...(volume ? { volume } : {}),
      latencySensitive,
      until,
    });
  });
  links.sort(
    (a, b) =>
      Number(b.latencySensitive) - Number(a.latencySensitive) ||
      compareStrings(a.from, b.from) ||
      compareStrings(a.to, b.to),
  );
  return links;
}
