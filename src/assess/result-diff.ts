import { baselineState, type BaselineDocument } from './baseline.js';
import { compareStrings } from '../util/compare.js';

/** A value before and after, given only when it changed. */
interface Change<T> {
  before?: T | undefined;
  after?: T | undefined;
}

export interface ResultDiff {
  /** Set when the two results share too few applications to be one portfolio at two times. */
  warning?: string;
  scores: {
    applicationId: string;
    name: string;
    before?: number | undefined;
    after?: number | undefined;
    change?: number | undefined;
    strategy?: Change<string>;
    effort?: Change<number>;
    wave?: Change<number>;
  }[];
  new: {
    id: string;
    ruleId: string;
    applicationId: string;
    application: string;
    severity: string;
    title: string;
    state: 'new' | 'changed';
  }[];
  fixed: { id: string; ruleId: string; applicationId: string; application: string; severity: string; title: string }[];
}

/** What a result says of an application besides its score: its strategy, effort and wave (older results may lack them). */
function planOf(doc: BaselineDocument, id: string): { strategy?: string; effort?: number; wave?: number } {
  const app = doc.applications.find((candidate) => candidate.id === id) as
    { strategy?: unknown; effort?: unknown } | undefined;
  const waves = (doc as { waves?: { waves?: { number: number; applications: string[] }[] } }).waves?.waves ?? [];
  const wave = waves.find((candidate) => candidate.applications.includes(id))?.number;
  return {
    ...(typeof app?.strategy === 'string' ? { strategy: app.strategy } : {}),
    ...(typeof app?.effort === 'number' ? { effort: app.effort } : {}),
    ...(wave !== undefined ? { wave } : {}),
  };
}

/** A change of one value, or nothing when it stayed (or one side does not say). */
function changeOf<T>(before: T | undefined, after: T | undefined): { change?: Change<T> } {
  return before !== undefined && after !== undefined && before !== after ? { change: { before, after } } : {};
}

/** What changed between two results: scores, strategies, effort and waves, new findings (or new places), fixed findings. */
export function diffResults(before: BaselineDocument, after: BaselineDocument): ResultDiff {
  const ids = [
    ...new Set([...before.applications.map((app) => app.id), ...after.applications.map((app) => app.id)]),
  ].sort(compareStrings);
  const score = (doc: BaselineDocument, id: string) => doc.applications.find((app) => app.id === id)?.score;
  // Two results of one portfolio share most of their applications; two unrelated ones none.
  const shared = ids.filter((id) => score(before, id) !== undefined && score(after, id) !== undefined).length;
  const smaller = Math.min(before.applications.length, after.applications.length);
  const warning =
    smaller > 0 && shared < smaller / 2
      ? `the two results share ${shared} of their ${before.applications.length} and ${after.applications.length} applications: they look like two different portfolios, not one at two times`
      : undefined;
  // The name the table shows, as the newer result has it.
  const name = (id: string) =>
    after.applications.find((app) => app.id === id)?.name ??
    before.applications.find((app) => app.id === id)?.name ??
    id;
  const earlier = new Map(before.findings.map((finding) => [finding.id, finding]));
  const later = new Set(after.findings.map((finding) => finding.id));
  return {
    ...(warning ? { warning } : {}),
    scores: ids.map((id) => {
      const [a, b] = [score(before, id), score(after, id)];
      const [was, now] = [planOf(before, id), planOf(after, id)];
      const strategy = changeOf(was.strategy, now.strategy).change;
      const effort = changeOf(was.effort, now.effort).change;
      const wave = changeOf(was.wave, now.wave).change;
      return {
        applicationId: id,
        name: name(id),
        before: a,
        after: b,
        ...(a !== undefined && b !== undefined ? { change: b - a } : {}),
        ...(strategy ? { strategy } : {}),
        ...(effort ? { effort } : {}),
        ...(wave ? { wave } : {}),
      };
    }),
    new: after.findings.flatMap((finding) => {
      const state = baselineState(finding, earlier);
      return state === 'existing'
        ? []
        : [
            {
              id: finding.id,
              ruleId: finding.ruleId,
              applicationId: finding.applicationId,
              application: name(finding.applicationId),
              severity: finding.severity,
              title: finding.title,
              state,
            },
          ];
    }),
    fixed: before.findings
      .filter((finding) => !later.has(finding.id))
      .map(({ id, ruleId, applicationId, severity, title }) => ({
        id,
        ruleId,
        applicationId,
        application: name(applicationId),
        severity,
        title,
      })),
  };
}
