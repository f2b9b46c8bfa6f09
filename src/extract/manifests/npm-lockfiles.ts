import { parseJson } from '../../util/json-input.js';
import { parse as parseYaml } from 'yaml';
import { lineOf, parseError, type Dependency, type ManifestFacts } from './manifest-facts.js';

/**
 * package-lock.json / npm-shrinkwrap.json (v1 `dependencies`, v2/v3 `packages`): every installed
 * package with its resolved version, dev flag and licence; direct ones are those the root lists.
 */
export function extractPackageLock(source: string, file: string): ManifestFacts {
  const parsed = parseJson(source);
  if (!parsed.ok)
    return { file, ecosystem: 'npm', dependencies: [], diagnostics: [parseError(file, parsed.message, parsed.line)] };
  const lock = (parsed.value ?? {}) as {
    packages?: Record<string, LockPackage>;
    dependencies?: Record<string, LockPackage & { dependencies?: Record<string, LockPackage> }>;
  };
  const dependencies: Dependency[] = [];
  if (lock.packages) {
    const root = lock.packages[''] ?? {};
    const direct = new Set([
      ...Object.keys(root.dependencies ?? {}),
      ...Object.keys(root.devDependencies ?? {}),
      ...Object.keys(root.optionalDependencies ?? {}),
    ]);
    for (const [path, pkg] of Object.entries(lock.packages)) {
      if (!path) continue;
      const name = pkg.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const nested = path.split('node_modules/').length > 2;
      dependencies.push(lockDependency(name, pkg, file, source, !direct.has(name) || nested));
    }
  } else {
    // Lockfile v1 hoists direct and indirect packages alike to the top: only nested ones are known to be indirect.
    const walk = (
      deps: Record<string, LockPackage & { dependencies?: Record<string, LockPackage> }>,
      transitive: boolean,
    ) => {
      for (const [name, pkg] of Object.entries(deps)) {
        dependencies.push(lockDependency(name, pkg, file, source, transitive));
        if (pkg.dependencies)
          walk(pkg.dependencies as Record<string, LockPackage & { dependencies?: Record<string, LockPackage> }>, true);
      }
    };
    walk(lock.dependencies ?? {}, false);
  }
  return { file, ecosystem: 'npm', dependencies, diagnostics: [] };
}

interface LockPackage {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  optionalDependencies?: Record<string, unknown>;
}

function lockDependency(name: string, pkg: LockPackage, file: string, source: string, transitive: boolean): Dependency {
  return {
    ecosystem: 'npm',
    name,
    version: pkg.version,
    scope: pkg.dev ? 'dev' : pkg.optional ? 'optional' : 'runtime',
    file,
    line: lineOf(source, `"node_modules/${name}"`) ?? lineOf(source, `"${name}": {`),
    ...(pkg.license ? { licence: pkg.license } : {}),
    ...(transitive ? { transitive: true } : {}),
  };
}

/** yarn.lock, classic (`name@range:` + `version "x"`) and berry (`"name@npm:range":` + `version: x`). */
export function extractYarnLock(source: string, file: string): ManifestFacts {
  const dependencies: Dependency[] = [];
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    // `name@range, name@range2:` (classic) or `"name@npm:range":` (berry): the entry ends with a colon.
    const header = /^"?((?:@[^@/\s"]+\/)?[^@\s"]+)@.*:\s*$/.exec(line.trimEnd());
    if (!header || line.startsWith(' ') || line.startsWith('#') || line.startsWith('__metadata')) return;
    for (let next = index + 1; next < lines.length && lines[next]!.startsWith(' '); next++) {
      const version = /^\s+version:?\s+"?([^"\s]+)"?/.exec(lines[next]!);
      if (version) {
        dependencies.push({
          ecosystem: 'npm',
          name: header[1]!,
          version: version[1],
          scope: 'runtime',
          file,
          line: index + 1,
        });
        break;
      }
    }
  });
  return { file, ecosystem: 'npm', dependencies: dedupe(dependencies), diagnostics: [] };
}

/** pnpm-lock.yaml: `packages` keys `/name@version`, `name@version` or `/name/version`. */
export function extractPnpmLock(source: string, file: string): ManifestFacts {
  let lock: { packages?: Record<string, { dev?: boolean; license?: string }> };
  try {
    lock = (parseYaml(source, { logLevel: 'error', maxAliasCount: 100 }) ?? {}) as typeof lock;
  } catch (error) {
    return {
      file,
      ecosystem: 'npm',
      dependencies: [],
      diagnostics: [parseError(file, `malformed YAML: ${(error as Error).message.split('\n')[0]}`)],
    };
  }
  const dependencies: Dependency[] = [];
  for (const [key, pkg] of Object.entries(lock.packages ?? {})) {
    const match = /^\/?((?:@[^/@]+\/)?[^/@]+)[@/]([^(/]+)/.exec(key);
    if (!match) continue;
    dependencies.push({
      ecosystem: 'npm',
      name: match[1]!,
      version: match[2],
      scope: pkg?.dev ? 'dev' : 'runtime',
      file,
      line: lineOf(source, key),
      ...(pkg?.license ? { licence: pkg.license } : {}),
    });
  }
  return { file, ecosystem: 'npm', dependencies, diagnostics: [] };
}

function dedupe(dependencies: Dependency[]): Dependency[] {
  const seen = new Set<string>();
  return dependencies.filter((d) => !seen.has(`${d.name}@${d.version}`) && seen.add(`${d.name}@${d.version}`));
}
