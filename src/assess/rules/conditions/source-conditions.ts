import { analysisOf } from '../../../languages/registry.js';
import { z } from 'zod';
import type { ApplicationFacts } from '../../../extract/application-facts.js';
import { API_KINDS, ENTRY_KINDS } from '../../../extract/source/catalogue.js';
import { PATH_ORIGINS } from '../../../extract/source/path-origin.js';
import type { Location, SourceFacts } from '../../../extract/source/index.js';
import type { Evidence } from '../../../result/schema.js';
import { evidenceSnippetAt, sourceLine } from '../../evidence.js';
import { defineCondition, regexesOf } from '../condition-kind.js';
import { Globs, Languages } from '../condition-fields.js';
import { MAX_EVIDENCE_PER_CONDITION, type ConditionMatch } from '../matcher-cache.js';

/*
 * Conditions over the facts extractors found in source files: imports, annotations, API calls,
 * mainframe commands, JCL steps, literals, entry points, scheduler jobs, data access and units.
 * Evidence is the fact's place, with the line as written (secrets masked).
 */

export const ImportCondition = z.strictObject({
  name: Globs.describe('Imported package, namespace or module; a name also matches everything below it (javax.ejb matches javax.ejb.Stateless)'),
  languages: Languages,
});

export const AnnotationCondition = z.strictObject({
  name: Globs.describe('Annotation, attribute or decorator name without @ or brackets (Stateless, ServiceContract, route)'),
  languages: Languages,
});

export const ApiCondition = z.strictObject({
  kind: z.array(z.enum(API_KINDS)).min(1).describe('What the call does, as the extractors\' catalogue says (rules/catalogue/platform-apis.yaml, extended by packs)'),
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
  kind: z.array(z.enum(ENTRY_KINDS)).min(1),
});

const SCHEDULERS = ['control-m', 'ca-7', 'autosys', 'windows-task'] as const;
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

/**
 * The places `collect` finds in each source file of the application (in the given languages),
 * up to the evidence limit.
 */
function placesInSources(facts: ApplicationFacts, languages: string[] | undefined, collect: (source: SourceFacts, places: Location[]) => void): ConditionMatch {
  const places: Location[] = [];
  for (const source of facts.sources) {
    if (languages && !languages.includes(source.language)) continue;
    collect(source, places);
    if (places.length >= MAX_EVIDENCE_PER_CONDITION) break;
  }
  return { matched: places.length > 0, evidence: places.slice(0, MAX_EVIDENCE_PER_CONDITION).map((place) => evidenceAt(place, facts)) };
}

function evidenceAt(place: Location, facts: ApplicationFacts): Evidence {
  const snippet = evidenceSnippetAt(facts, place.file, place.line);
  return { file: place.file, line: place.line, ...(snippet ? { snippet } : {}) };
}

const ownNamespaceCache = new WeakMap<ApplicationFacts, Set<string>>();

/**
 * Packages and namespaces the application declares itself (Java packages, C# and PHP
 * namespaces): an import from them is the application's own code, never a third-party product,
 * even when its name starts like one (IBM's DayTrader lives in com.ibm.websphere.samples).
 */
function ownNamespaces(facts: ApplicationFacts): Set<string> {
  let own = ownNamespaceCache.get(facts);
  if (!own) {
    own = new Set();
    for (const source of facts.sources) {
      if (!analysisOf(source.language)?.declaresNamespaces) continue;
      if (source.namespace) own.add(source.namespace);
      // A file may declare several namespaces (C# blocks): each top-level unit names its own.
      for (const unit of source.units) if (unit.id.includes('.') && !unit.parent) own.add(unit.id.slice(0, unit.id.lastIndexOf('.')));
    }
    ownNamespaceCache.set(facts, own);
  }
  return own;
}

function isOwn(target: string, own: Set<string>): boolean {
  for (let at = target.length; at > 0; at = target.lastIndexOf('.', at - 1)) if (own.has(target.slice(0, at))) return true;
  return false;
}

export const importCondition = defineCondition({
  key: 'import',
  schema: ImportCondition,
  scope: 'file',
  reads: 'imports (own packages and unused imports left out)',
  evaluate: (body, facts, cache) => {
    const matches = cache.glob(body.name);
    const own = ownNamespaces(facts);
    const named = (target: string) => body.name.some((name) => target === name || target.startsWith(`${name}.`) || target.startsWith(`${name}/`)) || matches(target);
    // An unused import, or one of the application's own packages, is no use of a product, however its name matches.
    return placesInSources(facts, body.languages, (source, places) => {
      for (const imported of source.imports) if (!imported.unused && !isOwn(imported.target, own) && named(imported.target)) places.push(imported.location);
    });
  },
});

export const annotationCondition = defineCondition({
  key: 'annotation',
  schema: AnnotationCondition,
  scope: 'file',
  reads: 'annotations',
  evaluate: (body, facts, cache) => {
    const matches = cache.glob(body.name);
    return placesInSources(facts, body.languages, (source, places) => {
      for (const annotation of source.annotations) if (matches(annotation.name)) places.push(annotation.location);
    });
  },
});

export const apiCondition = defineCondition({
  key: 'api',
  schema: ApiCondition,
  scope: 'file',
  reads: 'API calls (receiver, use and path origin resolved)',
  evaluate: (body, facts, cache) => {
    const matches = body.name ? cache.glob(body.name) : undefined;
    return placesInSources(facts, body.languages, (source, places) => {
      for (const call of source.apiCalls) {
        if (!body.kind.includes(call.api) || (matches && !matches(call.name))) continue;
        if (call.use && body.notUse?.includes(call.use)) continue;
        if (body.path && !(call.path && body.path.includes(call.path))) continue;
        places.push(call.location);
      }
    });
  },
});

export const mainframeCondition = defineCondition({
  key: 'mainframe',
  schema: MainframeCondition,
  scope: 'file',
  reads: 'mainframe commands',
  evaluate: (body, facts, cache) => {
    const verbs = body.verb ? cache.glob(body.verb) : undefined;
    return placesInSources(facts, undefined, (source, places) => {
      for (const command of source.mainframe) if (body.family.includes(command.family) && (!verbs || verbs(command.verb))) places.push(command.location);
    });
  },
});

export const jclCondition = defineCondition({
  key: 'jcl',
  schema: JclCondition,
  scope: 'file',
  reads: 'job steps',
  evaluate: (body, facts, cache) => {
    const utilities = body.utility ? cache.glob(body.utility) : undefined;
    const programs = body.program ? cache.glob(body.program) : undefined;
    return placesInSources(facts, undefined, (source, places) => {
      for (const step of source.jobSteps) {
        if (utilities && !(step.utility && utilities(step.utility))) continue;
        if (programs && !(step.program && programs(step.program))) continue;
        places.push(step.location);
      }
    });
  },
});

export const literalCondition = defineCondition({
  key: 'literal',
  schema: LiteralCondition,
  scope: 'file',
  reads: 'literals (compared, defaulted, patterns left out)',
  regexes: (body) => regexesOf('', body.value),
  evaluate: (body, facts, cache) => {
    const value = body.value ? cache.regex(body.value) : undefined;
    return placesInSources(facts, body.languages, (source, places) => {
      for (const literal of source.literals) {
        if (!body.kind.includes(literal.kind)) continue;
        if (value && !value.test(literal.value)) continue;
        // Four numbers in a row on a line about versions are a version ('12.1.0.2', AssemblyVersion("1.0.0.0")).
        if (literal.kind === 'ip' && /version/i.test(sourceLine(facts, literal.location.file, literal.location.line) ?? '')) continue;
        places.push(literal.location);
      }
    });
  },
});

export const entryPointCondition = defineCondition({
  key: 'entryPoint',
  schema: EntryPointCondition,
  scope: 'file',
  reads: 'entry points',
  evaluate: (body, facts) =>
    placesInSources(facts, undefined, (source, places) => {
      for (const entry of source.entryPoints) if (body.kind.includes(entry.kind)) places.push(entry.location);
    }),
});

export const scheduledJobCondition = defineCondition({
  key: 'scheduledJob',
  schema: ScheduledJobCondition,
  scope: 'file',
  reads: 'scheduler job definitions (by content)',
  // The readers name their facts after the scheduler (control-m.ts, autosys.ts ...).
  evaluate: (body, facts) =>
    placesInSources(facts, [...body.scheduler], (source, places) => {
      for (const definition of source.definitions) if (definition.kind === 'scheduled-job') places.push(definition.location);
    }),
});

export const dataAccessCondition = defineCondition({
  key: 'dataAccess',
  schema: DataAccessCondition,
  scope: 'file',
  reads: 'data access',
  evaluate: (body, facts, cache) => {
    const via = body.via ? cache.glob(body.via) : undefined;
    return placesInSources(facts, undefined, (source, places) => {
      for (const access of source.dataAccess) {
        if (via && !via(access.via)) continue;
        if (body.targetKind && !body.targetKind.includes(access.targetKind)) continue;
        if (body.mode && access.mode !== body.mode) continue;
        places.push(access.location);
      }
    });
  },
});

export const unitCondition = defineCondition({
  key: 'unit',
  schema: UnitCondition,
  scope: 'file',
  reads: 'code units',
  evaluate: (body, facts) =>
    placesInSources(facts, body.languages, (source, places) => {
      for (const unit of source.units) if (body.kind.includes(unit.kind)) places.push(unit.location);
    }),
});
