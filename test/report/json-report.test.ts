import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonReportParts } from '../../src/report/json-report.js';

const whole = (value: unknown) => [...jsonReportParts(value)].join('');

describe('the JSON report written in parts', () => {
  it('is exactly what JSON.stringify writes, for any value', () => {
    // Undefined members, holes and dates as the result never holds them, but JSON.stringify has rules for them all.
    const value = fc.anything({
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      maxDepth: 5,
      values: [fc.constant(undefined), fc.string(), fc.double({ noNaN: false })],
    });
    // A result is an object; its members and items may be anything.
    const same = (input: unknown) => whole(input) === `${JSON.stringify(input, null, 2)}\n`;
    fc.assert(
      fc.property(value, (input) => same({ result: input, list: [input, { input }] })),
      { numRuns: 2000 },
    );
  });

  it("hands the writer the result's lists a slice at a time, not one string", () => {
    const result = {
      findings: Array.from({ length: 5000 }, (_, at) => ({
        ruleId: `rule/${at}`,
        evidence: [{ file: 'a.java', line: at }],
      })),
      graph: { nodes: [{ id: 'app:a' }], edges: [] },
      empty: {},
    };
    const parts = [...jsonReportParts(result)];
    const total = parts.join('').length;
    expect(parts.length).toBeGreaterThan(10);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(total / 8);
    expect(parts.join('')).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });
});
