import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

/**
 * dist/rules.json: the built-in rule packs and the extractors' catalogue as `npm run build` read
 * and checked them (scripts/compile-rules.mjs), each with the SHA-256 of its YAML.
 */
export const COMPILED_RULES = path.join(PACKAGE_ROOT, 'dist', 'rules.json');

export interface CompiledEntry<T> {
  sha256: string;
  value: T;
}

export interface CompiledRules {
  /** By pack file name. */
  packs: Record<string, CompiledEntry<unknown>>;
  /** rules/catalogue/platform-apis.yaml. */
  catalogue?: CompiledEntry<unknown>;
}

let compiled: CompiledRules | null | undefined;

/**
 * What the build compiled from a built-in YAML file, when `text` is still the text the build read:
 * parsing and checking the YAML again costs CPU on every scan without a cache (0.45 s for the packs,
 * 80 ms for the catalogue). An edited file (development) or a missing compilation gives undefined,
 * and the caller reads the YAML.
 */
export function compiledValue<T>(
  pick: (rules: CompiledRules) => CompiledEntry<unknown> | undefined,
  text: string,
): T | undefined {
  if (compiled === undefined) {
    try {
      compiled = JSON.parse(readFileSync(COMPILED_RULES, 'utf8')) as CompiledRules;
    } catch {
      compiled = null;
    }
  }
  const entry = compiled ? pick(compiled) : undefined;
  return entry && entry.sha256 === createHash('sha256').update(text).digest('hex') ? (entry.value as T) : undefined;
}
