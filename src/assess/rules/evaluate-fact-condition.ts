import type { ApplicationFacts } from '../../extract/application-facts.js';
import type { Location, SourceFacts } from '../../extract/source/index.js';
import type { Evidence } from '../../result/schema.js';
import { evidenceSnippetAt, sourceLine } from '../evidence.js';
import type { ConditionMatch, MatcherCache } from './evaluate-condition.js';
import type { FactCondition } from './rule-schema.js';

const MAX_EVIDENCE_PER_CONDITION = 500;

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
      if (source.namespace && /^(java|csharp|php|kotlin|scala)$/.test(source.language)) own.add(source.namespace);
      if (source.language === 'csharp') for (const unit of source.units) if (unit.id.includes('.') && !unit.parent) own.add(unit.id.slice(0, unit.id.lastIndexOf('.')));
    }
    ownNamespaceCache.set(facts, own);
  }
  return own;
}

function isOwn(target: string, own: Set<string>): boolean {
  for (let at = target.length; at > 0; at = target.lastIndexOf('.', at - 1)) if (own.has(target.slice(0, at))) return true;
  return false;
}


/**
 * Conditions over source facts: imports, annotations, API calls, mainframe commands, JCL
 * steps, literals, entry points, data access and units. Evidence is the fact's place, with the
 * line as written (secrets masked).
 */
export function evaluateFactCondition(condition: FactCondition, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const places: Location[] = [];
  const inLanguage = (source: SourceFacts, languages: string[] | undefined) => !languages || languages.includes(source.language);
  for (const source of facts.sources) {
    if ('import' in condition) {
      if (!inLanguage(source, condition.import.languages)) continue;
      const matches = cache.glob(condition.import.name);
      const own = ownNamespaces(facts);
      const named = (target: string) => condition.import.name.some((name) => target === name || target.startsWith(`${name}.`) || target.startsWith(`${name}/`)) || matches(target);
      // An unused import, or one of the application's own packages, is no use of a product, however its name matches.
      for (const imported of source.imports) if (!imported.unused && !isOwn(imported.target, own) && named(imported.target)) places.push(imported.location);
    } else if ('annotation' in condition) {
      if (!inLanguage(source, condition.annotation.languages)) continue;
      const matches = cache.glob(condition.annotation.name);
      for (const annotation of source.annotations) if (matches(annotation.name)) places.push(annotation.location);
    } else if ('api' in condition) {
      if (!inLanguage(source, condition.api.languages)) continue;
      const matches = condition.api.name ? cache.glob(condition.api.name) : undefined;
      for (const call of source.apiCalls) {
        if (!condition.api.kind.includes(call.api) || (matches && !matches(call.name))) continue;
        if (call.use && condition.api.notUse?.includes(call.use)) continue;
        if (condition.api.path && !(call.path && condition.api.path.includes(call.path))) continue;
        places.push(call.location);
      }
    } else if ('mainframe' in condition) {
      const verbs = condition.mainframe.verb ? cache.glob(condition.mainframe.verb) : undefined;
      for (const command of source.mainframe) if (condition.mainframe.family.includes(command.family) && (!verbs || verbs(command.verb))) places.push(command.location);
    } else if ('jcl' in condition) {
      const utilities = condition.jcl.utility ? cache.glob(condition.jcl.utility) : undefined;
      const programs = condition.jcl.program ? cache.glob(condition.jcl.program) : undefined;
      for (const step of source.jobSteps) {
        if (utilities && !(step.utility && utilities(step.utility))) continue;
        if (programs && !(step.program && programs(step.program))) continue;
        places.push(step.location);
      }
    } else if ('literal' in condition) {
      if (!inLanguage(source, condition.literal.languages)) continue;
      const value = condition.literal.value ? cache.regex(condition.literal.value) : undefined;
      for (const literal of source.literals) {
        if (!condition.literal.kind.includes(literal.kind)) continue;
        if (value && !value.test(literal.value)) continue;
        // Four numbers in a row on a line about versions are a version ('12.1.0.2', AssemblyVersion("1.0.0.0")).
        if (literal.kind === 'ip' && /version/i.test(sourceLine(facts, literal.location.file, literal.location.line) ?? '')) continue;
        places.push(literal.location);
      }
    } else if ('scheduledJob' in condition) {
      // The readers name their facts after the scheduler (control-m.ts, autosys.ts ...).
      if (!(condition.scheduledJob.scheduler as readonly string[]).includes(source.language)) continue;
      for (const definition of source.definitions) if (definition.kind === 'scheduled-job') places.push(definition.location);
    } else if ('entryPoint' in condition) {
      for (const entry of source.entryPoints) if (condition.entryPoint.kind.includes(entry.kind)) places.push(entry.location);
    } else if ('dataAccess' in condition) {
      const via = condition.dataAccess.via ? cache.glob(condition.dataAccess.via) : undefined;
      for (const access of source.dataAccess) {
        if (via && !via(access.via)) continue;
        if (condition.dataAccess.targetKind && !condition.dataAccess.targetKind.includes(access.targetKind)) continue;
        if (condition.dataAccess.mode && access.mode !== condition.dataAccess.mode) continue;
        places.push(access.location);
      }
    } else if ('unit' in condition) {
      if (!inLanguage(source, condition.unit.languages)) continue;
      for (const unit of source.units) if (condition.unit.kind.includes(unit.kind)) places.push(unit.location);
    }
    if (places.length >= MAX_EVIDENCE_PER_CONDITION) break;
  }
  return { matched: places.length > 0, evidence: places.slice(0, MAX_EVIDENCE_PER_CONDITION).map((place) => evidenceAt(place, facts)) };
}

function evidenceAt(place: Location, facts: ApplicationFacts): Evidence {
  const snippet = evidenceSnippetAt(facts, place.file, place.line);
  return { file: place.file, line: place.line, ...(snippet ? { snippet } : {}) };
}
