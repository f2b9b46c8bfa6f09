import path from 'node:path';
import { languageForExtension } from '../languages/registry.js';
import type { LanguageInfo } from '../languages/language-info.js';

/**
 * What a file is to cloudready. Classification uses names only (cheap, no I/O);
 * content sniffing for binaries and shebangs happens when a file is read.
 */
export type FileKind = 'source' | 'manifest' | 'descriptor' | 'config' | 'inventory' | 'binary' | 'doc' | 'other';

export interface Classification {
  kind: FileKind;
  language?: LanguageInfo;
  /** For manifests: the build system family, used to decide which nested manifests are modules. */
  buildFamily?: BuildFamily;
}

export type BuildFamily = 'maven' | 'gradle' | 'dotnet' | 'npm' | 'python' | 'go' | 'composer' | 'ruby';

const MANIFESTS: [RegExp, BuildFamily][] = [
  // Lockfiles and version catalogs: dependency data, never an application root on their own.
  [/^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml)$/, 'npm'],
  [/^(composer\.lock)$/, 'composer'],
  [/^(Pipfile\.lock|poetry\.lock)$/, 'python'],
  [/^libs\.versions\.toml$/, 'gradle'],
  [/^(Directory\.Packages\.props|packages\.lock\.json)$/, 'dotnet'],
  [/^pom\.xml$/, 'maven'],
  [/^(build|settings)\.gradle(\.kts)?$/, 'gradle'],
  [/\.(csproj|vbproj|fsproj|sln|slnx|slnf)$/, 'dotnet'],
  [/^packages\.config$/i, 'dotnet'],
  [/^package\.json$/, 'npm'],
  [/^(pyproject\.toml|setup\.py|setup\.cfg|Pipfile|requirements(-[\w.-]+)?\.txt)$/, 'python'],
  [/^go\.mod$/, 'go'],
  [/^composer\.json$/, 'composer'],
  [/^Gemfile$/, 'ruby'],
];

/** Manifests that alone make a folder an application root (requirements.txt does; setup.cfg alone does not). */
export const APPLICATION_MANIFEST =
  /^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|.+\.(csproj|vbproj|fsproj|sln|slnx|slnf)|package\.json|pyproject\.toml|setup\.py|requirements\.txt|Pipfile|go\.mod|composer\.json|Gemfile)$/;

const DESCRIPTORS =
  /^(Dockerfile|Containerfile|Procfile|Jenkinsfile|docker-compose.*\.ya?ml|compose\.ya?ml|manifest\.ya?ml|app\.yaml|web\.xml|ejb-jar\.xml|application\.xml|server\.xml|context\.xml|(ibm|weblogic|jboss)-.*\.xml|weblogic\.xml|web\.config|app\.config)$/i;
const CONFIG_EXT = new Set([
  '.xml',
  '.yml',
  '.yaml',
  '.json',
  '.properties',
  '.ini',
  '.conf',
  '.cfg',
  '.toml',
  '.env',
  '.config',
  '.xsd',
  '.wsdl',
  '.tf',
  '.bicep',
]);
const DOC_EXT = new Set([
  '.md',
  '.markdown',
  '.txt',
  '.rst',
  '.adoc',
  '.html',
  '.htm',
  '.css',
  '.scss',
  '.csv',
  '.svg',
]);
const BINARY_EXT = new Set([
  '.jar',
  '.war',
  '.ear',
  '.class',
  '.dll',
  '.exe',
  '.so',
  '.dylib',
  '.o',
  '.a',
  '.lib',
  '.pdb',
  '.zip',
  '.gz',
  '.tgz',
  '.bz2',
  '.xz',
  '.7z',
  '.rar',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.ico',
  '.bmp',
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.woff',
  '.woff2',
  '.ttf',
  '.eot',
  '.mp3',
  '.mp4',
  '.wav',
  '.avi',
  '.bin',
  '.dat',
  '.db',
  '.sqlite',
  '.mdf',
  '.ldf',
  '.pyc',
  '.wasm',
  '.node',
]);

export function classify(relPath: string): Classification {
  const base = path.posix.basename(relPath);
  const ext = path.posix.extname(base).toLowerCase();
  for (const [pattern, family] of MANIFESTS) if (pattern.test(base)) return { kind: 'manifest', buildFamily: family };
  // Under inventory/: exports (CSV, XLSX), YAML/JSON, Ansible INI (often named just "hosts"), netstat captures.
  if (
    /(^|\/)inventor(y|ies)\//i.test(relPath) &&
    (/\.(ya?ml|json|csv|tsv|xlsx|ini|txt|out|cfg)$/i.test(base) || !base.includes('.'))
  )
    return { kind: 'inventory' };
  // RVTools names its exports itself: wherever they lie, or named alone on the command line, they are inventories.
  if (/^RVTools_(export|tabv)\w*.*\.(xlsx|csv)$/i.test(base)) return { kind: 'inventory' };
  if (DESCRIPTORS.test(base) || /^\.env(\..+)?$/.test(base)) return { kind: 'descriptor' };
  const language = languageForExtension(ext);
  if (language) return { kind: 'source', language };
  if (BINARY_EXT.has(ext)) return { kind: 'binary' };
  if (CONFIG_EXT.has(ext)) return { kind: 'config' };
  if (DOC_EXT.has(ext) || /^(readme|license|licence|changelog|notice)/i.test(base)) return { kind: 'doc' };
  return { kind: 'other' };
}
