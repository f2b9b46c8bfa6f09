import path from 'node:path';

/** What a build manifest says about the unit it builds, read cheaply before any extraction. */
export interface ManifestDeclaration {
  /** The project's own name (package name, artifactId, module path ...), if it declares one. */
  name?: string;
  /**
   * False for a manifest that only carries tooling: a package.json with nothing but dev
   * dependencies and lint scripts, or one that only sets the module type of a config folder.
   * Such a folder is part of whatever encloses it, not a deployable unit.
   */
  declaresUnit: boolean;
  /** npm, pnpm and yarn workspaces: nested packages are this build's modules. */
  workspaces: boolean;
  /** An npm package that runs a server (Express, Fastify, Nest ...) or a command: a process, not a front end. */
  runsAProcess: boolean;
}

const UNNAMED: ManifestDeclaration = { declaresUnit: true, workspaces: false, runsAProcess: false };

/** Dependencies that make a Node package a server process rather than a front end built into one. */
const SERVER_PACKAGE =
  /^(express|koa|fastify|@nestjs\/core|@hapi\/hapi|hapi|restify|next|nuxt|@remix-run\/serve|@sveltejs\/kit|socket\.io|polka|micro|@feathersjs\/feathers|sails|loopback|@loopback\/core|moleculer|@adonisjs\/core)$/;

/** Reactor and parent POMs name the build, not the product: roller-project builds Roller. */
const AGGREGATOR_SUFFIX = /[-_.](parent|project|root|reactor|aggregator|all|build)$/i;

export function readDeclaration(manifestRootRel: string, text: string): ManifestDeclaration {
  const base = path.posix.basename(manifestRootRel);
  if (base === 'package.json') return npmDeclaration(text);
  if (base === 'pom.xml') return { ...UNNAMED, ...named(pomName(text)) };
  if (/^settings\.gradle(\.kts)?$/.test(base))
    return { ...UNNAMED, ...named(/rootProject\.name\s*=\s*['"]([^'"\n]+)['"]/.exec(text)?.[1]) };
  if (base === 'go.mod') return { ...UNNAMED, ...named(goModuleName(text)) };
  if (base === 'composer.json') return { ...UNNAMED, ...named(jsonName(text)?.split('/').pop()) };
  if (base === 'pyproject.toml')
    return {
      ...UNNAMED,
      ...named(/^\[(?:project|tool\.poetry)\][^[]*?^name\s*=\s*["']([^"'\n]+)["']/m.exec(text)?.[1]),
    };
  if (base === 'setup.py') return { ...UNNAMED, ...named(/\bname\s*=\s*["']([^"'\n]+)["']/.exec(text)?.[1]) };
  if (/\.(sln|slnx|csproj|vbproj|fsproj)$/i.test(base)) return { ...UNNAMED, name: base.replace(/\.[^.]+$/, '') };
  return UNNAMED;
}

function named(name: string | undefined): { name?: string } {
  const trimmed = name?.trim();
  return trimmed ? { name: trimmed } : {};
}

function npmDeclaration(text: string): ManifestDeclaration {
  let parsed: Record<string, unknown>;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNNAMED;
    parsed = value as Record<string, unknown>;
  } catch {
    return UNNAMED; // A malformed package.json is reported when manifests are extracted.
  }
  const filled = (key: string) => {
    const value = parsed[key];
    if (typeof value === 'string') return value.trim() !== '';
    if (Array.isArray(value)) return value.length > 0;
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  };
  const scripts =
    typeof parsed.scripts === 'object' && parsed.scripts !== null ? (parsed.scripts as Record<string, unknown>) : {};
  const workspaces = 'workspaces' in parsed;
  const runs =
    workspaces ||
    filled('dependencies') ||
    filled('main') ||
    filled('bin') ||
    filled('exports') ||
    filled('module') ||
    'start' in scripts ||
    'serve' in scripts;
  // Nothing to run, but lint dev dependencies, scripts or a module type: it configures tooling.
  const configuresTooling = filled('devDependencies') || filled('scripts') || 'type' in parsed;
  const declaresUnit = runs || !configuresTooling;
  const name = typeof parsed.name === 'string' ? parsed.name.replace(/^@[^/]+\//, '') : undefined;
  const dependencies =
    typeof parsed.dependencies === 'object' && parsed.dependencies !== null ? Object.keys(parsed.dependencies) : [];
  const runsAProcess = filled('bin') || dependencies.some((dependency) => SERVER_PACKAGE.test(dependency));
  return { ...named(name), declaresUnit, workspaces, runsAProcess };
}

function pomName(text: string): string | undefined {
  // The first artifactId outside <parent> (and before <dependencies>) is the project's own.
  const own = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<parent>[\s\S]*?<\/parent>/, '');
  const artifactId = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(own)?.[1];
  if (!artifactId || artifactId.includes('${')) return undefined;
  const aggregator = /<packaging>\s*pom\s*<\/packaging>/.test(own);
  return aggregator ? artifactId.replace(AGGREGATOR_SUFFIX, '') : artifactId;
}

/** `module gogs.io/gogs` → gogs; `module example.com/shop/v2` → shop. */
function goModuleName(text: string): string | undefined {
  const module = /^module\s+("?)([^\s"]+)\1/m.exec(text)?.[2];
  if (!module) return undefined;
  const parts = module.split('/').filter((part) => !/^v\d+$/.test(part));
  return parts.at(-1);
}

function jsonName(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string'
      ? parsed.name
      : undefined;
  } catch {
    return undefined;
  }
}
