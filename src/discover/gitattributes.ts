import ignore, { type Ignore } from 'ignore';
import type { Origin } from './origin.js';

/**
 * What a repository says of its own files in .gitattributes, as GitHub Linguist reads it:
 * `public/js/libs/** linguist-vendored`, `*.pb.go linguist-generated`, `docs/** linguist-documentation`.
 * The owner's word beats any guess from names.
 */
export interface AttributeRule {
  /** Folder (relative to the root, POSIX, '' for the root) the pattern is relative to. */
  base: string;
  matcher: Ignore;
  /** The origin the pattern declares, or null where it unsets one (`-linguist-vendored`, `=false`). */
  origin: Origin | null;
}

const ATTRIBUTES: Record<string, Origin> = {
  'linguist-vendored': 'vendored',
  'linguist-generated': 'generated',
  'linguist-documentation': 'docs',
};

export function parseGitattributes(text: string, base: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    if (!pattern || pattern.startsWith('!') || pattern.startsWith('[')) continue;
    for (const attribute of attributes) {
      const match = /^(-|!)?(linguist-(?:vendored|generated|documentation))(?:=(\w+))?$/.exec(attribute);
      if (!match) continue;
      const unset = match[1] !== undefined || (match[3] !== undefined && match[3] !== 'true');
      rules.push({ base, matcher: ignore().add(pattern), origin: unset ? null : ATTRIBUTES[match[2]!]! });
    }
  }
  return rules;
}

/** The origin the last matching rule declares (git reads .gitattributes top down, deeper files last). */
export function declaredOrigin(rules: AttributeRule[], rootRel: string): Origin | null | undefined {
  let origin: Origin | null | undefined;
  for (const rule of rules) {
    if (rule.base && !rootRel.startsWith(`${rule.base}/`)) continue;
    const local = rule.base ? rootRel.slice(rule.base.length + 1) : rootRel;
    if (rule.matcher.ignores(local)) origin = rule.origin;
  }
  return origin;
}
