import fs from 'node:fs/promises';
import path from 'node:path';
import { APPLICATION_MANIFEST, type BuildFamily } from './classify.js';
import { resultPath, type ScanRoot } from './scan-root.js';
import type { DiscoveredFile } from './walk-files.js';
import { compareStrings } from '../util/compare.js';

export interface DiscoveredApplication {
  id: string;
  name: string;
  root: ScanRoot;
  /** Folder relative to the root ('' for the root itself). */
  rootRel: string;
  /** Folder as shown in results ('.' for a single root's own folder). */
  path: string;
  detectedBy: 'config' | 'manifest' | 'mainframe' | 'source';
  manifests: string[];
  modules: string[];
  files: DiscoveredFile[];
}

export interface DeclaredApplication {
  path: string;
  name?: string | undefined;
}

interface Candidate {
  rootRel: string;
  detectedBy: DiscoveredApplication['detectedBy'];
  families: Set<BuildFamily>;
  name?: string | undefined;
  manifests: string[];
  modules: string[];
  /** npm roots only aggregate nested package.json files when they declare workspaces. */
  npmWorkspaces: boolean;
}

/**
 * Finds the deployable units of each root. An application is a folder with a build manifest,
 * a set of mainframe sources, a folder the config declares, or (failing all of those) a
 * top-level folder of source code. Nested manifests of the same build (Maven/Gradle modules,
 * projects of a .sln, npm workspaces) are modules of the enclosing application.
 */
export async function findApplications(
  roots: ScanRoot[],
  files: DiscoveredFile[],
  declared: DeclaredApplication[],
): Promise<DiscoveredApplication[]> {
  const applications: DiscoveredApplication[] = [];
  for (const root of roots) {
    const rootFiles = files.filter((file) => file.root === root);
    applications.push(...(await findInRoot(root, rootFiles, declared)));
  }
  assignIds(applications);
  return applications.sort((a, b) => compareStrings(a.id, b.id));
}

async function findInRoot(root: ScanRoot, files: DiscoveredFile[], declared: DeclaredApplication[]): Promise<DiscoveredApplication[]> {
  const candidates: Candidate[] = declared.map((app) => ({
    rootRel: normaliseFolder(app.path),
    detectedBy: 'config',
    families: new Set(),
    name: app.name,
    manifests: [],
    modules: [],
    npmWorkspaces: false,
  }));

  const manifestFolders = new Map<string, DiscoveredFile[]>();
  for (const file of files) {
    if (file.kind !== 'manifest' || !APPLICATION_MANIFEST.test(path.posix.basename(file.rootRel))) continue;
    const folder = path.posix.dirname(file.rootRel);
    const key = folder === '.' ? '' : folder;
    manifestFolders.set(key, [...(manifestFolders.get(key) ?? []), file]);
  }
  const byDepth = [...manifestFolders.keys()].sort((a, b) => depth(a) - depth(b) || compareStrings(a, b));
  for (const folder of byDepth) {
    const manifests = manifestFolders.get(folder) ?? [];
    const families = new Set(manifests.map((manifest) => manifest.buildFamily).filter((family) => family !== undefined));
    const enclosing = deepestContaining(candidates, folder);
    if (enclosing && enclosing.rootRel === folder) {
      enclosing.manifests.push(...manifests.map((manifest) => manifest.rel));
      continue;
    }
    if (enclosing && isModuleOf(enclosing, families)) {
      enclosing.modules.push(resultPath(root, folder));
      enclosing.manifests.push(...manifests.map((manifest) => manifest.rel));
      continue;
    }
    const packageJson = manifests.find((manifest) => path.posix.basename(manifest.rootRel) === 'package.json');
    candidates.push({
      rootRel: folder,
      detectedBy: 'manifest',
      families,
      manifests: manifests.map((manifest) => manifest.rel),
      modules: [],
      npmWorkspaces: packageJson ? await declaresWorkspaces(packageJson.abs) : false,
    });
  }

  const owned = new Map<Candidate, DiscoveredFile[]>(candidates.map((candidate) => [candidate, []]));
  const unowned: DiscoveredFile[] = [];
  const byFolder = indexByFolder(candidates);
  for (const file of files) {
    const owner = deepestIn(byFolder, path.posix.dirname(file.rootRel));
    if (owner) owned.get(owner)?.push(file);
    else unowned.push(file);
  }
  // Applications found by their sources own every file in their folder, as manifest ones do:
  // a scheduler export or a CSD beside the COBOL belongs to that system.
  const fromSources = groupLooseSources(unowned.filter((file) => file.kind === 'source'), candidates.length > 0);
  const looseCandidates = [...fromSources.keys()];
  const groupOf = new Map<DiscoveredFile, Candidate>();
  for (const [candidate, groupFiles] of fromSources) {
    owned.set(candidate, []);
    for (const file of groupFiles) groupOf.set(file, candidate);
  }
  const looseByFolder = indexByFolder(looseCandidates);
  for (const file of unowned) {
    // Sources keep their group (loose root files may lie outside any folder); other files join the folder's application.
    const target = groupOf.get(file) ?? deepestIn(looseByFolder, path.posix.dirname(file.rootRel));
    if (target) owned.get(target)?.push(file);
  }

  return [...owned].map(([candidate, appFiles]) => ({
    id: '',
    name: candidate.name ?? nameOf(root, candidate.rootRel),
    root,
    rootRel: candidate.rootRel,
    path: candidate.rootRel ? resultPath(root, candidate.rootRel) : root.label || '.',
    detectedBy: candidate.detectedBy,
    manifests: [...candidate.manifests].sort(compareStrings),
    modules: [...candidate.modules].sort(compareStrings),
    files: appFiles,
  }));
}

/**
 * Source files outside every application: mainframe sources form a mainframe application per
 * top-level folder (rooted where those sources meet); other sources an application per
 * top-level folder. Files lying directly in the root form one only when nothing else was found.
 */
function groupLooseSources(loose: DiscoveredFile[], rootHasApplications: boolean): Map<Candidate, DiscoveredFile[]> {
  const groups = new Map<string, DiscoveredFile[]>();
  for (const file of loose) {
    const slash = file.rootRel.indexOf('/');
    const top = slash === -1 ? '' : file.rootRel.slice(0, slash);
    if (top === '' && rootHasApplications) continue;
    groups.set(top, [...(groups.get(top) ?? []), file]);
  }
  const result = new Map<Candidate, DiscoveredFile[]>();
  for (const groupFiles of groups.values()) {
    const mainframe = groupFiles.some((file) => file.language?.mainframe);
    const rootRel = commonFolder(groupFiles.map((file) => path.posix.dirname(file.rootRel)));
    const candidate: Candidate = {
      rootRel,
      detectedBy: mainframe ? 'mainframe' : 'source',
      families: new Set(),
      manifests: [],
      modules: [],
      npmWorkspaces: false,
    };
    result.set(candidate, groupFiles);
  }
  return result;
}

function isModuleOf(enclosing: Candidate, families: Set<BuildFamily>): boolean {
  if (enclosing.detectedBy === 'config') return true;
  for (const family of families) {
    if (!enclosing.families.has(family)) continue;
    if (family !== 'npm' || enclosing.npmWorkspaces) return true;
  }
  return false;
}

async function declaresWorkspaces(packageJsonPath: string): Promise<boolean> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(packageJsonPath, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed;
  } catch {
    return false; // A malformed package.json is reported when manifests are extracted.
  }
}

function deepestContaining(candidates: Candidate[], folder: string): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    const inside = candidate.rootRel === '' || folder === candidate.rootRel || folder.startsWith(`${candidate.rootRel}/`);
    if (inside && (!best || depth(candidate.rootRel) > depth(best.rootRel))) best = candidate;
  }
  return best;
}

/** Candidates by their folder (the first of several in one folder, as deepestContaining picks). */
function indexByFolder(candidates: Candidate[]): Map<string, Candidate> {
  const index = new Map<string, Candidate>();
  for (const candidate of candidates) if (!index.has(candidate.rootRel)) index.set(candidate.rootRel, candidate);
  return index;
}

/**
 * deepestContaining through the index: the folder and its parents, deepest first. Checking every
 * candidate for every file took 0.5 s of a 1,000,000-line scan (12,628 files, 297 candidates).
 */
function deepestIn(index: Map<string, Candidate>, folder: string): Candidate | undefined {
  for (let current = folder === '.' ? '' : folder; ; current = current.includes('/') ? current.slice(0, current.lastIndexOf('/')) : '') {
    const found = index.get(current);
    if (found) return found;
    if (current === '') return undefined;
  }
}

function commonFolder(folders: string[]): string {
  const split = folders.map((folder) => (folder === '.' ? [] : folder.split('/')));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && parts[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join('/');
}

function nameOf(root: ScanRoot, rootRel: string): string {
  return path.posix.basename(rootRel) || rootName(root);
}

/** A root's own name: its folder, or the file's stem when a single file was scanned. */
function rootName(root: ScanRoot): string {
  return root.onlyFile ? path.parse(root.onlyFile).name : path.basename(root.dir);
}

function normaliseFolder(folder: string): string {
  const posix = path.posix.normalize(folder.split('\\').join('/')).replace(/\/+$/, '');
  return posix === '.' ? '' : posix.replace(/^\.\//, '');
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

/** Ids are slugs of the application path: stable across runs and readable in a terminal. */
function assignIds(applications: DiscoveredApplication[]) {
  const taken = new Set<string>();
  for (const app of [...applications].sort((a, b) => compareStrings(a.path, b.path))) {
    const source = app.path === '.' ? rootName(app.root) : app.path;
    const base = slugify(source) || 'app';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    app.id = id;
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
