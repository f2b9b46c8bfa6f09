import type { Dependency, ManifestFacts } from './manifest-facts.js';

/** requirements*.txt: one requirement a line; options (-r, -e, --index-url) and comments skipped. */
export function extractRequirements(source: string, file: string): ManifestFacts {
  const dependencies: Dependency[] = [];
  source.split('\n').forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) return;
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:(===?|~=|!=|>=|<=|>|<)\s*([^;,\s]+))?/.exec(line);
    if (!match?.[1]) return;
    dependencies.push({
      ecosystem: 'pypi',
      name: match[1].toLowerCase().replace(/_/g, '-'),
      version: match[4],
      scope: /test|dev/i.test(file) ? 'dev' : 'runtime',
      file,
      line: index + 1,
    });
  });
  return { file, ecosystem: 'pypi', dependencies, diagnostics: [] };
}
