import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { PortfolioGraph } from '../../src/model/portfolio-graph-types.js';
import { splitInput } from '../../src/plan/split/split-input.js';
import { splitMetrics } from '../../src/plan/split/split-metrics.js';

/** Four classes without packages (so no package ties), linked by calls; entry points as given. */
function graphOf(calls: [string, string][], entryPoints: Record<string, string> = {}): PortfolioGraph {
  const graph: PortfolioGraph = new MultiDirectedGraph();
  for (const name of ['A', 'B', 'C', 'D'])
    graph.addNode(`unit:app:${name}`, {
      kind: 'unit',
      label: name,
      language: 'java',
      origin: 'production',
      ...(entryPoints[name] ? { entryPoints: entryPoints[name] } : {}),
    });
  for (const [from, to] of calls) graph.addEdge(`unit:app:${from}`, `unit:app:${to}`, { kind: 'calls' });
  return graph;
}

const CALLS: [string, string][] = [
  ['A', 'B'],
  ['A', 'C'],
  ['C', 'D'],
  ['B', 'D'],
];
// A and B in one service, C in another, D in a shared library (a group of its own).
const GROUPS = new Map([
  ['unit:app:A', 'orders'],
  ['unit:app:B', 'orders'],
  ['unit:app:C', 'billing'],
  ['unit:app:D', 'library:util-library'],
]);

describe('split metrics, against hand-computed values', () => {
  it('computes modularity, SM, ICP, IFN, NED and BCP over every class, shared library included', () => {
    const metrics = splitMetrics(
      splitInput(graphOf(CALLS, { A: 'http-route /orders', C: 'http-route /invoices' }), 'app'),
      GROUPS,
    );
    expect(metrics.over).toEqual({ classes: 4, groups: 3, links: 4, edges: 'static' });
    // m = 4 unit-weight edges; orders holds A-B (1) with degree 4, billing and the library degree 2 each:
    // Q = (1/4 - (4/8)²) + (0 - (2/8)²) + (0 - (2/8)²) = -0.125.
    expect(metrics.modularity).toEqual({ value: -0.125 });
    // Cohesion (1/2² + 0 + 0) / 3 = 0.0833; coupling 2/(3·2) · (1/(2·1) + 1/(1·1) + 1/(2·1)) = 0.6667.
    expect(metrics.sm).toEqual({ value: -0.583 });
    // Every call once (ln 1 + 1 = 1): A→C, C→D and B→D cross of 4.
    expect(metrics.icp).toEqual({ value: 0.75 });
    // Three linked pairs cross, over three groups.
    expect(metrics.ifn).toEqual({ value: 1 });
    // No group has 5 to 20 classes.
    expect(metrics.ned).toEqual({ value: 1 });
    // Use case A touches orders, billing and the library; use case C billing and the library:
    // (ln 1 + ln 2 + ln 2) / 3 = 0.462.
    expect(metrics.bcp).toEqual({ value: 0.462 });
  });

  it('says n/a, and why, where a metric cannot be computed', () => {
    const metrics = splitMetrics(splitInput(graphOf([]), 'app'), GROUPS);
    expect(metrics.bcp).toEqual({
      value: null,
      reason: 'no entry point (controller, servlet, listener, job) was found, so there are no use cases',
    });
    expect(metrics.icp).toEqual({ value: null, reason: 'no static call between server classes was read' });
    expect(metrics.sm).toEqual({ value: null, reason: 'no code edge joins two server classes' });
    expect(metrics.modularity).toEqual({ value: null, reason: 'no ties between classes' });
    expect(metrics.ned).toEqual({ value: 1 });
  });

  it('uses measured call volumes instead of static calls when given, and says so', () => {
    // A→C measured 100 times, A→B once; the static B→D and C→D calls were never seen at run time.
    const input = splitInput(graphOf(CALLS), 'app', {
      runtimeCalls: [
        { caller: 'A', callee: 'C', count: 100 },
        { caller: 'A', callee: 'B', count: 1 },
        { caller: 'A', callee: 'Nowhere', count: 5 },
      ],
    });
    expect(input.runtimePairs).toBe(2);
    const metrics = splitMetrics(input, GROUPS);
    expect(metrics.over).toEqual({ classes: 4, groups: 3, links: 2, edges: 'runtime' });
    // ICP = (ln 100 + 1) / ((ln 100 + 1) + (ln 1 + 1)) = 5.605 / 6.605.
    expect(metrics.icp.value).toBeCloseTo(0.849, 3);
    // IFN: one linked pair crosses (A-C), over three groups.
    expect(metrics.ifn).toEqual({ value: 0.333 });
  });
});
