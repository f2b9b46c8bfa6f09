import type { PathOrigin } from './path-origins.js';
import type { ValueUse } from './literal-use.js';

/**
 * Typed facts one source file yields. Extractors are pure (text in, facts out) and never read
 * another file, so they can be cached by content hash and run in workers. Names are as written
 * in the file; the model resolves them within the application.
 */
export interface Location {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type UnitKind =
  | 'class'
  | 'interface'
  | 'enum'
  | 'record'
  | 'struct'
  | 'annotation-type'
  | 'module'
  | 'function'
  | 'program'
  | 'copybook'
  | 'job'
  | 'procedure'
  | 'mapset'
  | 'database'
  | 'program-spec';

export interface Unit {
  /** Fully qualified name: com.acme.orders.OrderService, Acme.Billing.Invoice, CAUTH01. */
  id: string;
  name: string;
  kind: UnitKind;
  location: Location;
  /** Enclosing unit for nested classes. */
  parent?: string;
  modifiers?: string[];
}

/** `follows`: a scheduled job runs after another (Control-M conditions). */
export type ReferenceKind =
  'imports' | 'calls' | 'uses' | 'inherits' | 'implements' | 'instantiates' | 'includes' | 'follows';

export interface Reference {
  /** Unit the reference is made from. */
  from: string;
  /** Target as written: simple or qualified name, program name, copybook member. */
  to: string;
  kind: ReferenceKind;
  location: Location;
  /** A call through a variable (COBOL CALL WS-PGM): the target is not known statically. */
  dynamic?: boolean;
}

export interface Import {
  /** Package, namespace or module imported (java.util.List, System.IO, ./routes/cart). */
  target: string;
  location: Location;
  /** `import x.*`, `using X;`, `from x import *`: the whole namespace. */
  wildcard?: boolean;
  /** The name an alias import gives it (C# `using Q = System.Messaging.MessageQueue;`). */
  alias?: string;
  /** An import the file never uses (a Java single-type import or C# alias never named, a catalogued namespace none of whose types appear): not a use of what it names. */
  unused?: boolean;
}

export interface Annotation {
  unit: string;
  /** Method or field the annotation sits on; absent when it sits on the unit itself. */
  member?: string;
  /** Simple name without @ or brackets: Stateless, ServiceContract, app.route. */
  name: string;
  arguments?: string;
  location: Location;
}

export type EntryKind =
  | 'main'
  | 'servlet'
  | 'http-route'
  | 'message-listener'
  | 'scheduled'
  | 'web-service'
  | 'cics-transaction'
  | 'batch-program'
  | 'batch-job';

export interface EntryPoint {
  unit: string;
  kind: EntryKind;
  /** Route path, queue, transaction id, schedule: whatever names the entry. */
  detail?: string;
  location: Location;
}

export type AccessMode = 'read' | 'write';

export interface DataAccess {
  unit: string;
  /** Table, entity table, dataset, CICS file, DD or queue name as written (schema-qualified where it is). */
  target: string;
  /** `dd`: a COBOL file assigned to a DD name, which the JCL step running the program binds to a dataset. */
  targetKind: 'table' | 'entity' | 'dataset' | 'file' | 'dd' | 'queue' | 'segment';
  mode: AccessMode;
  /** How: sql, jpa-entity, ef-dbset, mybatis, cics-file, vsam, jcl-dd, dli ... */
  via: string;
  location: Location;
}

export type LiteralKind = 'url' | 'host' | 'ip' | 'path' | 'port';

export interface Literal {
  unit?: string;
  kind: LiteralKind;
  value: string;
  location: Location;
}

export type ApiKind =
  | 'file-read'
  | 'file-write'
  | 'socket'
  | 'session'
  | 'thread'
  | 'process-exec'
  | 'environment'
  | 'system-property'
  | 'jndi'
  | 'registry'
  | 'reflection'
  /** The name of the machine the code runs on: os.hostname(), Environment.MachineName, InetAddress.getLocalHost(). */
  | 'machine-name'
  /** TLS certificate checks turned off on a client: `rejectUnauthorized: false` where it means that. */
  | 'certificate-checks-off';

export interface ApiCall {
  unit?: string;
  api: ApiKind;
  /** The call as written, e.g. new FileWriter, Files.write, os.environ, Runtime.exec. */
  name: string;
  /** What the code does with the result, when where it stands says so (literal-use.ts): shown in a message, or a default. */
  use?: ValueUse;
  /** Where the path a file API opens comes from (path-origin.ts), when its expression or assignments say. */
  path?: PathOrigin;
  location: Location;
}

export type MainframeFamily = 'cics' | 'sql' | 'dli' | 'mq';

export interface MainframeCommand {
  unit: string;
  family: MainframeFamily;
  /** READ, SEND MAP, WRITEQ TS, SELECT, GU, MQPUT ... */
  verb: string;
  /** Options with their values: FILE → CARDMST, PROGRAM → CAUTHFR. A value read from a variable is marked dynamic. */
  resources: Record<string, string>;
  /** Options whose value is a variable (FILE(WS-FILE)): known only at run time. */
  dynamic?: string[];
  location: Location;
}

export interface JobStep {
  job: string;
  step: string;
  /** EXEC PGM=, or the program a utility runs (IKJEFT01 RUN PROGRAM, DFSRRC00 PARM). */
  program?: string;
  /** EXEC PROC= or EXEC name: a catalogued procedure. */
  procedure?: string;
  /** IDCAMS, SORT, IKJEFT01, DFSRRC00 ... when the step runs a system utility. */
  utility?: string;
  location: Location;
}

export interface DatasetUse {
  job: string;
  step: string;
  dd: string;
  dsn: string;
  /** SHR, OLD, NEW, MOD with normal and abnormal dispositions as written. */
  disposition?: string;
  /** GDG generation: +1, 0, -1. */
  generation?: string;
  mode: AccessMode;
  location: Location;
}

/** A resource declared for a runtime: CICS CSD entries, IMS DBD/PSB, scheduler jobs. */
export interface ResourceDefinition {
  kind:
    | 'cics-transaction'
    | 'cics-program'
    | 'cics-map'
    | 'cics-file'
    | 'cics-queue'
    | 'ims-database'
    | 'ims-psb'
    | 'scheduled-job'
    | 'entity';
  name: string;
  attributes: Record<string, string>;
  location: Location;
}

export interface Diagnostic {
  message: string;
  location: Location;
}

export interface SourceFacts {
  file: string;
  language: string;
  namespace?: string;
  units: Unit[];
  imports: Import[];
  references: Reference[];
  annotations: Annotation[];
  entryPoints: EntryPoint[];
  dataAccess: DataAccess[];
  literals: Literal[];
  apiCalls: ApiCall[];
  mainframe: MainframeCommand[];
  jobSteps: JobStep[];
  datasets: DatasetUse[];
  definitions: ResourceDefinition[];
  /** Syntax the extractor could not understand; the rest of the file's facts still stand. */
  problems: Diagnostic[];
}

export function emptyFacts(file: string, language: string): SourceFacts {
  return {
    file,
    language,
    units: [],
    imports: [],
    references: [],
    annotations: [],
    entryPoints: [],
    dataAccess: [],
    literals: [],
    apiCalls: [],
    mainframe: [],
    jobSteps: [],
    datasets: [],
    definitions: [],
    problems: [],
  };
}
