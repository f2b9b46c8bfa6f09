import ignore, { type Ignore } from 'ignore';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { Evidence } from '../result/schema.js';

/** A per-path ignore from cloudready.yaml: evidence in these files does not count for the rule. */
export interface PathIgnore {
  /** Rule id, `pack/*`, or undefined for every rule. */
  rule?: string | undefined;
  paths: string[];
  reason?: string | undefined;
}

export interface Suppression {
  by: 'inline' | 'config';
  reason?: string | undefined;
}

interface InlineMarker {
  rule: string;
  reason?: string | undefined;
}

/**
 * Why evidence does not count: an inline `cloudready-ignore` comment (extract/inline-ignores.ts)
 * on its line or the line above, or a per-path ignore of cloudready.yaml.
 */
export class Suppressor {
  private readonly inline = new Map<string, Map<number, InlineMarker[]>>();
  private readonly matchers: { ignore: PathIgnore; matcher: Ignore }[];

  constructor(ignores: PathIgnore[]) {
    this.matchers = ignores.map((entry) => ({ ignore: entry, matcher: ignore().add(entry.paths) }));
  }

  /** Indexes the inline markers of one application's files. */
  addApplication(facts: ApplicationFacts) {
    for (const { file, line, rule, reason } of facts.inlineIgnores) {
      let byLine = this.inline.get(file);
      if (!byLine) this.inline.set(file, (byLine = new Map()));
      byLine.set(line, [...(byLine.get(line) ?? []), { rule, ...(reason ? { reason } : {}) }]);
    }
  }

  /** Why this evidence of this rule does not count, or undefined when it does. */
  suppression(ruleId: string, evidence: Evidence | undefined, applicationPath: string): Suppression | undefined {
    if (evidence?.line) {
      const markers = this.inline.get(evidence.file);
      for (const line of [evidence.line, evidence.line - 1]) {
        const marker = markers?.get(line)?.find((candidate) => appliesTo(candidate.rule, ruleId));
        if (marker) return { by: 'inline', reason: marker.reason };
      }
    }
    // Evidence-less findings (no CI, no tests) are placed at their application's folder.
    const file = evidence?.file ?? (applicationPath === '.' ? '' : `${applicationPath}/`);
    for (const { ignore: entry, matcher } of this.matchers) {
      if (entry.rule && !appliesTo(entry.rule, ruleId)) continue;
      if (file && matcher.ignores(file)) return { by: 'config', reason: entry.reason };
    }
    return undefined;
  }
}

function appliesTo(pattern: string, ruleId: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('/*')) return ruleId.startsWith(pattern.slice(0, -1));
  return pattern === ruleId;
}
