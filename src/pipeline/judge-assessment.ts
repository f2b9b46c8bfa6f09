import { compareWithBaseline, type BaselineDocument } from '../assess/baseline.js';
import { evaluateGate, hasThresholds, type GateThresholds } from '../assess/gate.js';
import type { Config } from '../config/config-schema.js';
import type { ScanResult, Severity, SeverityCounts } from '../result/schema.js';
import type { StageTimings } from '../util/stage-timer.js';

export interface AssessOptions {
  /** Gate thresholds from the command line; they override cloudready.yaml's portfolio thresholds. */
  gate?: GateThresholds | undefined;
  /** An earlier result: only what is new counts for the gate. */
  baseline?: BaselineDocument | undefined;
  now?: (() => Date) | undefined;
  timings?: StageTimings | undefined;
}

/** A result before it is judged: without the time of the scan, baseline states and the gate. */
export type Assessment = Omit<ScanResult, 'scannedAt' | 'baseline' | 'gate'>;

function severityCounts(findings: { severity: Severity }[]): SeverityCounts {
  const counts = { blocker: 0, major: 0, minor: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The assessment stamped with the time, compared with a baseline and judged by the gate. */
export function judgeAssessment(
  assessment: Assessment,
  configured: Config['gate'],
  options: AssessOptions,
): ScanResult {
  const { schemaVersion, tool, diagnostics, ...rest } = assessment;
  const { findings, applications } = assessment;
  const comparison = options.baseline ? compareWithBaseline(findings, options.baseline) : undefined;
  if (comparison) for (const finding of findings) finding.baselineState = comparison.states.get(finding.id)!;
  const gateConfig = {
    ...configured,
    ...Object.fromEntries(Object.entries(options.gate ?? {}).filter(([, value]) => value !== undefined)),
  };
  const gate = hasThresholds(gateConfig)
    ? { ...evaluateGate(applications, findings, gateConfig, comparison), thresholds: gateConfig }
    : undefined;
  return {
    schemaVersion,
    tool,
    scannedAt: (options.now ?? (() => new Date()))().toISOString(),
    ...rest,
    ...(comparison
      ? {
          baseline: {
            new: findings.filter((finding) => finding.baselineState === 'new').length,
            changed: findings.filter((finding) => finding.baselineState === 'changed').length,
            existing: findings.filter((finding) => finding.baselineState === 'existing').length,
            fixed: comparison.fixed.map(({ id, ruleId, applicationId, severity, title }) => ({
              id,
              ruleId,
              applicationId,
              severity,
              title,
            })),
            // What a trend needs: when the baseline was, what it found, and each score then and now.
            ...(options.baseline!.scannedAt ? { scannedAt: options.baseline!.scannedAt } : {}),
            findingsBefore: severityCounts(options.baseline!.findings),
            scores: applications.flatMap((app) =>
              comparison.scores.has(app.id)
                ? [{ applicationId: app.id, before: comparison.scores.get(app.id)!, after: app.score }]
                : [],
            ),
          },
        }
      : {}),
    ...(gate ? { gate } : {}),
    diagnostics,
  };
}
