import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineDocument } from '../../src/assess/baseline.js';
import { scan } from '../../src/scan.js';

const DEMO = path.resolve(import.meta.dirname, '../../fixtures/demo-portfolio');

describe('the baseline as a trend', () => {
  it('carries when the baseline was, what it found, and each score then and now', async () => {
    const first = await scan({ paths: [DEMO], cwd: process.cwd(), now: () => new Date('2026-06-01T00:00:00Z') });
    // The earlier scan: Billing scored 20 and had one finding more; the storefront's majors were not there yet.
    const earlier = BaselineDocument.parse({
      ...first,
      applications: first.applications.map((app) => (app.id === 'billing-service' ? { ...app, score: 20 } : app)),
      findings: [
        ...first.findings.filter(
          (finding) => !(finding.applicationId === 'web-storefront' && finding.severity === 'major'),
        ),
        {
          ...first.findings.find((finding) => finding.applicationId === 'billing-service')!,
          id: 'billing-service:gone/rule',
          ruleId: 'gone/rule',
          severity: 'blocker',
        },
      ],
    });
    const result = await scan({
      paths: [DEMO],
      cwd: process.cwd(),
      baseline: earlier,
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    const { baseline } = result;
    expect(baseline?.scannedAt).toBe('2026-06-01T00:00:00.000Z');
    expect(baseline?.findingsBefore).toEqual({
      ...result.summary.findings,
      blocker: result.summary.findings.blocker + 1,
      major: result.summary.findings.major - 7,
    });
    expect(baseline?.new).toBe(7);
    expect(baseline?.fixed.map((finding) => finding.ruleId)).toEqual(['gone/rule']);
    expect(baseline?.scores).toHaveLength(9);
    expect(baseline?.scores.find((score) => score.applicationId === 'billing-service')).toEqual({
      applicationId: 'billing-service',
      before: 20,
      after: 35,
    });
    expect(
      baseline?.scores.filter((score) => score.before !== score.after).map((score) => score.applicationId),
    ).toEqual(['billing-service']);
  });
});
