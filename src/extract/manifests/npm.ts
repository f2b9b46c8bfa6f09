import { parseJson } from '../../util/json-input.js';
import { lineOf, parseError, type Dependency, type ManifestFacts } from './manifest-facts.js';
import type { RuntimeDeclaration } from './runtime-declarations.js';

const SCOPES: [key: string, scope: string][] = [
  ['dependencies', 'runtime'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
  ['devDependencies', 'dev'],
];

/** package.json (and composer.json, same shape): dependency maps by scope. */
export function extractPackageJson(source: string, file: string, ecosystem: 'npm' | 'composer' = 'npm'): ManifestFacts {
  const json = parseJson(source);
  if (!json.ok) return { file, ecosystem, dependencies: [], diagnostics: [parseError(file, json.message, json.line)] };
  const manifest = (typeof json.value === 'object' && json.value !== null ? json.value : {}) as Record<string, unknown>;
  const scopes: [string, string][] =
    ecosystem === 'composer'
      ? [
          ['require', 'runtime'],
          ['require-dev', 'dev'],
        ]
      : SCOPES;
  const dependencies: Dependency[] = [];
  for (const [key, scope] of scopes) {
    const map = manifest[key];
    if (typeof map !== 'object' || map === null) continue;
    const sectionStart = source.indexOf(`"${key}"`);
    for (const [name, version] of Object.entries(map)) {
      dependencies.push({
        ecosystem,
        name,
        version: typeof version === 'string' ? version : undefined,
        scope,
        file,
        line: lineOf(source, `"${name}"`, sectionStart),
      });
    }
  }
  const engines = manifest.engines as Record<string, unknown> | undefined;
  // Node.js from engines.node; PHP from composer's require.php (a platform requirement, not a package).
  const runtimes: RuntimeDeclaration[] = [];
  if (ecosystem === 'npm' && typeof engines?.node === 'string')
    runtimes.push({
      runtime: 'node',
      version: engines.node.trim(),
      file,
      line: lineOf(source, '"node"', source.indexOf('"engines"')),
      text: `"node": "${engines.node}"`,
    });
  const php = dependencies.find(
    (dependency) => dependency.ecosystem === 'composer' && dependency.scope === 'runtime' && dependency.name === 'php',
  );
  if (php?.version)
    runtimes.push({
      runtime: 'php',
      version: php.version.replace(/\s*\|\|?\s*/g, ' || ').trim(),
      file,
      line: php.line,
      text: `"php": "${php.version}"`,
    });
  return {
    file,
    ecosystem,
    name: typeof manifest.name === 'string' ? manifest.name : undefined,
    dependencies,
    targetFramework: typeof engines?.node === 'string' ? engines.node : undefined,
    runtimes,
    diagnostics: [],
  };
}
