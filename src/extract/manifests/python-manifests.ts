import { parse as parseToml } from 'smol-toml';
import { lineOf, parseError, type Dependency, type ManifestFacts } from './manifest-facts.js';
import { pythonRange, type RuntimeDeclaration } from './runtime-declarations.js';

/** A PEP 508 requirement: `requests[socks]>=2.31 ; python_version > "3.8"` → name and version. */
function requirement(spec: string): { name: string; version?: string } | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:(===?|~=|!=|>=|<=|>|<)\s*([^;,\s]+))?/.exec(spec);
  return match ? { name: normalise(match[1]!), ...(match[4] ? { version: match[4] } : {}) } : undefined;
}

/** The Python a manifest asks for: Poetry's ^3.8 is a semver range already; PEP 440 is translated. */
function pythonRuntime(specifier: string, file: string, line: number | undefined, text: string): RuntimeDeclaration[] {
  const version = /^[\d.]+$/.test(specifier.trim())
    ? specifier.trim()
    : /^[\^~]\d/.test(specifier.trim())
      ? specifier.trim()
      : pythonRange(specifier);
  return version ? [{ runtime: 'python', version, file, line, text }] : [];
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[_.]+/g, '-');
}

function readToml(source: string, file: string): { data?: Record<string, unknown>; facts?: ManifestFacts } {
  try {
    return { data: parseToml(source) as Record<string, unknown> };
  } catch (error) {
    return {
      facts: {
        file,
        ecosystem: 'pypi',
        dependencies: [],
        diagnostics: [
          parseError(
            file,
            `malformed TOML: ${(error as Error).message.split('\n')[0]}`,
            (error as { line?: number }).line,
          ),
        ],
      },
    };
  }
}

/** pyproject.toml: PEP 621 [project] dependencies and optional groups, and Poetry's tables. */
export function extractPyproject(source: string, file: string): ManifestFacts {
  const { data, facts } = readToml(source, file);
  if (!data) return facts!;
  const dependencies: Dependency[] = [];
  const add = (spec: string, scope: string) => {
    const parsed = requirement(spec);
    if (parsed && parsed.name !== 'python')
      dependencies.push({
        ecosystem: 'pypi',
        ...parsed,
        scope,
        file,
        line: lineOf(source, spec.split(/[\s[<>=!~;]/)[0]!),
      });
  };
  const project = (data.project ?? {}) as {
    name?: string;
    dependencies?: string[];
    'optional-dependencies'?: Record<string, string[]>;
  };
  for (const spec of project.dependencies ?? []) add(spec, 'runtime');
  for (const [group, specs] of Object.entries(project['optional-dependencies'] ?? {}))
    for (const spec of specs) add(spec, /test|dev|lint|doc/i.test(group) ? 'dev' : 'optional');
  const poetry = (
    (data.tool ?? {}) as {
      poetry?: {
        name?: string;
        dependencies?: Record<string, unknown>;
        'dev-dependencies'?: Record<string, unknown>;
        group?: Record<string, { dependencies?: Record<string, unknown> }>;
      };
    }
  ).poetry;
  const addTable = (table: Record<string, unknown> | undefined, scope: string) => {
    for (const [name, spec] of Object.entries(table ?? {})) {
      if (name === 'python') continue;
      const version =
        typeof spec === 'string'
          ? spec
          : typeof spec === 'object' && spec && 'version' in spec
            ? String((spec as { version: unknown }).version)
            : undefined;
      dependencies.push({
        ecosystem: 'pypi',
        name: normalise(name),
        ...(version ? { version: version.replace(/^[\^~=<>! ]+/, '') } : {}),
        scope,
        file,
        line: lineOf(source, name),
      });
    }
  };
  addTable(poetry?.dependencies, 'runtime');
  addTable(poetry?.['dev-dependencies'], 'dev');
  for (const [group, table] of Object.entries(poetry?.group ?? {}))
    addTable(table.dependencies, /test|dev|lint|doc/i.test(group) ? 'dev' : 'optional');
  const pep621 = (data.project as { 'requires-python'?: unknown } | undefined)?.['requires-python'];
  const requires = typeof pep621 === 'string' ? pep621 : poetry?.dependencies?.python;
  const runtimes =
    typeof requires === 'string'
      ? pythonRuntime(
          requires,
          file,
          lineOf(source, typeof pep621 === 'string' ? 'requires-python' : 'python ='),
          `${typeof pep621 === 'string' ? 'requires-python' : 'python'} = "${requires}"`,
        )
      : [];
  return { file, ecosystem: 'pypi', name: project.name ?? poetry?.name, dependencies, runtimes, diagnostics: [] };
}

/** Pipfile: [packages] and [dev-packages]. */
export function extractPipfile(source: string, file: string): ManifestFacts {
  const { data, facts } = readToml(source, file);
  if (!data) return facts!;
  const dependencies: Dependency[] = [];
  for (const [section, scope] of [
    ['packages', 'runtime'],
    ['dev-packages', 'dev'],
  ] as const) {
    for (const [name, spec] of Object.entries((data[section] ?? {}) as Record<string, unknown>)) {
      const version = typeof spec === 'string' && spec !== '*' ? spec.replace(/^[=<>~! ]+/, '') : undefined;
      dependencies.push({
        ecosystem: 'pypi',
        name: normalise(name),
        ...(version ? { version } : {}),
        scope,
        file,
        line: lineOf(source, name),
      });
    }
  }
  const requires = (data.requires as { python_version?: unknown; python_full_version?: unknown } | undefined) ?? {};
  const version =
    typeof requires.python_version === 'string'
      ? requires.python_version
      : typeof requires.python_full_version === 'string'
        ? requires.python_full_version
        : undefined;
  const runtimes = version
    ? pythonRuntime(version, file, lineOf(source, 'python_'), `python_version = "${version}"`)
    : [];
  return { file, ecosystem: 'pypi', dependencies, runtimes, diagnostics: [] };
}

/** poetry.lock: [[package]] entries with name, version and category. */
export function extractPoetryLock(source: string, file: string): ManifestFacts {
  const { data, facts } = readToml(source, file);
  if (!data) return facts!;
  const packages = (data.package ?? []) as { name: string; version: string; category?: string }[];
  const dependencies = packages.map((pkg) => ({
    ecosystem: 'pypi' as const,
    name: normalise(pkg.name),
    version: pkg.version,
    scope: pkg.category === 'dev' ? 'dev' : 'runtime',
    file,
    line: lineOf(source, `name = "${pkg.name}"`),
  }));
  return { file, ecosystem: 'pypi', dependencies, diagnostics: [] };
}

/** setup.py, read as text and never run: install_requires=[...] strings. */
export function extractSetupPy(source: string, file: string): ManifestFacts {
  const dependencies: Dependency[] = [];
  const block = /install_requires\s*=\s*\[([\s\S]*?)\]/.exec(source);
  for (const match of block?.[1]?.matchAll(/["']([^"']+)["']/g) ?? []) {
    const parsed = requirement(match[1]!);
    if (parsed)
      dependencies.push({ ecosystem: 'pypi', ...parsed, scope: 'runtime', file, line: lineOf(source, match[0]) });
  }
  return {
    file,
    ecosystem: 'pypi',
    name: /\bname\s*=\s*["']([^"']+)["']/.exec(source)?.[1],
    dependencies,
    diagnostics: [],
  };
}
