import { UndirectedGraph } from 'graphology';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { Server, ServerFinding } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { append } from '../util/multimap.js';
import { seededRandom } from '../util/seeded-random.js';
import { louvain } from './graph-algorithms.js';

/** Two units of a move group bound together, and why (docs/waves.md). */
export interface Bond {
  kind: 'shared-datastore' | 'co-location' | 'chatty-link' | 'connection';
  between: [string, string];
  detail: string;
}

/** What a server no application runs on counts as for the pilot and the order: how ready it is on its best cloud. */
const SERVER_SCORE = { ready: 90, 'ready-with-conditions': 70, unknown: 50, 'not-ready': 0 } as const;

/**
 * Ports of services every server talks to (DNS, Kerberos, NTP, RPC and SMB, LDAP, syslog, SNMP,
 * WinRM, monitoring and update agents): traffic on them says nothing of what moves together.
 */
const INFRASTRUCTURE_PORTS = new Set([
  53, 88, 123, 135, 137, 138, 139, 161, 162, 389, 445, 464, 514, 636, 3268, 3269, 5985, 5986, 8530, 8531, 9100, 10050,
  10051,
]);

/**
 * The servers no application runs on, which the wave planner moves as units of their own: keyed
 * by their graph node (host:<id>, never an application id), unless no cloud can take them.
 */
export class ServerUnits {
  readonly units = new Map<string, Server>();
  readonly staying: { server: string; reason: string }[] = [];
  /** Servers that most others talk to (a file server, a jump host): they would bind the estate into one group. */
  private readonly hubs: Set<string>;

  /** Person-days of each unit's findings: the work its move takes besides replication. */
  private readonly efforts = new Map<string, number>();

  constructor(graph: PortfolioGraph, servers: Server[], findings: Pick<ServerFinding, 'serverId' | 'effort'>[] = []) {
    for (const finding of findings)
      this.efforts.set(
        `host:${finding.serverId}`,
        (this.efforts.get(`host:${finding.serverId}`) ?? 0) + finding.effort,
      );
    for (const server of servers) {
      if (!server.readiness || server.applications.length > 0) continue;
      const verdicts = Object.values(server.readiness);
      if (verdicts.every((verdict) => verdict.status === 'not-ready'))
        this.staying.push({
          server: server.id,
          reason: `not ready on any cloud: ${verdicts[0]!.reasons[0] ?? 'see its readiness'}`,
        });
      else if (graph.hasNode(`host:${server.id}`)) this.units.set(`host:${server.id}`, server);
    }
    const degree = new Map<string, number>();
    if (this.units.size > 0) {
      graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
        if (attributes.kind !== 'connects-to' || sourceAttributes.kind !== 'host' || targetAttributes.kind !== 'host')
          return;
        degree.set(source, (degree.get(source) ?? 0) + 1);
        degree.set(target, (degree.get(target) ?? 0) + 1);
      });
    }
    const hubLimit = Math.max(10, Math.ceil(0.05 * this.units.size));
    this.hubs = new Set(
      [...degree].filter(([host, links]) => this.units.has(host) && links > hubLimit).map(([host]) => host),
    );
  }

  has(unit: string): boolean {
    return this.units.has(unit);
  }

  /** A unit's effort: what its findings take (the replication itself is not counted). */
  effort(unit: string): number {
    return this.efforts.get(unit) ?? 0;
  }

  /** A unit's score for the pilot and the order. */
  score(unit: string): number {
    return Math.max(...Object.values(this.units.get(unit)!.readiness!).map((verdict) => SERVER_SCORE[verdict.status]));
  }

  /** Whether a link between two hosts binds a server no application runs on: not on infrastructure ports, not to or from a hub. */
  binds(source: string, target: string, port: number | undefined): boolean {
    return (
      (this.units.has(source) || this.units.has(target)) &&
      !(port && INFRASTRUCTURE_PORTS.has(port)) &&
      !this.hubs.has(source) &&
      !this.hubs.has(target)
    );
  }
}

/**
 * A component cut into communities of traffic of at most `limit` units where it can be (Louvain,
 * seeded: the same estate gives the same groups; a community still too large is cut again), each
 * sorted; bonds weigh 3 for a chatty link or a shared datastore, 1 else.
 */
export function communities(units: string[], bonds: Bond[], limit: number): string[][] {
  if (units.length <= limit) return [units];
  const inside = new Set(units);
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const unit of units) graph.addNode(unit);
  // Only the bonds inside count (the caller passes a community its own).
  const inner = bonds.filter(({ between: [a, b] }) => inside.has(a) && inside.has(b));
  // Weights summed per pair first: one edge each, no lookup per bond (between is sorted).
  const weights = new Map<string, number>();
  for (const { between, kind } of inner) {
    const pair = between.join('\0');
    weights.set(pair, (weights.get(pair) ?? 0) + (kind === 'connection' ? 1 : 3));
  }
  for (const [pair, weight] of weights) {
    const [a, b] = pair.split('\0') as [string, string];
    graph.addEdge(a, b, { weight });
  }
  const found = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(7) });
  const byCommunity = new Map<number, string[]>();
  for (const unit of units) append(byCommunity, found[unit]!, unit);
  // One community is the whole: Louvain cannot cut it, and it moves as one group.
  if (byCommunity.size === 1) return [units];
  // Each community goes on with its own bonds: siblings do not read each other's.
  const bondsIn = new Map<number, Bond[]>();
  for (const entry of inner)
    if (found[entry.between[0]] === found[entry.between[1]]) append(bondsIn, found[entry.between[0]]!, entry);
  return [...byCommunity]
    .flatMap(([community, members]) => communities(members, bondsIn.get(community) ?? [], limit))
    .sort((a, b) => compareStrings(a[0]!, b[0]!));
}
