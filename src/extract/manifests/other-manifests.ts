import { parseJson } from '../../util/json-input.js';
import { parse as parseToml } from 'smol-toml';
import { lineOf, parseError, type Dependency, type ManifestFacts } from './manifest-facts.js';
import { children, parseXml, text } from './xml.js';

/** Gradle version catalog (gradle/libs.versions.toml): libraries with module and version or version.ref. */
export function extractVersionCatalog(source: string, file: string): ManifestFacts {
  let data: { versions?: Record<string, string>; libraries?: Record<string, unknown> };
  try {
    data = parseToml(source) as typeof data;
  } catch (error) {
    return {
      file,
      ecosystem: 'gradle',
      dependencies: [],
      diagnostics: [
        parseError(
          file,
          `malformed TOML: ${(error as Error).message.split('\n')[0]}`,
          (error as { line?: number }).line,
        ),
      ],
    };
  }
  const dependencies: Dependency[] = [];
  // Aliases often repeat the version's name: look for them under [libraries], not [versions].
  const libraries = Math.max(0, source.indexOf('[libraries]'));
  for (const [alias, spec] of Object.entries(data.libraries ?? {})) {
    let name: string | undefined;
    let version: string | undefined;
    if (typeof spec === 'string') [name, version] = [spec.split(':').slice(0, 2).join(':'), spec.split(':')[2]];
    else if (spec && typeof spec === 'object') {
      const s = spec as { module?: string; group?: string; name?: string; version?: string | { ref?: string } };
      name = s.module ?? (s.group && s.name ? `${s.group}:${s.name}` : undefined);
      version = typeof s.version === 'string' ? s.version : s.version?.ref ? data.versions?.[s.version.ref] : undefined;
    }
    if (name)
      dependencies.push({
        ecosystem: 'gradle',
        name,
        ...(version ? { version } : {}),
        scope: 'managed',
        file,
        line: lineOf(source, alias, libraries),
      });
  }
  return { file, ecosystem: 'gradle', dependencies, diagnostics: [] };
}

/** Directory.Packages.props (NuGet central package management): managed versions. */
export function extractCentralPackages(source: string, file: string): ManifestFacts {
  const parsed = parseXml(source, file);
  if (!parsed.ok) return { file, ecosystem: 'nuget', dependencies: [], diagnostics: [parsed.diagnostic] };
  const dependencies: Dependency[] = [];
  for (const group of children(children(parsed.root, 'Project')[0], 'ItemGroup')) {
    for (const pkg of children(group, 'PackageVersion')) {
      const name = text(pkg, '@Include');
      if (name)
        dependencies.push({
          ecosystem: 'nuget',
          name,
          version: text(pkg, '@Version'),
          scope: 'managed',
          file,
          line: lineOf(source, `"${name}"`),
        });
    }
  }
  return { file, ecosystem: 'nuget', dependencies, diagnostics: [] };
}

/** composer.lock: packages and packages-dev with version and licence. */
export function extractComposerLock(source: string, file: string): ManifestFacts {
  const parsed = parseJson(source);
  if (!parsed.ok)
    return {
      file,
      ecosystem: 'composer',
      dependencies: [],
      diagnostics: [parseError(file, parsed.message, parsed.line)],
    };
  const lock = (parsed.value ?? {}) as { packages?: ComposerPackage[]; 'packages-dev'?: ComposerPackage[] };
  const dependencies: Dependency[] = [];
  for (const [list, scope] of [
    [lock.packages, 'runtime'],
    [lock['packages-dev'], 'dev'],
  ] as const) {
    for (const pkg of list ?? []) {
      dependencies.push({
        ecosystem: 'composer',
        name: pkg.name,
        version: pkg.version,
        scope,
        file,
        line: lineOf(source, `"name": "${pkg.name}"`),
        ...(pkg.license?.length ? { licence: pkg.license.join(' OR ') } : {}),
      });
    }
  }
  return { file, ecosystem: 'composer', dependencies, diagnostics: [] };
}

interface ComposerPackage {
  name: string;
  version?: string;
  license?: string[];
}
