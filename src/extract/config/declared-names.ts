import type { SourceFacts } from '../source/source-facts.js';
import type { ConfigFile } from './config-entries.js';

/**
 * Host-like literals in code that the application's own configuration declares as a key are names
 * it gave something, not hosts: `avatar.driver.local` is a service id in phpBB's container YAML,
 * as a bean or handler id would be in Spring XML. They are dropped from the code's place literals.
 */
export function dropDeclaredNames(sources: SourceFacts[], configs: ConfigFile[]): SourceFacts[] {
  const hosts = new Set(
    sources.flatMap((source) =>
      source.literals.filter((literal) => literal.kind === 'host').map((literal) => literal.value),
    ),
  );
  if (hosts.size === 0) return sources;
  const declared = new Set<string>();
  for (const config of configs) {
    for (const entry of config.entries) {
      // A key path holds the name as a run of its segments: services.avatar.driver.local.class.
      const key = `.${entry.key}.`;
      for (const host of hosts) if (key.includes(`.${host}.`)) declared.add(host);
    }
  }
  if (declared.size === 0) return sources;
  // New objects: the fact cache holds the extracted ones, and the next scan's configuration may declare other names.
  return sources.map((source) =>
    source.literals.some((literal) => literal.kind === 'host' && declared.has(literal.value))
      ? {
          ...source,
          literals: source.literals.filter((literal) => literal.kind !== 'host' || !declared.has(literal.value)),
        }
      : source,
  );
}
