import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../result/schema.js';
import { addManifestUnits } from './build-units.js';
import { applyExclusions, applyMerges, matchFolders, type DeclaredApplication } from './declared-applications.js';
import { folderOf, parentOf, topFolder } from './folder-paths.js';
import { originOfPath } from './origin.js';
import { groupLooseSources } from './loose-sources.js';
import { resultPath, shownPath, type ScanRoot } from './scan-root.js';
import {
  deepestIn,
  emptyCandidate,
  indexByFolder,
  part,
  type ApplicationPart,
  type BusinessFacts,
  type Candidate,
  type DetectedBy,
} from './unit-candidate.js';
import { roleOfFolder, roleOfLeftovers, type ApplicationKind, type PartKind, type UnitRole } from './unit-kind.js';
import type { DiscoveredFile } from './walk-files.js';
import { compareStrings } from '../util/compare.js';
import { append } from '../util/multimap.js';

export type { ApplicationPart } from './unit-candidate.js';
export type { DeclaredApplication } from './declared-applications.js';

/** A folder of files that belong to no application, and why. */
export interface OutsideFolder {
  path: string;
  kind: PartKind;
  reason: string;
  files: number;
}

export interface DiscoveredApplication {
  id: string;
  name: string;
  root: ScanRoot;
  /** Folder relative to the root ('' for the root itself). */
  rootRel: string;
  /** Folder as shown in results ('.' for a single root's own folder). */
  path: string;
  detectedBy: DetectedBy;
  /** How it was found, in words: which file declares it, what was folded into it. */
  detection: string[];
  manifests: string[];
  modules: string[];
  parts: ApplicationPart[];
  /** The kind cloudready.yaml gives it, which wins over the kind its facts suggest. */
  declaredKind?: ApplicationKind | undefined;
  /** Criticality and owner cloudready.yaml gives it. */
  business?: BusinessFacts | undefined;
  files: DiscoveredFile[];
  /** Files outside every application that serve this one: its repository's CI definitions and tests. */
  shared: DiscoveredFile[];
}

/** Applications, the folders outside all of them, and the boundary calls worth telling the user. */
export interface DiscoveredLayout {
  applications: DiscoveredApplication[];
  outside: OutsideFolder[];
  notes: Diagnostic[];
}

/**
 * Finds the deployable units of each root and what every other file is. An application is a
 * folder a build manifest, a solution, a set of mainframe programs or the configuration declares;
 * failing those, a folder of program sources. Nested builds of the same family (Maven and Gradle
 * modules, a solution's projects, npm workspaces) are its modules; other nested builds are its
 * parts (a front end, a tool) when its image copies them in or they run no process of their own. Units
 * under tests/, samples/, docs/ and tooling folders, and folders of scripts alone, are parts of
 * the application that encloses them, or stand outside every application with the reason.
 */
export async function findApplications(
  roots: ScanRoot[],
  files: DiscoveredFile[],
  declared: DeclaredApplication[],
): Promise<DiscoveredLayout> {
  const layout: DiscoveredLayout = { applications: [], outside: [], notes: [] };
  const byRoot = new Map<ScanRoot, DiscoveredFile[]>(roots.map((root) => [root, []]));
  for (const file of files) byRoot.get(file.root)?.push(file);
  const matches = new Map<DeclaredApplication, number>();
  for (const root of roots) await findInRoot(root, byRoot.get(root) ?? [], declared, layout, matches);
  // A folder outside the scanned roots, or one with no file, would be an application of nothing.
  for (const [entry, count] of matches) {
    if (count === 0)
      layout.notes.push({
        level: 'warning',
        code: 'application-config',
        message: `cloudready.yaml: applications entry ${entry.path} matches no scanned folder with files; nothing was declared`,
      });
  }
  assignIds(layout.applications);
  layout.applications.sort((a, b) => compareStrings(a.id, b.id));
  layout.outside.sort((a, b) => compareStrings(a.path, b.path));
  return layout;
}

async function findInRoot(
  root: ScanRoot,
  files: DiscoveredFile[],
  declared: DeclaredApplication[],
  layout: DiscoveredLayout,
  matches: Map<DeclaredApplication, number>,
) {
  const folders = foldersOf(files);
  const declarations = declared.filter((entry) => !entry.partOf && !entry.exclude);
  const candidates: Candidate[] = [];
  const known = new Set(folders);
  for (const entry of declarations) {
    const matched = matchFolders(entry.path, folders).filter((folder) => known.has(folder));
    matches.set(entry, (matches.get(entry) ?? 0) + matched.length);
    for (const folder of matched) {
      const business =
        entry.criticality || entry.owner
          ? {
              ...(entry.criticality ? { criticality: entry.criticality } : {}),
              ...(entry.owner ? { owner: entry.owner } : {}),
            }
          : undefined;
      candidates.push({
        ...emptyCandidate(folder, 'config'),
        name: entry.name,
        declaredKind: entry.kind,
        business,
        detection: [`declared in cloudready.yaml (${entry.path})`],
      });
    }
  }

  await addManifestUnits(root, files, candidates, layout.notes);

  // Units whose place says they are tests, samples, tooling ... are not applications.
  for (const candidate of candidates) {
    if (candidate.detectedBy !== 'config' && !candidate.role) candidate.role = roleOfFolder(candidate.rootRel);
  }

  const { owned, unowned } = assignFiles(candidates, files);
  // Sources no manifest claims: mainframe programs meet in the folder of their system; other
  // sources at the root make the root an application; elsewhere, one unit per top-level folder.
  for (const [candidate, groupFiles] of groupLooseSources(unowned, files, candidates)) {
    candidates.push(candidate);
    owned.set(candidate, groupFiles);
  }
  const groupOf = new Map<DiscoveredFile, Candidate>();
  for (const [candidate, groupFiles] of owned) for (const file of groupFiles) groupOf.set(file, candidate);
  const looseIndex = indexByFolder(
    [...owned.keys()].filter((candidate) => candidate.detectedBy === 'mainframe' || candidate.detectedBy === 'source'),
  );
  for (const file of unowned) {
    if (groupOf.has(file)) continue;
    const target = deepestIn(looseIndex, folderOf(file));
    if (target) owned.get(target)!.push(file);
  }

  const units = applyMerges(
    root,
    declared.filter((entry) => entry.partOf),
    candidates,
    owned,
    folders,
    layout.notes,
  );
  const excluded = applyExclusions(
    declared.filter((entry) => entry.exclude),
    units,
    folders,
  );

  // Parts fold into the application that encloses them; the rest stand outside.
  const applications = units.filter((candidate) => !candidate.role && !excluded.has(candidate));
  const appIndex = indexByFolder(applications);
  const leftovers: Leftover[] = [];
  for (const candidate of units) {
    if (applications.includes(candidate)) continue;
    const candidateFiles = owned.get(candidate) ?? [];
    const host = excluded.has(candidate) ? undefined : deepestIn(appIndex, parentOf(candidate.rootRel));
    if (host) {
      for (const file of candidateFiles) owned.get(host)!.push(file);
      host.parts.push(part(root, candidate.rootRel, candidate.role!));
      host.manifests.push(...candidate.manifests);
    } else if (excluded.has(candidate)) {
      layout.outside.push({
        path: shownPath(root, candidate.rootRel),
        kind: 'other',
        reason: excluded.get(candidate)!,
        files: candidateFiles.length,
      });
    } else {
      for (const file of candidateFiles) leftovers.push({ file, folder: candidate.rootRel, role: candidate.role });
    }
  }
  const assigned = new Set([...owned.values()].flat());
  for (const file of unowned) if (!assigned.has(file)) leftovers.push({ file, folder: topFolder(file.rootRel) });
  const shared = listOutside(root, leftovers, layout.outside);
  // By repository once: thousands of shared test files and hundreds of applications meet here.
  const repositories = new Map<string, string>();
  const repositoryOfFolder = (folder: string) =>
    repositories.get(folder) ?? repositories.set(folder, repositoryOf(root, folder)).get(folder)!;
  const sharedByRepository = new Map<string, DiscoveredFile[]>();
  for (const file of shared.sort((a, b) => compareStrings(a.rel, b.rel))) {
    const repository = repositoryOfFolder(folderOf(file));
    append(sharedByRepository, repository, file);
  }

  for (const candidate of applications) {
    const appFiles = owned.get(candidate) ?? [];
    addConventionalParts(root, candidate, appFiles);
    layout.applications.push({
      id: '',
      name: candidate.name ?? nameOf(root, candidate.rootRel),
      root,
      rootRel: candidate.rootRel,
      path: shownPath(root, candidate.rootRel),
      detectedBy: candidate.detectedBy,
      detection: candidate.detection,
      manifests: [...new Set(candidate.manifests)].sort(compareStrings),
      modules: [...new Set(candidate.modules)].sort(compareStrings),
      // A part inside another part (a test project under tests/) is named once, by the outer one.
      parts: candidate.parts
        .filter((one) => !candidate.parts.some((other) => one.path.startsWith(`${other.path}/`)))
        .sort((a, b) => compareStrings(a.path, b.path)),
      ...(candidate.declaredKind ? { declaredKind: candidate.declaredKind } : {}),
      ...(candidate.business ? { business: candidate.business } : {}),
      files: appFiles.sort((a, b) => compareStrings(a.rel, b.rel)),
      shared: sharedByRepository.get(repositoryOfFolder(candidate.rootRel)) ?? [],
    });
  }
}

/** Folders inside the application that its layout marks as tests, tooling, docs or deployment definitions, up to three levels down. */
function addConventionalParts(root: ScanRoot, candidate: Candidate, files: DiscoveredFile[]) {
  const known = new Set(candidate.parts.map((existing) => existing.path));
  const roles = new Map<string, UnitRole | undefined>();
  const prefix = candidate.rootRel ? `${candidate.rootRel}/` : '';
  for (const file of files) {
    if (!file.rootRel.startsWith(prefix)) continue;
    const segments = file.rootRel.slice(prefix.length).split('/').slice(0, -1);
    for (let level = 1; level <= Math.min(segments.length, 3); level++) {
      const folder = `${prefix}${segments.slice(0, level).join('/')}`;
      if (!roles.has(folder)) roles.set(folder, roleOfFolder(folder));
      const role = roles.get(folder);
      if (!role) continue;
      const shown = resultPath(root, folder);
      if (!known.has(shown) && ![...known].some((existing) => shown.startsWith(`${existing}/`))) {
        known.add(shown);
        candidate.parts.push(part(root, folder, role));
      }
      break;
    }
  }
}

/** Files by the deepest candidate whose folder (or listed project folder) holds them. */
function assignFiles(candidates: Candidate[], files: DiscoveredFile[]) {
  const owned = new Map<Candidate, DiscoveredFile[]>(candidates.map((candidate) => [candidate, []]));
  const index = indexByFolder(candidates);
  for (const candidate of candidates)
    for (const project of candidate.solutionProjects) if (!index.has(project)) index.set(project, candidate);
  const unowned: DiscoveredFile[] = [];
  for (const file of files) {
    const owner = deepestIn(index, folderOf(file));
    if (owner) owned.get(owner)!.push(file);
    else unowned.push(file);
  }
  return { owned, unowned };
}

/** A file no application owns, with the unit (or top-level folder) it was found in and that unit's role, if known. */
interface Leftover {
  file: DiscoveredFile;
  folder: string;
  role?: UnitRole | undefined;
}

/**
 * Files no application owns, listed by the unit or top-level folder that holds them, with the
 * reason. Returns the repository-level CI definitions and tests among them, which count for the
 * applications they build and test.
 */
function listOutside(root: ScanRoot, leftovers: Leftover[], outside: OutsideFolder[]): DiscoveredFile[] {
  const groups = new Map<string, Leftover[]>();
  for (const leftover of leftovers) append(groups, leftover.folder, leftover);
  const shared: DiscoveredFile[] = [];
  for (const [folder, group] of groups) {
    const files = group.map(({ file }) => file);
    const role = group.find((leftover) => leftover.role)?.role ?? roleOfLeftovers(folder, files);
    outside.push({ path: shownPath(root, folder), kind: role.kind, reason: role.reason, files: files.length });
    // Delivery facts pick what they need (workflows, Jenkinsfiles, test files, infrastructure as code) from these.
    for (const file of files)
      if (role.kind === 'test' || role.kind === 'infrastructure' || originOfPath(file.rootRel) === 'ci')
        shared.push(file);
  }
  return shared;
}

/** The folder of the repository (a .git beside it), else the scanned root. */
function repositoryOf(root: ScanRoot, folder: string): string {
  for (let current = folder; current !== ''; current = parentOf(current)) {
    if (existsSync(path.join(root.dir, current, '.git'))) return current;
  }
  return '';
}

/** Folders that hold files, and their ancestors: what a path glob in cloudready.yaml can name. */
function foldersOf(files: DiscoveredFile[]): string[] {
  const folders = new Set<string>(['']);
  for (const file of files)
    for (let folder = folderOf(file); folder !== '' && !folders.has(folder); folder = parentOf(folder))
      folders.add(folder);
  return [...folders].sort(compareStrings);
}

function nameOf(root: ScanRoot, rootRel: string): string {
  return path.posix.basename(rootRel) || rootName(root);
}

/** A root's own name: its folder, or the file's stem when a single file was scanned. */
function rootName(root: ScanRoot): string {
  return root.onlyFile ? path.parse(root.onlyFile).name : path.basename(root.dir);
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
