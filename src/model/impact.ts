import { compareStrings } from '../util/compare.js';
import type { PortfolioGraph } from './portfolio-graph-types.js';

/** Edges whose source needs its target: if the target moves, the source feels it. */
const NEEDS = new Set([
  'depends-on',
  'connects-to',
  'hosted-on',
  'runs-on',
  'shares-datastore',
  'reads',
  'writes',
  'calls',
  'uses',
]);
/** What is reported: the things that get planned and moved. */
const REPORTED = new Set(['application', 'host']);

export interface ImpactEntry {
  id: string;
  kind: string;
  label: string;
  /** Hops from the node that moves. */
  distance: number;
  /** The edge that links it, as "application web-storefront depends-on …". */
  via: string;
}

export interface Impact {
  id: string;
  kind: string;
  label: string;
  /** Applications and hosts that need the node, directly or through others: they break or must follow. */
  dependents: ImpactEntry[];
  /** What moves with it: its hosts, what else runs there, applications sharing its data. */
  moveTogether: { id: string; kind: string; label: string; why: string }[];
}

/** Everything that breaks or must move together if `node` moves (docs/graph.md). */
export function impactOf(graph: PortfolioGraph, node: string): Impact {
  const attributes = graph.getNodeAttributes(node);
  const describe = (id: string) => `${graph.getNodeAttribute(id, 'kind')} ${graph.getNodeAttribute(id, 'label')}`;

  // Breadth-first over the reverse of "needs" edges (both ways for a shared datastore).
  const seen = new Map<string, ImpactEntry>();
  let frontier = [node];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const current of frontier) {
      const visit = (other: string, kind: string) => {
        if (other === node || seen.has(other)) return;
        const otherAttributes = graph.getNodeAttributes(other);
        seen.set(other, {
          id: other,
          kind: otherAttributes.kind,
          label: otherAttributes.label,
          distance,
          via: `${describe(other)} ${kind} ${describe(current)}`,
        });
        next.push(other);
      };
      graph.forEachInEdge(current, (_edge, { kind }, source) => {
        if (NEEDS.has(kind)) visit(source, kind);
      });
      graph.forEachOutEdge(current, (_edge, { kind }, _source, target) => {
        if (kind === 'shares-datastore') visit(target, kind);
      });
    }
    frontier = next;
  }
  const dependents = [...seen.values()]
    .filter((entry) => REPORTED.has(entry.kind))
    .sort((a, b) => a.distance - b.distance || compareStrings(a.id, b.id));

  const together = new Map<string, { id: string; kind: string; label: string; why: string }>();
  const add = (id: string, why: string) => {
    if (id !== node && !together.has(id))
      together.set(id, {
        id,
        kind: graph.getNodeAttribute(id, 'kind'),
        label: graph.getNodeAttribute(id, 'label'),
        why,
      });
  };
  const hosts =
    attributes.kind === 'host'
      ? [node]
      : graph
          .outNeighbors(node)
          .filter(
            (target) =>
              graph.getNodeAttribute(target, 'kind') === 'host' &&
              graph.someEdge(node, target, (_edge, { kind }) => kind === 'runs-on'),
          );
  for (const host of hosts) {
    if (host !== node) add(host, `${attributes.label} runs on it`);
    graph.forEachInEdge(host, (_edge, { kind }, source) => {
      if (kind === 'runs-on' && source !== node) add(source, `runs on ${graph.getNodeAttribute(host, 'label')} too`);
      if (kind === 'hosted-on') add(source, `lives on ${graph.getNodeAttribute(host, 'label')}`);
    });
  }
  graph.forEachEdge(node, (_edge, { kind }, source, target) => {
    if (kind === 'shares-datastore') add(source === node ? target : source, 'shares a datastore with it');
  });
  // Its own datastores: endpoints only it connects to.
  graph.forEachOutEdge(node, (_edge, { kind }, _source, target, _sourceAttributes, targetAttributes) => {
    if (
      kind === 'connects-to' &&
      ['database', 'cache', 'object-storage'].includes(targetAttributes.kind) &&
      graph.inDegree(target) === 1
    )
      add(target, 'its own datastore');
  });
  // What moves with it does not also break: one list each (a datastore partner is planned together, not after).
  return {
    id: node,
    kind: attributes.kind,
    label: attributes.label,
    dependents: dependents.filter((entry) => !together.has(entry.id)),
    moveTogether: [...together.values()].sort((a, b) => compareStrings(a.id, b.id)),
  };
}
