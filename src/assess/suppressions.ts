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

/**
 * `cloudready-ignore: RULE-ID reason` in a comment on the line of the evidence or the line
 * above silences that rule there (`*` for every rule). Written where the code is, so the
 * reason travels with it through reviews.
 */
const INLINE = /cloudready-ignore\s*:?\s+([a-z0-9-]+\/[a-z0-9-]+|[a-z0-9-]+\/\*|\*)(?:[ \t]+([^\r\n]*?))?\s*(?:\*\/|-->|\*\))?\s*$/gm;

interface InlineMarker {
  rule: string;
  reason?: string | undefined;
}

export class Suppressor {
  private readonly inline = new Map<string, Map<number, InlineMarker[]>>();
  private readonly matchers: { ignore: PathIgnore; matcher: Ignore }[];

  constructor(ignores: PathIgnore[]) {
    this.matchers = ignores.map((entry) => ({ ignore: entry, matcher: ignore().add(entry.paths) }));
  }

  /** Indexes the inline markers of one application's files (a cheap substring test first). */
  addApplication(facts: ApplicationFacts) {
    for (const { source } of facts.texts) {
      if (!source.text.includes('cloudready-ignore')) continue;
      const byLine = new Map<number, InlineMarker[]>();
      for (const match of source.text.matchAll(INLINE)) {
        const line = source.lines.lineAt(match.index);
        byLine.set(line, [...(byLine.get(line) ?? []), { rule: match[1]!, ...(match[2] ? { reason: match[2].trim() } : {}) }]);
      }
      if (byLine.size) this.inline.set(source.rel, byLine);
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
