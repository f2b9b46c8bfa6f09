import { z } from 'zod';
import { SEVERITY_ORDER } from './severity-order.js';
import { WavePlan } from './wave-plan-schema.js';
import { ApplicationSplit } from './split-schema.js';
import { APPLICATION_KINDS, PART_KINDS } from './unit-kinds.js';
import { ORIGINS } from '../discover/origin.js';
import { Server, ServerCosts } from './server-schema.js';

export { Server, ServerCosts } from './server-schema.js';

const Origin = z.enum(ORIGINS);

/**
 * The scan result: cloudready's public contract. Every reporter renders it, `--format json`
 * writes it, and later commands read it back. Add fields freely; never rename or remove one
 * without a major schemaVersion bump (docs/result-schema.md).
 */
export const SCHEMA_VERSION = '1.0.0';

// The severities are listed once, most severe first, in a module the page script can use without zod.
export const Severity = z.enum(SEVERITY_ORDER);
export type Severity = z.infer<typeof Severity>;
export { SEVERITY_ORDER };

export const Strategy = z.enum(['rehost', 'replatform', 'refactor', 'repurchase', 'retire', 'retain', 'relocate']);
export type Strategy = z.infer<typeof Strategy>;

const Score = z.number().int().min(0).max(100);
export const EffortRange = z
  .strictObject({ low: z.number().nonnegative(), high: z.number().nonnegative() })
  .describe('Person-days, optimistic to pessimistic (docs/scoring.md)');

export const RuleInfo = z.strictObject({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  severity: Severity.describe('As configured for this scan'),
  effort: z.number().nonnegative(),
  strategy: Strategy.optional(),
  description: z.string(),
  remediation: z.string(),
  references: z.array(z.string()),
  labels: z.array(z.string()),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

export const Evidence = z.strictObject({
  file: z.string().describe('POSIX path relative to the scanned root'),
  line: z.number().int().positive().optional().describe('1-based; omitted when the evidence is a whole file'),
  snippet: z.string().optional().describe('The matched line, trimmed, secrets masked'),
  context: z
    .strictObject({ firstLine: z.number().int().positive(), lines: z.array(z.string()) })
    .optional()
    .describe('The code around the line (two lines either side), secrets masked; where the file was read'),
  origin: Origin.optional().describe(
    'What the file is: production, test, build, ci, dev-config, vendored, generated, docs or sample code (docs/languages.md); absent in results of older versions',
  ),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.strictObject({
  id: z.string().describe('ruleId@applicationId, stable across runs'),
  ruleId: z.string(),
  applicationId: z.string(),
  severity: Severity,
  category: z.string(),
  title: z.string(),
  message: z.string(),
  effort: z.number().nonnegative().describe('Person-days for a typical case (docs/scoring.md)'),
  strategyHint: Strategy.optional(),
  remediation: z.string(),
  evidence: z
    .array(Evidence)
    .describe(
      'Most decisive first (production code, then the rest by origin), then by file and line; capped, see evidenceCount',
    ),
  evidenceCount: z.number().int().nonnegative().describe('All places found, including those beyond the cap'),
  fingerprint: z.string().describe('Hash of rule, application and normalised evidence; survives line shifts'),
  baselineState: z
    .enum(['new', 'changed', 'existing'])
    .optional()
    .describe('With --baseline: new finding, new places of a known one, or nothing new'),
});
export type Finding = z.infer<typeof Finding>;

/** A finding of a server that runs no application (rules that read hosts alone: rules/servers.yaml and others). */
export const ServerFinding = Finding.omit({ applicationId: true, baselineState: true }).extend({
  id: z.string().describe('ruleId@host:serverId, stable across runs'),
  serverId: z.string().describe('The server (hosts[].id) it is about'),
  fingerprint: z.string().describe('Hash of rule, server and normalised evidence'),
});
export type ServerFinding = z.infer<typeof ServerFinding>;

export const SuppressedEvidence = z.strictObject({
  findingId: z.string(),
  ruleId: z.string(),
  applicationId: z.string(),
  file: z.string().optional().describe('Absent when the finding has no place (no CI, no tests)'),
  line: z.number().int().positive().optional(),
  by: z
    .enum(['inline', 'config'])
    .describe('inline: a cloudready-ignore comment; config: rules.ignore in cloudready.yaml'),
  reason: z.string().optional(),
});
export type SuppressedEvidence = z.infer<typeof SuppressedEvidence>;

export const SeverityCounts = z.strictObject({
  blocker: z.number().int().nonnegative(),
  major: z.number().int().nonnegative(),
  minor: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

export const ApplicationPart = z.strictObject({
  path: z.string(),
  kind: z.enum(PART_KINDS),
  reason: z.string(),
  counted: z
    .boolean()
    .describe(
      'Whether evidence in it counts toward the score (a front end, a library, deployment definitions); tests, tooling and docs are listed apart',
    ),
});

/** A folder no application owns, and why: tooling, docs, a test suite of the whole repository ... */
export const OutsideFolder = z.strictObject({
  path: z.string(),
  kind: z.enum(PART_KINDS),
  reason: z.string(),
  files: z.number().int().nonnegative(),
});

/** A deployable unit that is not a migration candidate: a library or a desktop client. */
export const SetAsideUnit = z.strictObject({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  reason: z.string(),
  detection: z.array(z.string()),
  manifests: z.array(z.string()),
  files: z.number().int().nonnegative(),
  loc: z.number().int().nonnegative(),
});

export const Application = z.strictObject({
  id: z.string().describe('Stable slug of the application path'),
  name: z.string(),
  path: z.string().describe('POSIX path relative to the scanned root; "." for the root itself'),
  kind: z
    .enum(APPLICATION_KINDS)
    .default('service')
    .describe('What it is: service, web, batch or mainframe (library and desktop units are listed in setAside)'),
  kindReason: z.string().default('').describe('The fact that decided the kind'),
  detectedBy: z.enum(['config', 'manifest', 'mainframe', 'source']),
  detection: z
    .array(z.string())
    .default([])
    .describe('How it was found, in words: the files that declare it, what was merged into it'),
  manifests: z.array(z.string()).describe('Build manifests that define the application and its modules'),
  modules: z.array(z.string()).describe('Paths of nested build modules that belong to this application'),
  parts: z
    .array(ApplicationPart)
    .default([])
    .describe(
      'Folders inside it that are not applications themselves (tests, tooling, a front end ...): their files belong to it, their evidence counts by origin',
    ),
  languages: z.record(z.string(), z.number().int().nonnegative()).describe('Lines of code per language'),
  loc: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  score: z.number().int().min(0).max(100),
  strategy: Strategy,
  strategyReasons: z.array(z.string()),
  blockers: z.number().int().nonnegative(),
  findingCounts: SeverityCounts,
  dimensions: z
    .strictObject({ code: Score, platform: Score, data: Score, operations: Score, delivery: Score })
    .describe('The score over the findings of each dimension only (docs/scoring.md)'),
  confidence: z
    .strictObject({ score: Score, level: z.enum(['high', 'medium', 'low']), reasons: z.array(z.string()) })
    .describe('How much of the application could be analysed; what lowered it'),
  strategyRunnerUp: z
    .strictObject({ strategy: Strategy, reasons: z.array(z.string()) })
    .describe('The next strategy to weigh, and why'),
  effort: z.number().nonnegative().describe('Sum of rule efforts, person-days'),
  effortRange: EffortRange,
});
export type Application = z.infer<typeof Application>;

export const GraphNode = z.strictObject({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.strictObject({
  source: z.string(),
  target: z.string(),
  kind: z.string(),
  attributes: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .describe('port, protocol, volume, via ... where the edge has them'),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Diagnostic = z.strictObject({
  level: z.enum(['error', 'warning', 'info']).describe('error: input that could not be read; the exit code is 2'),
  code: z.string().describe('Stable machine-readable reason, e.g. binary-file, parse-error'),
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const DependencyRecord = z.strictObject({
  applicationId: z.string(),
  ecosystem: z.string().describe('maven, gradle, npm, pypi, nuget, go, composer'),
  name: z.string(),
  version: z.string().optional(),
  scope: z.string().describe('runtime, compile, provided, dev, test, managed, framework ...'),
  file: z.string(),
  line: z.number().int().positive().optional(),
  licence: z.string().optional().describe('As the manifest or lockfile records it'),
  transitive: z.boolean().optional().describe('From a lockfile: a dependency of a dependency'),
});
export type DependencyRecord = z.infer<typeof DependencyRecord>;

export const EndpointRecord = z.strictObject({
  applicationId: z.string(),
  kind: z.enum([
    'database',
    'message-broker',
    'cache',
    'directory',
    'mail',
    'file-transfer',
    'http-service',
    'object-storage',
    'remote-object',
  ]),
  protocol: z.string(),
  host: z
    .string()
    .describe("Host or IP; (local) and (embedded) for databases on the application's machine or in its process"),
  port: z.number().int().positive().optional(),
  database: z.string().optional(),
  file: z.string(),
  line: z.number().int().positive(),
  key: z.string().optional().describe('The configuration setting that names it; absent for literals in code'),
});
export type EndpointRecord = z.infer<typeof EndpointRecord>;

export const RulePackInfo = z.strictObject({
  id: z.string(),
  source: z.string().describe('built-in, or the path the pack was loaded from'),
  rules: z.number().int().nonnegative(),
});

export { WavePlan, WaveSchedule } from './wave-plan-schema.js';

export const ScanResult = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('cloudready'), version: z.string() }),
  scannedAt: z.string().describe('ISO 8601; the only field that differs between two scans of the same tree'),
  roots: z.array(z.string()),
  rulePacks: z.array(RulePackInfo),
  scoringModel: z
    .strictObject({
      shares: z.strictObject({ blocker: z.number(), major: z.number(), minor: z.number(), info: z.number() }),
      blockerCap: z.number(),
      dimensions: z.record(z.string(), z.string()).describe('Rule category → dimension, as applied'),
      strategyOrder: z.array(Strategy),
    })
    .describe('The model the scores were computed with, so that they can be explained later'),
  rules: z
    .array(RuleInfo)
    .describe('Every rule with a finding or a suppressed place, sorted by id: the help text reports show'),
  summary: z.strictObject({
    applications: z.number().int().nonnegative(),
    files: z.number().int().nonnegative(),
    loc: z.number().int().nonnegative(),
    findings: SeverityCounts,
    serverFindings: SeverityCounts.optional().describe(
      'Findings of servers that run no application; absent without inventories',
    ),
    effort: z.number().nonnegative(),
    effortRange: EffortRange,
    skippedFiles: z.number().int().nonnegative(),
    inventory: z.strictObject({
      files: z.number().int().nonnegative(),
      imported: z.number().int().nonnegative().describe('Records (rows, hosts, connections) imported'),
      ignored: z
        .number()
        .int()
        .nonnegative()
        .describe(
          'Sound records that describe nothing to move (VM templates, loopback traffic), each with an info diagnostic',
        ),
      rejected: z.number().int().nonnegative().describe('Records rejected, each with a diagnostic'),
      hosts: z
        .number()
        .int()
        .nonnegative()
        .describe('Distinct machines after matching names and addresses across files'),
      connections: z.number().int().nonnegative().describe('Distinct connections by source, target and port'),
    }),
  }),
  applications: z.array(Application),
  setAside: z
    .array(SetAsideUnit)
    .default([])
    .describe('Libraries and desktop clients: found, listed, not migration candidates (no findings, scores or waves)'),
  outside: z
    .array(OutsideFolder)
    .default([])
    .describe('Folders outside every application, with the reason, sorted by path'),
  findings: z.array(Finding),
  uncounted: z
    .array(Finding)
    .default([])
    .describe(
      'Places found only in code the scan does not count (tests, vendored libraries, samples ...: see rule contexts and --include-context), one entry per rule and application; never in scores, effort or gates',
    ),
  suppressed: z
    .array(SuppressedEvidence)
    .describe(
      'Evidence silenced by cloudready-ignore comments or rules.ignore; a finding whose every place is silenced is not in findings',
    ),
  dependencies: z.array(DependencyRecord).describe('Declared dependencies of every application, sorted'),
  endpoints: z.array(EndpointRecord).describe('Datastores and services applications connect to, sorted'),
  serverCosts: ServerCosts.optional().describe(
    'Monthly cost of the servers per cloud at list prices, when inventories describe servers',
  ),
  hosts: z
    .array(Server)
    .default([])
    .describe(
      'Every server the inventories describe, with its readiness per cloud, sorted by id (docs/inventory.md, "Servers")',
    ),
  serverFindings: z
    .array(ServerFinding)
    .default([])
    .describe(
      'Findings of servers that run no application, sorted by server and rule; a server that runs one gives its findings to the application. Not in scores or gates',
    ),
  inventories: z
    .array(
      z.strictObject({
        file: z.string(),
        format: z.string(),
        imported: z.number().int().nonnegative(),
        ignored: z.number().int().nonnegative(),
        rejected: z.number().int().nonnegative(),
      }),
    )
    .describe('Each inventory file imported, with its format and record counts, sorted by file'),
  graph: z.strictObject({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }),
  graphAnalysis: z
    .strictObject({
      applicationCycles: z.array(z.array(z.string())).describe('Applications that depend on each other in a circle'),
      moduleCycles: z.array(z.array(z.string())).describe('Build modules whose code depends on each other in a circle'),
      sharedDatastores: z.array(
        z.strictObject({
          id: z.string(),
          kind: z.string(),
          label: z.string(),
          applications: z.array(z.string()),
          writtenBy: z.array(z.string()),
        }),
      ),
      hubs: z
        .array(z.strictObject({ id: z.string(), kind: z.string(), label: z.string(), dependents: z.number().int() }))
        .describe('Nodes most applications need, most first'),
      unknownEndpoints: z
        .array(z.strictObject({ id: z.string(), kind: z.string(), label: z.string(), usedBy: z.array(z.string()) }))
        .describe('Endpoints and machines no scanned application or inventory describes'),
    })
    .describe('What the dependency graph says (docs/graph.md)'),
  waves: WavePlan,
  splits: z
    .array(ApplicationSplit)
    .default([])
    .describe('A proposed service split of each application, or why it has none (docs/split.md)'),
  baseline: z
    .strictObject({
      new: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      existing: z.number().int().nonnegative(),
      fixed: z
        .array(
          z.strictObject({
            id: z.string(),
            ruleId: z.string(),
            applicationId: z.string(),
            severity: Severity,
            title: z.string(),
          }),
        )
        .describe('Findings of the baseline that are gone'),
      scannedAt: z.string().optional().describe('When the baseline was scanned'),
      findingsBefore: SeverityCounts.optional().describe("The baseline's findings by severity"),
      scores: z
        .array(z.strictObject({ applicationId: z.string(), before: z.number(), after: z.number() }))
        .default([])
        .describe('Each application in both results with its score then and now, in result order'),
    })
    .optional()
    .describe('With --baseline: how the findings compare with the earlier result'),
  gate: z
    .strictObject({
      passed: z.boolean(),
      thresholds: z.strictObject({
        failUnder: z.number().optional(),
        maxBlockers: z.number().optional(),
        failOn: Severity.optional(),
        applications: z.record(
          z.string(),
          z.strictObject({
            failUnder: z.number().optional(),
            maxBlockers: z.number().optional(),
            failOn: Severity.optional(),
          }),
        ),
      }),
      failures: z.array(z.strictObject({ applicationId: z.string(), reasons: z.array(z.string()) })),
    })
    .optional()
    .describe('When thresholds are set: whether the CI gate passed, and why each failing application failed'),
  diagnostics: z.array(Diagnostic),
  profile: z
    .strictObject({
      stages: z
        .record(z.string(), z.number())
        .describe('Milliseconds per stage, and peak resident memory (MiB) by the end of each'),
      rulesRan: z.boolean().describe('False when the last assessment was reused from the cache: no rule ran'),
      slowestRules: z
        .array(z.strictObject({ rule: z.string(), ms: z.number() }))
        .describe('The 20 rules that took longest over all applications'),
      slowestFiles: z
        .array(z.strictObject({ file: z.string(), ms: z.number(), by: z.string() }))
        .describe('The 20 files that took longest, with the extractor or rule that took most of it'),
      workers: z
        .strictObject({ threads: z.number().int().nonnegative(), files: z.number().int().nonnegative() })
        .describe(
          'Extraction threads started and the files they extracted; 0 threads with fewer than 300 tree-sitter files to parse (the others unchanged since the last scan) or with --workers 0',
        ),
      reusedApplications: z
        .number()
        .int()
        .nonnegative()
        .describe('Applications read back whole from the cache, their files unchanged since the scan that kept them'),
    })
    .optional()
    .describe('Only with scan --profile: what took the time (differs run to run)'),
});
export type ScanResult = z.infer<typeof ScanResult>;
