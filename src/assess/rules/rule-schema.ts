import { z } from 'zod';
import { ORIGINS } from '../../discover/origin.js';
import { PATH_ORIGINS } from '../../extract/source/path-origin.js';

const Origin = z.enum(ORIGINS);
import { Severity, Strategy } from '../../result/schema.js';
import { Category } from '../scoring-model.js';

/**
 * Rule packs (rules/*.yaml): the product's knowledge, written as data. The `when` tree joins
 * conditions with all/any/not; each leaf names one kind of fact. New fact kinds add leaves
 * here and a matcher in conditions/, nothing else changes.
 */
const Globs = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

export const PatternCondition = z.strictObject({
  regex: z.string().min(1).describe('Regular expression in JavaScript syntax, run on a linear-time engine (RE2: no look-around, no back-references), matched per line-aware text with comments blanked'),
  flags: z.string().regex(/^[isu]*$/, 'flags may only be i, s, u').optional().describe('Extra regex flags; g and m are always on'),
  files: Globs.optional().describe('Globs relative to the application folder; default: every source file'),
  languages: z.array(z.string()).optional().describe('Language ids (java, cobol, csharp ...); default: all'),
});

export const FileCondition = z.strictObject({
  glob: Globs.describe('Globs relative to the application folder; true when a file matches'),
  containing: z.string().min(1).optional().describe('Regular expression the file\'s text (comments blanked) must match; the evidence is still the whole file'),
  notContaining: z.string().min(1).optional().describe('Regular expression the file\'s text (comments blanked) must not match, e.g. a guard that makes the file harmless'),
});

export const DependencyCondition = z.strictObject({
  name: Globs.describe('Dependency names (Maven groupId:artifactId, npm, NuGet, PyPI ...); globs allowed'),
  ecosystem: z.enum(['maven', 'gradle', 'npm', 'pypi', 'nuget', 'go', 'composer']).optional(),
  scope: z.array(z.string()).optional().describe('Only these scopes (runtime, compile, provided, dev, test, peer, optional, managed, parent ...); default: every scope that ships, so not test, dev, peer, optional or managed (a version pin)'),
  version: z.string().optional().describe('A semver range the declared version must satisfy, e.g. "<2.0.0" (versions are coerced: 1.2.17 → 1.2.17, v4.6.1 → 4.6.1)'),
});

const Languages = z.array(z.string()).optional().describe('Language ids; default: all');

export const ImportCondition = z.strictObject({
  name: Globs.describe('Imported package, namespace or module; a name also matches everything below it (javax.ejb matches javax.ejb.Stateless)'),
  languages: Languages,
});
export const AnnotationCondition = z.strictObject({
  name: Globs.describe('Annotation, attribute or decorator name without @ or brackets (Stateless, ServiceContract, route)'),
  languages: Languages,
});
export const ApiCondition = z.strictObject({
  kind: z.array(z.enum(['file-read', 'file-write', 'socket', 'session', 'thread', 'process-exec', 'environment', 'system-property', 'jndi', 'registry', 'reflection', 'machine-name', 'certificate-checks-off'])).min(1),
  name: Globs.optional().describe('The call as written, e.g. Files.write'),
  notUse: z.array(z.enum(['reported', 'fallback', 'compared'])).min(1).optional().describe('Calls whose result the code only uses so do not count: reported (a named field of a message, payload or log line), fallback (the default of a setting), compared'),
  path: z.array(z.enum(PATH_ORIGINS)).min(1).optional().describe('Only file calls whose path comes from here: configured (a setting, environment variable or property), absolute, data-folder (a folder named for uploads, media, archives ...), listed (found by listing such a folder), bundled (shipped with the code), temporary, system (/proc, /sys, /dev)'),
  languages: Languages,
});
export const MainframeCondition = z.strictObject({
  family: z.array(z.enum(['cics', 'sql', 'dli', 'mq'])).min(1),
  verb: Globs.optional().describe('READ, SEND MAP, WRITEQ TS, SELECT, GU, MQPUT ...'),
});
export const JclCondition = z.strictObject({
  utility: Globs.optional().describe('System utility a step runs: IDCAMS, SORT, IKJEFT01, DFSRRC00 ...'),
  program: Globs.optional().describe('Application program a step runs'),
});
export const LiteralCondition = z.strictObject({
  kind: z.array(z.enum(['url', 'host', 'ip', 'path', 'port'])).min(1),
  value: z.string().optional().describe('Regular expression the literal must match'),
  languages: Languages,
});
export const EntryPointCondition = z.strictObject({
  kind: z.array(z.enum(['main', 'servlet', 'http-route', 'message-listener', 'scheduled', 'web-service', 'cics-transaction', 'batch-program', 'batch-job'])).min(1),
});
export const SCHEDULERS = ['control-m', 'ca-7', 'autosys', 'windows-task'] as const;
export const ScheduledJobCondition = z.strictObject({
  scheduler: z.array(z.enum(SCHEDULERS)).min(1).describe('Scheduler whose job definitions to find, recognised by content whatever the file is called: control-m (XML or Automation API JSON), ca-7 (DB.1 listings), autosys (JIL), windows-task (Task Scheduler XML)'),
});
export const DataAccessCondition = z.strictObject({
  via: Globs.optional().describe('sql, jpa, cics-file, vsam, sequential-file, dli, cics-queue ...'),
  targetKind: z.array(z.enum(['table', 'entity', 'dataset', 'file', 'dd', 'queue', 'segment'])).optional(),
  mode: z.enum(['read', 'write']).optional(),
});
export const UnitCondition = z.strictObject({
  kind: z.array(z.enum(['class', 'interface', 'enum', 'record', 'struct', 'annotation-type', 'module', 'function', 'program', 'copybook', 'job', 'procedure', 'mapset', 'database', 'program-spec'])).min(1),
  languages: Languages,
});

export const EndpointCondition = z.strictObject({
  kind: z.array(z.enum(['database', 'message-broker', 'cache', 'directory', 'mail', 'file-transfer', 'http-service', 'object-storage', 'remote-object'])).optional(),
  protocol: Globs.optional().describe('oracle, sqlserver, db2, h2, amqp, ldap, smtp, ftp, http ...'),
  host: z.string().optional().describe('Regular expression the host must match; (local) and (embedded) name databases on the machine or in the process'),
  notHost: z.string().optional().describe('Regular expression the host must not match, e.g. public services'),
});
export const SecretCondition = z.strictObject({
  kind: z.array(z.enum(['password', 'secret', 'token', 'key', 'connection-string', 'url-credentials'])).optional(),
  in: z.array(z.enum(['config', 'code'])).optional().describe('Where the secret is written: configuration settings, or literals in source code; default both'),
});
export const ConfigCondition = z.strictObject({
  key: Globs.describe('Flattened setting key: spring.datasource.url, configuration.system.web.sessionState.@mode'),
  notKey: Globs.optional().describe('Keys that do not count even when key matches, e.g. scratch folders (*temp*)'),
  value: z.string().optional().describe('Regular expression the value must match'),
  notValue: z.string().optional().describe('Regular expression the value must not match, e.g. USER root'),
  files: Globs.optional().describe('Globs relative to the application folder'),
});
export const DeliveryCondition = z.strictObject({
  has: z.array(z.enum(['ci', 'tests', 'container', 'iac', 'health-check'])).min(1).describe('True when the application has every one of these; use not: for absence'),
});

export const HostCondition = z.strictObject({
  platform: z.array(z.enum(['z/OS', 'AIX', 'HP-UX', 'Solaris', 'IBM i', 'Windows', 'Linux', 'other'])).optional(),
  os: z.string().optional().describe('Regular expression over "<os name> <version>"'),
  coresAbove: z.number().optional(),
  memoryGiBAbove: z.number().optional(),
});
export const LicenceCondition = z.strictObject({
  model: z.array(z.enum(['per-core', 'per-socket', 'per-user', 'node-locked', 'dongle', 'site', 'subscription', 'free', 'open-source'])).optional(),
  byol: z.boolean().optional().describe('Match only licences that may (true) or may not (false) be brought to a cloud'),
  software: z.string().optional().describe('Regular expression over the software name'),
});
export const SlaCondition = z.strictObject({
  availabilityAtLeast: z.number().optional(),
  rtoMinutesAtMost: z.number().optional(),
  rpoMinutesAtMost: z.number().optional(),
  criticality: z.array(z.enum(['mission-critical', 'business-critical', 'important', 'low'])).optional(),
});
export const ConnectionCondition = z.strictObject({
  peer: z
    .enum(['unknown', 'stays-on-premises'])
    .optional()
    .describe('unknown: no inventory describes the other side; stays-on-premises: the other side runs on a platform with no cloud target (z/OS, AIX, HP-UX, Solaris, IBM i) and this side does not'),
  direction: z.enum(['outbound', 'inbound']).optional(),
  chatty: z.boolean().optional().describe('Latency-sensitive or high-volume'),
  latencySensitive: z.boolean().optional(),
  volume: z.array(z.enum(['low', 'medium', 'high'])).optional().describe('As given, or derived from how often the connection was seen'),
  port: z.array(z.number().int().positive()).optional(),
});
export const GraphCondition = z.strictObject({
  dependsOn: z
    .strictObject({
      kind: z.array(z.string()).optional().describe('Node kinds: application, host, unknown-host, database, message-broker, library, licence ...'),
      label: z.string().optional().describe('Regular expression over the node label'),
      edge: z.array(z.string()).optional().describe('Edge kinds to follow: depends-on, connects-to, runs-on, shares-datastore ...; default: all but contains'),
    })
    .optional()
    .describe('The application has an edge to a node matching all given'),
  fanInAbove: z.number().int().nonnegative().optional().describe('More than this many other applications depend on it or share a datastore with it'),
});

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { pattern: z.infer<typeof PatternCondition> }
  | { file: z.infer<typeof FileCondition> }
  | { dependency: z.infer<typeof DependencyCondition> }
  | { import: z.infer<typeof ImportCondition> }
  | { annotation: z.infer<typeof AnnotationCondition> }
  | { api: z.infer<typeof ApiCondition> }
  | { mainframe: z.infer<typeof MainframeCondition> }
  | { jcl: z.infer<typeof JclCondition> }
  | { literal: z.infer<typeof LiteralCondition> }
  | { entryPoint: z.infer<typeof EntryPointCondition> }
  | { scheduledJob: z.infer<typeof ScheduledJobCondition> }
  | { dataAccess: z.infer<typeof DataAccessCondition> }
  | { unit: z.infer<typeof UnitCondition> }
  | { endpoint: z.infer<typeof EndpointCondition> }
  | { secret: z.infer<typeof SecretCondition> }
  | { config: z.infer<typeof ConfigCondition> }
  | { delivery: z.infer<typeof DeliveryCondition> }
  | { host: z.infer<typeof HostCondition> }
  | { licence: z.infer<typeof LicenceCondition> }
  | { sla: z.infer<typeof SlaCondition> }
  | { connection: z.infer<typeof ConnectionCondition> }
  | { graph: z.infer<typeof GraphCondition> };

/** Leaves that read configuration facts. */
export type ConfigFactCondition = Extract<Condition, { endpoint: unknown } | { secret: unknown } | { config: unknown } | { delivery: unknown }>;
export type InventoryCondition = Extract<Condition, { host: unknown } | { licence: unknown } | { sla: unknown } | { connection: unknown }>;
export type GraphPredicate = Extract<Condition, { graph: unknown }>;
export type FactCondition = Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown } | { pattern: unknown } | { file: unknown } | { dependency: unknown } | ConfigFactCondition | InventoryCondition | GraphPredicate>;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ pattern: PatternCondition }),
    z.strictObject({ file: FileCondition }),
    z.strictObject({ dependency: DependencyCondition }),
    z.strictObject({ import: ImportCondition }),
    z.strictObject({ annotation: AnnotationCondition }),
    z.strictObject({ api: ApiCondition }),
    z.strictObject({ mainframe: MainframeCondition }),
    z.strictObject({ jcl: JclCondition }),
    z.strictObject({ literal: LiteralCondition }),
    z.strictObject({ entryPoint: EntryPointCondition }),
    z.strictObject({ scheduledJob: ScheduledJobCondition }),
    z.strictObject({ dataAccess: DataAccessCondition }),
    z.strictObject({ unit: UnitCondition }),
    z.strictObject({ endpoint: EndpointCondition }),
    z.strictObject({ secret: SecretCondition }),
    z.strictObject({ config: ConfigCondition }),
    z.strictObject({ delivery: DeliveryCondition }),
    z.strictObject({ host: HostCondition }),
    z.strictObject({ licence: LicenceCondition }),
    z.strictObject({ sla: SlaCondition }),
    z.strictObject({ connection: ConnectionCondition }),
    z.strictObject({ graph: GraphCondition }),
  ]),
) as z.ZodType<Condition>;

/**
 * One test case of a rule: the files of a small application (paths relative to its folder; a
 * path under inventory/ is an inventory beside it, where the application's id is `app`), or a
 * fixture folder (relative to the pack file) scanned as it is.
 */
export const RuleTestCase = z.union([
  z.strictObject({ description: z.string().optional(), file: z.string().min(1), content: z.string() }),
  z.strictObject({ description: z.string().optional(), files: z.record(z.string().min(1), z.string()).refine((files) => Object.keys(files).length > 0, 'files must name at least one file') }),
  z.strictObject({ description: z.string().optional(), fixture: z.string().min(1).describe('Folder relative to the pack file, scanned as a portfolio') }),
]);
export type RuleTestCase = z.infer<typeof RuleTestCase>;

export const RuleTests = z.strictObject({
  match: z.array(RuleTestCase).default([]).describe('Cases the rule must fire on'),
  'no-match': z.array(RuleTestCase).default([]).describe('Cases the rule must stay silent on: near misses, commented-out code, the fixed version'),
});

export const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids look like pack/rule-name'),
  title: z.string().min(1),
  category: Category.describe('What the rule is about; decides the readiness dimension it counts against (docs/scoring.md)'),
  severity: Severity,
  effort: z.number().nonnegative().describe('Person-days to resolve for a typical application (docs/scoring.md)'),
  strategy: Strategy.optional().describe('The migration strategy this finding points to'),
  description: z.string().min(1),
  remediation: z.string().min(1),
  message: z.string().optional().describe('Finding text; {count} is replaced by the number of places found'),
  references: z.array(z.url()).default([]),
  labels: z.array(z.string()).default([]).describe('Source and target technologies, e.g. websphere, ejb, aws-lambda'),
  supersedes: z
    .array(z.string())
    .default([])
    .describe('Rule ids whose places on the same lines this rule reports instead: one place, one problem (a localhost URL is a localhost dependency, not also a hard-coded host)'),
  contexts: z
    .array(Origin)
    .min(1)
    .default(['production'])
    .describe('Where evidence counts: origins of the files whose places make a finding count (docs/languages.md); places elsewhere are reported apart'),
  when: Condition,
  tests: RuleTests.optional().describe('Run by cloudready rules test'),
});
export type Rule = z.infer<typeof Rule>;

export const RulePack = z.strictObject({
  pack: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string(),
  description: z.string(),
  sources: z.array(z.string()).default([]).describe('Where the pack\'s knowledge comes from: vendor documentation, migration guides, standards (text with a URL)'),
  rules: z.array(Rule).min(1),
});
export type RulePack = z.infer<typeof RulePack>;
