import { z } from 'zod';
import type { ApplicationFacts } from '../../../extract/application-facts.js';
import type { Evidence } from '../../../result/schema.js';
import { builtInRuntimeLifecycle, runtimeSupport } from '../../runtimes/runtime-lifecycle.js';
import { defineCondition } from '../condition-kind.js';
import type { ConditionMatch } from '../matcher-cache.js';
import { RUNTIMES } from '../../../extract/manifests/runtime-declarations.js';

const RUNTIME_CHECKS = ['past-support', 'extended-support', 'support-ending'] as const;

export const RuntimeCondition = z.strictObject({
  check: z.array(z.enum(RUNTIME_CHECKS)).min(1).describe('past-support: no security updates at all; extended-support: standard support over, paid extended support left; support-ending: standard support ends within a year (rules/catalogue/runtimes.yaml, as of its asOf day)'),
  runtime: z.array(z.enum(RUNTIMES)).optional().describe('Only these runtimes; default: all'),
});

/** Each runtime a build file declares, judged against the support dates of rules/catalogue/runtimes.yaml. */
function matchRuntime(condition: z.infer<typeof RuntimeCondition>, facts: ApplicationFacts): ConditionMatch {
  const table = builtInRuntimeLifecycle();
  const evidence: Evidence[] = [];
  for (const manifest of facts.manifests) {
    for (const declaration of manifest.runtimes ?? []) {
      if (condition.runtime && !condition.runtime.includes(declaration.runtime)) continue;
      const support = runtimeSupport(declaration, table);
      if (!('detail' in support) || !condition.check.includes(support.status)) continue;
      evidence.push({ file: declaration.file, ...(declaration.line ? { line: declaration.line } : {}), snippet: `${declaration.text}: ${support.detail}` });
    }
  }
  return { matched: evidence.length > 0, evidence };
}

export const runtimeCondition = defineCondition({
  key: 'runtime',
  schema: RuntimeCondition,
  scope: 'file',
  reads: 'the runtime versions build files declare, against their support dates',
  evaluate: matchRuntime,
});
