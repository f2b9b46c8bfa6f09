import { z } from 'zod';
import { ENDPOINT_KINDS } from './endpoint-kinds.js';
import { WavePlan } from './wave-plan-schema.js';
import { ApplicationSplit } from './split-schema.js';
import { Server, ServerCosts } from './server-schema.js';
import { Application, OutsideFolder, SetAsideUnit } from './application-schema.js';
import {
  EffortRange,
  Finding,
  RuleInfo,
  ServerFinding,
  Severity,
  SeverityCounts,
  Strategy,
  SuppressedEvidence,
} from './finding-schema.js';

export { Server, ServerCosts } from './server-schema.js';
export * from './finding-schema.js';
export * from './application-schema.js';

/**
 * The scan result: cloudready's public contract. Every reporter renders it, `--format json`
 * writes it, and later commands read it back. Add fields freely; never rename or remove one
 * without a major schemaVersion bump (docs/result-schema.md).
 */
export const SCHEMA_VERSION = '1.0.0';

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
  kind: z.enum(ENDPOINT_KINDS),
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
