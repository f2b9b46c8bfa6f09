import { z } from 'zod';
import { Evidence, Severity, type Finding } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';

/**
 * What a baseline needs from an earlier result: findings with their places and fingerprints,
 * and application scores. Read loosely, so that results of older versions still serve.
 */
export const BaselineDocument = z.looseObject({
  scannedAt: z.string().optional(),
  applications: z.array(z.looseObject({ id: z.string(), name: z.string().optional(), score: z.number() })),
  findings: z.array(
    z.looseObject({
      id: z.string(),
      ruleId: z.string(),
      applicationId: z.string(),
      severity: Severity,
      title: z.string(),
      fingerprint: z.string(),
      evidence: z.array(Evidence),
      evidenceCount: z.number(),
    }),
  ),
});
export type BaselineDocument = z.infer<typeof BaselineDocument>;

export type BaselineState = 'new' | 'changed' | 'existing';

/** A place, as the fingerprint sees it: file and snippet, not the line (lines move). */
const placeKey = (evidence: { file: string; snippet?: string | undefined }) =>
  `${evidence.file}\0${(evidence.snippet ?? '').replace(/\s+/g, ' ').trim()}`;

/**
 * How a finding relates to the baseline:
 * - new: this rule did not fire on this application before;
 * - changed: it did, but now also fires in places the baseline does not list (a line that moved
 *   keeps its file and text, so it is not a new place);
 * - existing: nothing new.
 */
export function baselineState(
  finding: Pick<Finding, 'id' | 'fingerprint' | 'evidence' | 'evidenceCount'>,
  baseline: Map<string, BaselineDocument['findings'][number]>,
): BaselineState {
  const before = baseline.get(finding.id);
  if (!before) return 'new';
  if (before.fingerprint === finding.fingerprint) return 'existing';
  const known = new Set(before.evidence.map(placeKey));
  const unlisted = before.evidenceCount > before.evidence.length;
  // Beyond the listed cap, the baseline cannot tell: count more places than before as a change.
  if (finding.evidence.some((evidence) => !known.has(placeKey(evidence))))
    return unlisted && finding.evidenceCount <= before.evidenceCount ? 'existing' : 'changed';
  return finding.evidenceCount > before.evidenceCount ? 'changed' : 'existing';
}

export interface BaselineComparison {
  states: Map<string, BaselineState>;
  fixed: BaselineDocument['findings'];
  scores: Map<string, number>;
}

export function compareWithBaseline(findings: Finding[], baseline: BaselineDocument): BaselineComparison {
  const before = new Map(baseline.findings.map((finding) => [finding.id, finding]));
  const now = new Set(findings.map((finding) => finding.id));
  return {
    states: new Map(findings.map((finding) => [finding.id, baselineState(finding, before)])),
    fixed: baseline.findings.filter((finding) => !now.has(finding.id)).sort((a, b) => compareStrings(a.id, b.id)),
    scores: new Map(baseline.applications.map((app) => [app.id, app.score])),
  };
}
