import type { Dependency, ManifestFacts } from './manifest-facts.js';

/** go.mod: the module path and `require` lines, single or in a block. */
export function extractGoMod(source: string, file: string): ManifestFacts {
  const dependencies: Dependency[] = [];
  let inBlock = false;
  let name: string | undefined;
  source.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    name ??= /^module\s+(\S+)/.exec(line)?.[1];
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (inBlock && line === ')') inBlock = false;
    const match = inBlock ? /^(\S+)\s+(v\S+)/.exec(line) : /^require\s+(\S+)\s+(v\S+)/.exec(line);
    if (match?.[1])
      dependencies.push({
        ecosystem: 'go',
        name: match[1],
        version: match[2],
        scope: /indirect/.test(raw) ? 'indirect' : 'runtime',
        file,
        line: index + 1,
      });
  });
  return { file, ecosystem: 'go', name, dependencies, diagnostics: [] };
}
