import { lineOf, parseError, type Dependency, type ManifestFacts } from './manifest-facts.js';

const SCOPES: [key: string, scope: string][] = [
  ['dependencies', 'runtime'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev'],
];

/** package.json (and composer.json, same shape): dependency maps by scope. */
export function extractPackageJson(source: string, file: string, ecosystem: 'npm' | 'composer' = 'npm'): ManifestFacts {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : source.slice(0, Number(position)).split('\n').length;
    return { file, ecosystem, dependencies: [], diagnostics: [parseError(file, `malformed JSON: ${(error as Error).message}`, line)] };
  }
  const manifest = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const scopes: [string, string][] = ecosystem === 'composer' ? [['require', 'runtime'], ['require-dev', 'dev']] : SCOPES;
  const dependencies: Dependency[] = [];
  for (const [key, scope] of scopes) {
    const map = manifest[key];
    if (typeof map !== 'object' || map === null) continue;
    const sectionStart = source.indexOf(`"${key}"`);
    for (const [name, version] of Object.entries(map)) {
      dependencies.push({ ecosystem, name, version: typeof version === 'string' ? version : undefined, scope, file, line: lineOf(source, `"${name}"`, sectionStart) });
    }
  }
  const engines = manifest.engines as Record<string, unknown> | undefined;
  return {
    file,
    ecosystem,
    name: typeof manifest.name === 'string' ? manifest.name : undefined,
    dependencies,
    targetFramework: typeof engines?.node === 'string' ? engines.node : undefined,
    diagnostics: [],
  };
}
