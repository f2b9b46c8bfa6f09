import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import { compareStrings } from '../../util/compare.js';
import { append } from '../../util/multimap.js';
import { communities, type Bond, type ServerUnits } from '../server-units.js';
import { forEachHostLink } from './host-links.js';
import { hostsOf } from '../../model/application-hosts.js';
import type { MoveGroup } from './wave-types.js';

const DATASTORES = new Set(['database', 'cache', 'object-storage']);

/**
 * Move groups: what must move together. Applications that share a datastore, run on one host,
 * or talk over a latency-sensitive or high-volume link are bound; servers no application runs on
 * move with what they talk to. A component with servers too large to move as one is cut into its
 * communities of traffic.
 */
export function moveGroups(
  graph: PortfolioGraph,
  moving: Set<string>,
  applications: string[],
  serverUnits: ServerUnits,
  maxServersPerWave: number,
): MoveGroup[] {
  const appNode = (id: string) => `app:${id}`;
  // Union-find over moving applications, remembering why each pair is bound.
  const parent = new Map([...moving].map((id) => [id, id]));
  // Iterative, halving the path as it goes: a chain of 100,000 servers bound one by one overflowed a recursive find.
  const find = (id: string): string => {
    let at = id;
    for (let up = parent.get(at)!; up !== at; up = parent.get(at)!) {
      const grand = parent.get(up)!;
      parent.set(at, grand);
      at = grand;
    }
    return at;
  };
  const bonds: Bond[] = [];
  const bondKeys = new Set<string>();
  const bond = (a: string, b: string, kind: Bond['kind'], detail: string) => {
    if (a === b || !moving.has(a) || !moving.has(b)) return;
    const pair = [a, b].sort(compareStrings) as [string, string];
    const key = [kind, pair[0], pair[1]].join('\0');
    if (!bondKeys.has(key)) {
      bondKeys.add(key);
      bonds.push({ kind, between: pair, detail });
    }
    parent.set(find(a), find(b));
  };
  const label = (node: string) => graph.getNodeAttribute(node, 'label');
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.kind === 'shares-datastore')
      bond(source.slice(4), target.slice(4), 'shared-datastore', `share ${attributes.datastore ?? 'a datastore'}`);
  });
  const onHost = new Map<string, string[]>();
  for (const id of applications)
    for (const host of hostsOf(graph, id)) onHost.set(host, [...(onHost.get(host) ?? []), id]);
  for (const [host, ids] of onHost)
    for (let i = 1; i < ids.length; i++) bond(ids[0]!, ids[i]!, 'co-location', `both run on ${label(host)}`);
  // Chatty host links: latency-sensitive or high volume between the hosts of two applications.
  forEachHostLink(graph, (source, target, port, volume, latencySensitive) => {
    // A server no application runs on moves with what it talks to, but for infrastructure and hubs.
    if (serverUnits.binds(source, target, port)) {
      const units = (host: string) => (serverUnits.has(host) ? [host] : (onHost.get(host) ?? []));
      for (const a of units(source))
        for (const b of units(target))
          bond(
            a,
            b,
            latencySensitive || volume === 'high' ? 'chatty-link' : 'connection',
            `talk over ${label(source)} → ${label(target)}${port ? `:${port}` : ''}`,
          );
    }
    if (!latencySensitive && volume !== 'high') return;
    for (const a of onHost.get(source) ?? [])
      for (const b of onHost.get(target) ?? []) {
        bond(
          a,
          b,
          'chatty-link',
          `talk over a ${latencySensitive ? 'latency-sensitive' : 'high-volume'} link ${label(source)} → ${label(target)}${port ? `:${port}` : ''}`,
        );
      }
  });

  const members = new Map<string, string[]>();
  for (const id of [...moving].sort(compareStrings)) append(members, find(id), id);
  // A component with servers too large to move as one (servers linked in a chain through the
  // estate) is cut into its communities of traffic; the links between them cross for a while.
  const bondsByRoot = new Map<string, Bond[]>();
  for (const entry of bonds) append(bondsByRoot, find(entry.between[0]), entry);
  const parts = [...members].flatMap(([root, units]) =>
    units.some((unit) => serverUnits.has(unit))
      ? communities(units, bondsByRoot.get(root) ?? [], 2 * maxServersPerWave)
      : [units],
  );
  const partOf = new Map(parts.flatMap((units, index) => units.map((unit) => [unit, index] as const)));
  const bondsOf = new Map<number, Bond[]>();
  for (const entry of bonds) {
    const part = partOf.get(entry.between[0]);
    if (part !== undefined && part === partOf.get(entry.between[1])) append(bondsOf, part, entry);
  }
  const groups: MoveGroup[] = parts.map((units, part) => {
    const ids = units.filter((unit) => !serverUnits.has(unit));
    const hosts = [
      ...new Set([...ids.flatMap((id) => hostsOf(graph, id)), ...units.filter((unit) => serverUnits.has(unit))]),
    ].sort(compareStrings);
    const datastores = new Set<string>();
    for (const id of ids) {
      if (!graph.hasNode(appNode(id))) continue;
      graph.forEachOutNeighbor(appNode(id), (neighbour, attributes) => {
        if (DATASTORES.has(attributes.kind)) datastores.add(attributes.label);
      });
    }
    return {
      id: ids.length > 0 ? `group-${ids[0]}` : `group-${units[0]!.replace(':', '-')}`,
      applications: ids,
      hosts,
      datastores: [...datastores].sort(compareStrings),
      bonds: [...(bondsOf.get(part) ?? [])].sort(
        (a, b) => compareStrings(a.between.join(), b.between.join()) || compareStrings(a.kind, b.kind),
      ),
    };
  });
  return groups;
}
