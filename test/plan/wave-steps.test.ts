import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { PortfolioGraph } from '../../src/model/portfolio-graph-types.js';
import type { Application } from '../../src/result/schema.js';
import { ServerUnits } from '../../src/plan/server-units.js';
import { crossingLinks } from '../../src/plan/waves/crossing-links.js';
import { moveGroups } from '../../src/plan/waves/move-groups.js';
import { groupNeeds, orderWaves } from '../../src/plan/waves/wave-order.js';

/**
 * A small estate: shop and stock share a database; stock and billing run on one host; reports
 * needs shop; legacy stays. The hosts of shop and reports talk over a latency-sensitive link.
 */
function estate(): PortfolioGraph {
  const graph: PortfolioGraph = new MultiDirectedGraph();
  for (const id of ['shop', 'stock', 'billing', 'reports', 'legacy'])
    graph.addNode(`app:${id}`, { kind: 'application', label: id });
  for (const id of ['web01', 'app01', 'rep01', 'old01']) graph.addNode(`host:${id}`, { kind: 'host', label: id });
  graph.addNode('endpoint:orders-db', { kind: 'database', label: 'orders-db' });
  graph.addEdge('app:shop', 'host:web01', { kind: 'runs-on' });
  graph.addEdge('app:stock', 'host:app01', { kind: 'runs-on' });
  graph.addEdge('app:billing', 'host:app01', { kind: 'runs-on' });
  graph.addEdge('app:reports', 'host:rep01', { kind: 'runs-on' });
  graph.addEdge('app:legacy', 'host:old01', { kind: 'runs-on' });
  graph.addEdge('app:shop', 'endpoint:orders-db', { kind: 'uses' });
  graph.addEdge('app:shop', 'app:stock', { kind: 'shares-datastore', datastore: 'orders-db' });
  graph.addEdge('app:reports', 'app:shop', { kind: 'depends-on' });
  graph.addEdge('host:rep01', 'host:old01', { kind: 'connects-to', port: 1521, latencySensitive: true });
  return graph;
}

const app = (id: string, score: number, effort: number, strategy = 'rehost') =>
  ({ id, name: id, score, effort, strategy, strategyReasons: [] }) as unknown as Application;
const APPS = [
  app('shop', 80, 10),
  app('stock', 75, 8),
  app('billing', 90, 4),
  app('reports', 95, 2),
  app('legacy', 20, 40, 'retain'),
];
const MOVING = new Set(['shop', 'stock', 'billing', 'reports']);

/** The estate's move groups put into waves of at most this many applications. */
function wavesOf(maxPerWave: number) {
  const graph = estate();
  const units = new ServerUnits(graph, []);
  const groups = moveGroups(
    graph,
    MOVING,
    APPS.map(({ id }) => id),
    units,
    25,
  );
  return orderWaves(graph, groups, new Map(APPS.map((entry) => [entry.id, entry])), units, {
    maxPerWave,
    maxServersPerWave: 25,
  });
}

describe('wave planning, step by step', () => {
  it('binds applications that share a datastore or a host into one move group, and says why', () => {
    const graph = estate();
    const groups = moveGroups(
      graph,
      MOVING,
      APPS.map(({ id }) => id),
      new ServerUnits(graph, []),
      25,
    );
    expect(groups.map((group) => group.applications)).toEqual([['billing', 'shop', 'stock'], ['reports']]);
    const [bound] = groups;
    expect(bound!.hosts).toEqual(['host:app01', 'host:web01']);
    expect(bound!.datastores).toEqual(['orders-db']);
    expect(bound!.bonds.map((bond) => `${bond.kind}: ${bond.detail}`)).toEqual([
      'co-location: both run on app01',
      'shared-datastore: share orders-db',
    ]);
  });

  it('knows which group needs which: a dependency between their applications', () => {
    const graph = estate();
    const groups = moveGroups(
      graph,
      MOVING,
      APPS.map(({ id }) => id),
      new ServerUnits(graph, []),
      25,
    );
    expect([...groupNeeds(graph, groups)].map(([group, needs]) => [group, [...needs]])).toEqual([
      ['group-billing', []],
      ['group-reports', ['group-billing']],
    ]);
  });

  it('puts a small, ready group in the pilot and a group after the groups it depends on', () => {
    const waves = wavesOf(5);
    // reports is small and ready, so it pilots even though it needs shop: the pilot proves the landing zone first.
    expect(waves.map((wave) => [wave.number, wave.applications, wave.effort])).toEqual([
      [1, ['reports'], 2],
      [2, ['billing', 'shop', 'stock'], 22],
    ]);
    expect(waves[0]!.reasons[0]).toMatch(/^pilot/);
    expect(waves[1]!.reasons[1]).toMatch(/criticality unknown, lowest score 75$/);
  });

  it('keeps a group that does not fit a wave in one of its own', () => {
    const waves = wavesOf(2);
    expect(waves.map((wave) => wave.applications.length)).toEqual([1, 3]);
    expect(waves[1]!.reasons[0]).toBe('wave 2: a group larger than the wave limit moves alone');
  });

  it('lists the links that cross the hybrid boundary and until when', () => {
    const graph = estate();
    const links = crossingLinks(graph, [
      { number: 1, groups: [], applications: ['reports'], hosts: ['host:rep01'], effort: 2, reasons: [] },
    ]);
    expect(links).toEqual([
      { from: 'rep01', to: 'old01', port: 1521, latencySensitive: true, until: 'always: one side stays' },
    ]);
  });
});
