import semver from 'semver';
import { z } from 'zod';
import type { ApplicationFacts } from '../../../extract/application-facts.js';
import type { Evidence } from '../../../result/schema.js';
import { defineCondition } from '../condition-kind.js';
import { Globs } from '../condition-fields.js';
import type { ConditionMatch, MatcherCache } from '../matcher-cache.js';

export const DependencyCondition = z.strictObject({
  name: Globs.describe('Dependency names (Maven groupId:artifactId, npm, NuGet, PyPI ...); globs allowed'),
  ecosystem: z.enum(['maven', 'gradle', 'npm', 'pypi', 'nuget', 'go', 'composer']).optional(),
  scope: z.array(z.string()).optional().describe('Only these scopes (runtime, compile, provided, dev, test, peer, optional, managed, parent ...); default: every scope that ships, so not test, dev, peer, optional or managed (a version pin)'),
  version: z.string().optional().describe('A semver range the declared version must satisfy, e.g. "<2.0.0" (versions are coerced: 1.2.17 → 1.2.17, v4.6.1 → 4.6.1)'),
});

/**
 * Scopes whose dependencies do not ship with the application unless a rule asks for them: tests,
 * development tools, peers the host supplies, optional extras, and version pins
 * (dependencyManagement, central package versions) that add nothing by themselves.
 */
const NOT_SHIPPED = new Set(['test', 'dev', 'peer', 'optional', 'managed']);

function matchDependency(condition: z.infer<typeof DependencyCondition>, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const matchesName = cache.glob(condition.name);
  const evidence: Evidence[] = [];
  for (const manifest of facts.manifests) {
    for (const dependency of manifest.dependencies) {
      if (condition.ecosystem && dependency.ecosystem !== condition.ecosystem) continue;
      if (condition.scope ? !condition.scope.includes(dependency.scope) : NOT_SHIPPED.has(dependency.scope)) continue;
      if (!matchesName(dependency.name)) continue;
      if (condition.version && !satisfiesRange(dependency.version, condition.version)) continue;
      const version = dependency.version ? ` ${dependency.version}` : '';
      evidence.push({ file: dependency.file, ...(dependency.line ? { line: dependency.line } : {}), snippet: `${dependency.name}${version} (${dependency.scope})` });
    }
  }
  return { matched: evidence.length > 0, evidence };
}

/** A declared version (1.2.17, ^4.21.1, v4.6.1, 19.3.0.0) against a range; no version satisfies nothing. */
function satisfiesRange(version: string | undefined, range: string): boolean {
  const coerced = version ? semver.coerce(version) : null;
  return coerced !== null && semver.satisfies(coerced, range);
}

export const dependencyCondition = defineCondition({
  key: 'dependency',
  schema: DependencyCondition,
  scope: 'file',
  reads: 'dependencies (scopes that ship)',
  evaluate: matchDependency,
});
