// The accuracy harness's inputs and its judge: the corpus list (test/corpus/repos.yaml), one truth
// file per repository (test/corpus/truth/OWNER+NAME.yaml) and how a scan result is scored against
// it. Pure functions, so that test/corpus/judge.test.ts can hold them to hand-made cases.
import { z } from 'zod';

export const RepoList = z.strictObject({
  repositories: z.array(
    z.strictObject({
      name: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name'),
      commit: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-hex commit'),
      covers: z.string().describe('What the repository is here to test'),
    }),
  ),
});

const Kind = z.enum([
  'service',
  'web',
  'batch',
  'desktop',
  'library',
  'tooling',
  'infrastructure',
  'test',
  'mainframe',
]);
const Strategy = z.enum(['rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate']);

/** One judged place: a claim cloudready makes (or must make, or must not make) at a file and line. */
const Judgement = z
  .strictObject({
    rule: z.string().optional().describe('Rule id; absent: any rule (a must-not place)'),
    category: z.string().optional().describe('Rule category, where any rule of it will do'),
    file: z
      .string()
      .optional()
      .describe('Path relative to the repository root; absent only for findings that have no place (no CI, no tests)'),
    application: z
      .string()
      .optional()
      .describe('Path of the application the finding is about; for findings that have no place'),
    line: z.number().int().positive().optional().describe('Absent: anywhere in the file'),
    report: z
      .boolean()
      .describe('true: must be reported (recall, and a true positive when it is); false: must not be reported'),
    why: z.string().min(3).describe('What the line shows, in code that runs in production or not'),
    from: z
      .enum(['tool', 'review'])
      .default('tool')
      .describe(
        'tool: a place cloudready reported, judged; review: found by reading the code, whatever cloudready says (only these measure recall honestly)',
      ),
  })
  .refine(
    (entry) => entry.file !== undefined || entry.rule !== undefined || entry.category !== undefined,
    'a judgement names a file, a rule or a category',
  );

export const TruthFile = z.strictObject({
  repository: z.string(),
  judged: z.string().describe('Date of the last judgement, YYYY-MM-DD'),
  applications: z.array(
    z.strictObject({
      name: z.string(),
      path: z.string().describe('Folder relative to the repository root; "." for the root'),
      kind: Kind,
      score: z
        .tuple([z.number().int().min(0).max(100), z.number().int().min(0).max(100)])
        .optional()
        .describe('Expected score band, inclusive'),
      strategy: z.array(Strategy).min(1).optional().describe('Strategies an architect would accept'),
      why: z.string().optional(),
    }),
  ),
  findings: z.array(Judgement).default([]),
  split: z
    .strictObject({
      application: z.string().describe('Path of the application split, as in applications'),
      source: z.string().describe('How the reference was drawn, from what in the code'),
      contexts: z
        .record(z.string(), z.array(z.string()).min(1))
        .describe(
          'Bounded context → class or package names; a class belongs where the longest of them prefixes its name',
        ),
    })
    .optional()
    .describe('A reference decomposition, for the MoJoFM of cloudready split (issue #26)'),
});

/** The context the reference puts a class in: the longest name of any context that is the class or a package around it. */
export function referenceContext(contexts, className) {
  let best;
  for (const [context, names] of Object.entries(contexts)) {
    for (const name of names)
      if ((className === name || className.startsWith(`${name}.`)) && (!best || name.length > best.name.length))
        best = { context, name };
  }
  return best?.context;
}

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const COUNTED_SEVERITIES = new Set(['blocker', 'major', 'minor']);

/** Every place a result claims, one per evidence item (or one per finding without evidence). */
export function reportedPlaces(result) {
  const places = [];
  const paths = new Map(result.applications.map((app) => [app.id, app.path]));
  for (const finding of result.findings) {
    const base = {
      rule: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      application: finding.applicationId,
      applicationPath: paths.get(finding.applicationId),
    };
    if (finding.evidence.length === 0) places.push({ ...base, file: undefined, line: undefined });
    for (const item of finding.evidence)
      places.push({ ...base, file: item.file, line: item.line, snippet: item.snippet, origin: item.origin });
  }
  return places;
}

function matches(entry, place) {
  if (entry.rule !== undefined && entry.rule !== place.rule) return false;
  if (entry.application !== undefined && entry.application !== place.applicationPath) return false;
  if (entry.category !== undefined && entry.category !== place.category) return false;
  if (entry.file !== place.file) return false;
  return entry.line === undefined || entry.line === place.line;
}

/** The judgement that speaks most precisely of a place: a line beats a whole file, a rule beats any rule. */
export function judgementOf(entries, place) {
  let best;
  let bestRank = -1;
  for (const entry of entries) {
    if (!matches(entry, place)) continue;
    const rank =
      (entry.line !== undefined ? 8 : 0) +
      (entry.application !== undefined ? 4 : 0) +
      (entry.rule !== undefined ? 2 : 0) +
      (entry.category !== undefined ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [entry, rank];
  }
  return best;
}

/**
 * A result against its truth, over the blocker, major and minor places it reports: applications
 * matched by path, precision over judged places, recall of must-report items, must-not items that
 * fired, and the places nobody has judged yet.
 */
export function judgeResult(result, truth) {
  // Info findings are notes that count nowhere (not in scores, effort or gates): what is judged is what is claimed.
  const places = reportedPlaces(result).filter((place) => COUNTED_SEVERITIES.has(place.severity));
  const judged = places.map((place) => ({ place, entry: judgementOf(truth.findings, place) }));
  const truePositives = judged.filter(({ entry }) => entry?.report === true);
  const falsePositives = judged.filter(({ entry }) => entry?.report === false);
  // Recall is measured on what a reviewer found by reading the code: places judged from the tool's
  // own output would be found by construction.
  const mustReport = truth.findings.filter((entry) => entry.report && entry.from === 'review');
  const missed = mustReport.filter((entry) => !places.some((place) => matches(entry, place)));
  const mustNotHits = truth.findings.filter((entry) => !entry.report && places.some((place) => matches(entry, place)));

  const byPath = new Map(result.applications.map((app) => [app.path, app]));
  const applications = truth.applications.map((expected) => {
    const found = byPath.get(expected.path);
    // Identity: the same unit an architect counts (path), called the same (name, any case or punctuation) and of the same kind.
    const identity = [];
    const problems = [];
    if (!found) identity.push('not detected');
    else {
      if (slug(found.name) !== slug(expected.name)) identity.push(`named ${found.name}, expected ${expected.name}`);
      if (found.kind !== expected.kind) identity.push(`kind ${found.kind}, expected ${expected.kind}`);
      if (expected.score && (found.score < expected.score[0] || found.score > expected.score[1]))
        problems.push(`score ${found.score} outside ${expected.score[0]}-${expected.score[1]}`);
      if (expected.strategy && !expected.strategy.includes(found.strategy))
        problems.push(`strategy ${found.strategy}, expected ${expected.strategy.join(' or ')}`);
    }
    return { expected, found, identity, problems, matched: found !== undefined && identity.length === 0 };
  });
  const expectedPaths = new Set(truth.applications.map((app) => app.path));
  const extraApplications = result.applications.filter((app) => !expectedPaths.has(app.path));

  return {
    places: places.length,
    truePositives: truePositives.length,
    judgedPlaces: [...truePositives, ...falsePositives].map(({ place }) => place),
    falsePositives: falsePositives.map(({ place, entry }) => ({ place, entry })),
    unjudged: judged.filter(({ entry }) => entry === undefined).map(({ place }) => place),
    mustReport: mustReport.length,
    missed,
    mustNotHits,
    judgements: truth.findings.length,
    applications,
    extraApplications,
  };
}

/** Precision and recall as percentages, undefined where nothing was counted. */
export function rates(judgement) {
  const judgedPlaces = judgement.truePositives + judgement.falsePositives.length;
  return {
    precision: judgedPlaces > 0 ? (100 * judgement.truePositives) / judgedPlaces : undefined,
    recall:
      judgement.mustReport > 0
        ? (100 * (judgement.mustReport - judgement.missed.length)) / judgement.mustReport
        : undefined,
  };
}
