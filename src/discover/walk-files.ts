import fs from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Diagnostic } from '../result/schema.js';
import { classify, type Classification } from './classify.js';
import { declaredOrigin, parseGitattributes, type AttributeRule } from './gitattributes.js';
import type { Origin } from './origin.js';
import { resultPath, type ScanRoot } from './scan-root.js';
import { compareStrings } from '../util/compare.js';
import { isInside } from '../util/inside.js';

export interface DiscoveredFile extends Classification {
  root: ScanRoot;
  /** Absolute path on disk. */
  abs: string;
  /** Path relative to the root's folder, POSIX form, without the root label. */
  rootRel: string;
  /** Path as shown in results (root label + rootRel). */
  rel: string;
  size: number;
  /** What the repository declares the file to be, if anything: .gitattributes (linguist-vendored ...), or package.json scripts that run it to build (script-tooling.ts). */
  declaredOrigin?: Origin;
  /** The folder (from the scanned root) an npm script runs through a development-only runner, when the file lies in one: build tooling unless production code imports it (script-tooling.ts). */
  devScriptFolder?: string;
}

/** Folders that hold dependencies, build output or tool state, never the application's own code. */
const IGNORED_FOLDERS = new Set([
  '.git',
  '.svn',
  '.hg',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'target',
  'build',
  'dist',
  'out',
  '.gradle',
  '.mvn',
  '.idea',
  '.vs',
  '.vscode',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  'vendor',
  'third_party',
  'thirdparty',
  '.cloudready',
  '.terraform',
  '.next',
  '.nuxt',
  'coverage',
]);
/** .NET output folders, ignored only beside a project file so a script folder named bin survives. */
const DOTNET_OUTPUT = new Set(['bin', 'obj']);
const DOTNET_PROJECT = /\.(csproj|vbproj|fsproj)$/i;

interface IgnoreLayer {
  /** Folder (relative to root, POSIX, '' for the root) the patterns are relative to. */
  base: string;
  matcher: Ignore;
}

export interface WalkOptions {
  /** gitignore-style patterns relative to the root (from cloudready.yaml `exclude`). */
  exclude: string[];
  /**
   * Follow links to folders placed directly in a root that is not itself a repository: the usual
   * way to assemble a portfolio from checkouts kept elsewhere. Default true; --no-follow-symlinks.
   */
  followSymlinks?: boolean | undefined;
}

/** Lists the files of one root in a stable order, recording every skip as a diagnostic. */
export async function walkFiles(
  root: ScanRoot,
  options: WalkOptions,
  diagnostics: Diagnostic[],
): Promise<DiscoveredFile[]> {
  const files: DiscoveredFile[] = [];
  if (root.onlyFile) {
    const abs = path.join(root.dir, root.onlyFile);
    const stat = await fs.stat(abs);
    files.push(makeFile(root, abs, root.onlyFile, stat.size));
    return files;
  }
  const layers: IgnoreLayer[] = [];
  if (options.exclude.length > 0) layers.push({ base: '', matcher: ignore().add(options.exclude) });
  // A root that is a repository is someone's code: its links are never followed.
  const follow = options.followSymlinks !== false && !existsSync(path.join(root.dir, '.git'));
  await walkFolder(
    root,
    '',
    { ignores: layers, attributes: [], boundary: root.dir, follow, visited: new Set([root.dir]) },
    files,
    diagnostics,
  );
  return files;
}

/** Folders listed between two turns of the event loop: often enough for the spinner, rarely enough to cost nothing. */
const FOLDERS_PER_TURN = 64;
let foldersSinceTurn = 0;

/** What folders above say: their .gitignore layers and .gitattributes rules; where links may lead. */
interface Inherited {
  ignores: IgnoreLayer[];
  attributes: AttributeRule[];
  /** Real path links below must stay inside: the root, or the checkout a followed link leads to. */
  boundary: string;
  /** Whether links to folders in this folder are followed (the root's own entries only). */
  follow: boolean;
  /** Real paths of the folders followed so far: a link back to one is a loop. */
  visited: Set<string>;
}

async function walkFolder(
  root: ScanRoot,
  rel: string,
  inherited: Inherited,
  files: DiscoveredFile[],
  diagnostics: Diagnostic[],
) {
  const layers = inherited.ignores;
  const abs = path.join(root.dir, rel);
  if (++foldersSinceTurn >= FOLDERS_PER_TURN) {
    foldersSinceTurn = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }
  let entries: Dirent[];
  try {
    // Synchronous, like the stats below: a promised listing waited on the thread pool for each of
    // the bench tree's 1,660 folders (0.4 s idle in a 3 s warm scan).
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (error) {
    diagnostics.push({
      level: 'error',
      code: 'unreadable-folder',
      file: resultPath(root, rel || '.'),
      message: `folder could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); its files were not analysed`,
    });
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  const gitignore = entries.find((entry) => entry.name === '.gitignore' && entry.isFile());
  const ownLayers = gitignore ? [...layers, await readGitignore(abs, rel, diagnostics, root)] : layers;
  const gitattributes = entries.find((entry) => entry.name === '.gitattributes' && entry.isFile());
  const attributes = gitattributes ? [...inherited.attributes, ...readGitattributes(abs, rel)] : inherited.attributes;
  const hasDotnetProject = entries.some((entry) => DOTNET_PROJECT.test(entry.name));

  // Sizes of the folder's files, synchronously: a promised stat costs this thread tens of
  // microseconds in handles and callbacks, more than the system call.
  const statOf = (name: string): { stat: Stats } | { error: unknown } => {
    try {
      return { stat: statSync(path.join(abs, name)) };
    } catch (error) {
      return { error };
    }
  };
  const stats = new Map(
    entries
      .filter((entry) => entry.isFile() && !isIgnored(ownLayers, rel ? `${rel}/${entry.name}` : entry.name, false))
      .map((entry) => [entry.name, statOf(entry.name)] as const),
  );
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isSymbolicLink()) {
      const target = inherited.follow
        ? await followableFolder(root, childRel, inherited.visited, diagnostics)
        : undefined;
      if (target) {
        inherited.visited.add(target);
        await walkFolder(
          root,
          childRel,
          { ignores: ownLayers, attributes, boundary: target, follow: false, visited: inherited.visited },
          files,
          diagnostics,
        );
      } else if (target === undefined) await noteSymlink(root, childRel, inherited.boundary, diagnostics);
      continue;
    }
    const isDir = entry.isDirectory();
    if (isDir && (IGNORED_FOLDERS.has(entry.name) || (hasDotnetProject && DOTNET_OUTPUT.has(entry.name)))) continue;
    // A file not ignored has its stat taken; only folders and special files are matched here.
    if (entry.isFile() ? !stats.has(entry.name) : isIgnored(ownLayers, childRel, isDir)) continue;
    if (isDir) {
      await walkFolder(
        root,
        childRel,
        { ignores: ownLayers, attributes, boundary: inherited.boundary, follow: false, visited: inherited.visited },
        files,
        diagnostics,
      );
    } else if (entry.isFile()) {
      const childAbs = path.join(abs, entry.name);
      const outcome = stats.get(entry.name)!;
      if ('stat' in outcome) {
        const file = makeFile(root, childAbs, childRel, outcome.stat.size);
        const declared = attributes.length > 0 ? declaredOrigin(attributes, childRel) : undefined;
        // `-linguist-vendored` says the file is the repository's own, whatever its name suggests.
        if (declared !== undefined) file.declaredOrigin = declared ?? 'production';
        files.push(file);
      } else {
        const { error } = outcome;
        diagnostics.push({
          level: 'error',
          code: 'unreadable-file',
          file: resultPath(root, childRel),
          message: `file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        });
      }
    } else {
      // Sockets, FIFOs and devices hold no code, and reading a FIFO would wait forever.
      const kind = entry.isFIFO() ? 'a named pipe (FIFO)' : entry.isSocket() ? 'a socket' : 'a device';
      diagnostics.push({
        level: 'info',
        code: 'special-file',
        file: resultPath(root, childRel),
        message: `${kind}, not a regular file; skipped`,
      });
    }
  }
}

function makeFile(root: ScanRoot, abs: string, rootRel: string, size: number): DiscoveredFile {
  return { root, abs, rootRel, rel: resultPath(root, rootRel), size, ...classify(rootRel) };
}

function isIgnored(layers: IgnoreLayer[], rel: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const local = layer.base ? rel.slice(layer.base.length + 1) : rel;
    if (layer.matcher.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

async function readGitignore(
  abs: string,
  rel: string,
  diagnostics: Diagnostic[],
  root: ScanRoot,
): Promise<IgnoreLayer> {
  try {
    return { base: rel, matcher: ignore().add(await fs.readFile(path.join(abs, '.gitignore'), 'utf8')) };
  } catch {
    diagnostics.push({
      level: 'warning',
      code: 'unreadable-file',
      file: resultPath(root, rel ? `${rel}/.gitignore` : '.gitignore'),
      message: '.gitignore could not be read; its patterns were not applied',
    });
    return { base: rel, matcher: ignore() };
  }
}

/** Linguist attributes of a folder's .gitattributes; one that cannot be read declares nothing. */
function readGitattributes(abs: string, rel: string): AttributeRule[] {
  try {
    const text = readFileSync(path.join(abs, '.gitattributes'), 'utf8');
    return text.length > 1024 * 1024 ? [] : parseGitattributes(text, rel);
  } catch {
    return [];
  }
}

/**
 * A link among the root's own entries that leads to a folder: the portfolio's way of naming a
 * checkout kept elsewhere. Returns its real path to walk, null when it was noted as a loop, or
 * undefined when it is no folder link (noted by noteSymlink).
 */
async function followableFolder(
  root: ScanRoot,
  rel: string,
  visited: Set<string>,
  diagnostics: Diagnostic[],
): Promise<string | null | undefined> {
  let target: string;
  try {
    target = await fs.realpath(path.join(root.dir, rel));
    if (!(await fs.stat(target)).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const file = resultPath(root, rel);
  // The root itself, a folder above it or one already walked: following would scan it twice or forever.
  if (
    [...visited].some(
      (seen) => seen === target || seen.startsWith(target + path.sep) || target.startsWith(seen + path.sep),
    )
  ) {
    diagnostics.push({
      level: 'warning',
      code: 'symlink-loop',
      file,
      message: 'symbolic link leads to a folder the scan already covers; not followed',
    });
    return null;
  }
  diagnostics.push({
    level: 'info',
    code: 'symlink-followed',
    file,
    message: `symbolic link to a folder followed as part of the portfolio (${target}); --no-follow-symlinks skips it`,
  });
  return target;
}

/**
 * Links below the root's own entries are not followed: a link out of the root (or out of the
 * checkout a followed link leads to) would scan someone else's files, a link inside it points at
 * files the walk reaches anyway, and neither can then loop.
 */
async function noteSymlink(root: ScanRoot, rel: string, boundary: string, diagnostics: Diagnostic[]) {
  const file = resultPath(root, rel);
  let target: string;
  try {
    target = await fs.realpath(path.join(root.dir, rel));
  } catch (error) {
    const loop = (error as NodeJS.ErrnoException).code === 'ELOOP';
    diagnostics.push(
      loop
        ? { level: 'warning', code: 'symlink-loop', file, message: 'symbolic links lead round in a loop; skipped' }
        : { level: 'warning', code: 'broken-symlink', file, message: 'symbolic link points nowhere; skipped' },
    );
    return;
  }
  const inside = isInside(target, boundary);
  diagnostics.push(
    inside
      ? {
          level: 'info',
          code: 'symlink-skipped',
          file,
          message: 'symbolic link inside the root; its target is scanned in its own place',
        }
      : {
          level: 'warning',
          code: 'symlink-outside-root',
          file,
          message: 'symbolic link leads out of the scanned root; not followed',
        },
  );
}
