import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import type { Diagnostic } from '../result/schema.js';
import { APPLICATION_MANIFEST, type BuildFamily } from './classify.js';
import { readDeclaration, type ManifestDeclaration } from './manifest-declaration.js';
import { resultPath, type ScanRoot } from './scan-root.js';
import { solutionProjects } from './solution-projects.js';
import { PYTHON_ENTRY, roleOfFiles, roleOfFolder, roleOfLeftovers, roleOfLooseSources, type ApplicationKind, type PartKind, type UnitRole } from './unit-kind.js';
import type { DiscoveredFile } from './walk-files.js';
import { COUNTED_PARTS } from '../result/unit-kinds.js';
import { compareStrings } from '../util/compare.js';
import { append, appendAll } from '../util/multimap.js';

/** A part of an application that is not one itself: its tests, tooling, front end, docs ... */
export interface ApplicationPart {
  /** Folder as shown in results. */
  path: string;
  kind: PartKind;
  reason: string;
  /** Whether evidence in it counts toward the score: a front end, a library or deployment definitions do; tests, tooling and docs do not. */
  counted: boolean;
}

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
  detectedBy: 'config' | 'manifest' | 'mainframe' | 'source';
  /** How it was found, in words: which file declares it, what was folded into it. */
  detection: string[];
  manifests: string[];
  modules: string[];
  parts: ApplicationPart[];
  /** The kind cloudready.yaml gives it, which wins over the kind its facts suggest. */
  declaredKind?: ApplicationKind | undefined;
  files: DiscoveredFile[];
  /** Files outside every application that serve this one: its repository's CI definitions and tests. */
  shared: DiscoveredFile[];
}

/** An entry of `applications:` in cloudready.yaml. */
export interface DeclaredApplication {
  path: string;
  name?: string | undefined;
  kind?: ApplicationKind | undefined;
  partOf?: string | undefined;
  exclude?: boolean | undefined;
  reason?: string | undefined;
}

/** Applications, the folders outside all of them, and the boundary calls worth telling the user. */
export interface DiscoveredLayout {
  applications: DiscoveredApplication[];
  outside: OutsideFolder[];
  notes: Diagnostic[];
}

interface Candidate {
  rootRel: string;
  detectedBy: DiscoveredApplication['detectedBy'];
  families: Set<BuildFamily>;
  name?: string | undefined;
  declaredKind?: ApplicationKind | undefined;
  detection: string[];
  manifests: string[];
  modules: string[];
  parts: ApplicationPart[];
  /** npm roots only aggregate nested package.json files when they declare workspaces. */
  npmWorkspaces: boolean;
  /** Project folders a solution lists (they may lie beside it rather than below). */
  solutionProjects: Set<string>;
  /** What its image definitions copy in (COPY/ADD sources, relative to its folder). */
  imageSources: string[];
  /** Set for units that are parts or tooling, not applications: they stand outside when nothing encloses them. */
  role?: UnitRole | undefined;
}

/** Files that let a folder run on its own, beside the application that encloses it. */
const DEPLOYABLE = /^(Dockerfile(\.[\w-]+)?|Containerfile|Procfile|app\.ya?ml|manifest\.ya?ml)$/;
/** Repository-level delivery evidence credited to the applications of the repository. */
const SHARED_DELIVERY = /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|Jenkinsfile[^/]*|azure-pipelines[^/]*\.ya?ml|\.circleci\/config\.yml|\.travis\.yml|bitbucket-pipelines\.yml)$/i;

/**
 * Finds the deployable units of each root and what every other file is. An application is a
 * folder a build manifest, a solution, a set of mainframe programs or the configuration declares;
 * failing those, a folder of program sources. Nested builds of the same family (Maven and Gradle
 * modules, a solution's projects, npm workspaces) are its modules; other nested builds are its
 * parts (a front end, a tool) when its image copies them in or they run no process of their own. Units
 * under tests/, samples/, docs/ and tooling folders, and folders of scripts alone, are parts of
 * the application that encloses them, or stand outside every application with the reason.
 */
export async function findApplications(roots: ScanRoot[], files: DiscoveredFile[], declared: DeclaredApplication[]): Promise<DiscoveredLayout> {
  const layout: DiscoveredLayout = { applications: [], outside: [], notes: [] };
  const byRoot = new Map<ScanRoot, DiscoveredFile[]>(roots.map((root) => [root, []]));
  for (const file of files) byRoot.get(file.root)?.push(file);
  const matches = new Map<DeclaredApplication, number>();
  for (const root of roots) await findInRoot(root, byRoot.get(root) ?? [], declared, layout, matches);
  // A folder outside the scanned roots, or one with no file, would be an application of nothing.
  for (const [entry, count] of matches) {
    if (count === 0) layout.notes.push({ level: 'warning', code: 'application-config', message: `cloudready.yaml: applications entry ${entry.path} matches no scanned folder with files; nothing was declared` });
  }
  assignIds(layout.applications);
  layout.applications.sort((a, b) => compareStrings(a.id, b.id));
  layout.outside.sort((a, b) => compareStrings(a.path, b.path));
  return layout;
}

async function findInRoot(root: ScanRoot, files: DiscoveredFile[], declared: DeclaredApplication[], layout: DiscoveredLayout, matches: Map<DeclaredApplication, number>) {
  const folders = foldersOf(files);
  const declarations = declared.filter((entry) => !entry.partOf && !entry.exclude);
  const candidates: Candidate[] = [];
  const known = new Set(folders);
  for (const entry of declarations) {
    const matched = matchFolders(entry.path, folders).filter((folder) => known.has(folder));
    matches.set(entry, (matches.get(entry) ?? 0) + matched.length);
    for (const folder of matched) {
      candidates.push({ ...emptyCandidate(folder, 'config'), name: entry.name, declaredKind: entry.kind, detection: [`declared in cloudready.yaml (${entry.path})`] });
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
  const looseIndex = indexByFolder([...owned.keys()].filter((candidate) => candidate.detectedBy === 'mainframe' || candidate.detectedBy === 'source'));
  for (const file of unowned) {
    if (groupOf.has(file)) continue;
    const target = deepestIn(looseIndex, folderOf(file));
    if (target) owned.get(target)!.push(file);
  }

  const units = applyMerges(root, declared.filter((entry) => entry.partOf), candidates, owned, folders, layout.notes);
  const excluded = applyExclusions(declared.filter((entry) => entry.exclude), units, folders);

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
      layout.outside.push({ path: shownPath(root, candidate.rootRel), kind: 'other', reason: excluded.get(candidate)!, files: candidateFiles.length });
    } else {
      for (const file of candidateFiles) leftovers.push({ ...file, unitFolder: candidate.rootRel, unitRole: candidate.role });
    }
  }
  const assigned = new Set([...owned.values()].flat());
  for (const file of unowned) if (!assigned.has(file)) leftovers.push(file);
  const shared = listOutside(root, leftovers, layout.outside);
  // By repository once: thousands of shared test files and hundreds of applications meet here.
  const repositories = new Map<string, string>();
  const repositoryOfFolder = (folder: string) => repositories.get(folder) ?? repositories.set(folder, repositoryOf(root, folder)).get(folder)!;
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
      parts: candidate.parts.filter((one) => !candidate.parts.some((other) => one.path.startsWith(`${other.path}/`))).sort((a, b) => compareStrings(a.path, b.path)),
      ...(candidate.declaredKind ? { declaredKind: candidate.declaredKind } : {}),
      files: appFiles.sort((a, b) => compareStrings(a.rel, b.rel)),
      shared: sharedByRepository.get(repositoryOfFolder(candidate.rootRel)) ?? [],
    });
  }
}

function part(root: ScanRoot, folder: string, role: UnitRole): ApplicationPart {
  return { path: resultPath(root, folder), kind: role.kind, reason: role.reason, counted: COUNTED_PARTS.has(role.kind) };
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

function emptyCandidate(rootRel: string, detectedBy: Candidate['detectedBy']): Candidate {
  return { rootRel, detectedBy, families: new Set(), detection: [], manifests: [], modules: [], parts: [], npmWorkspaces: false, solutionProjects: new Set(), imageSources: [] };
}

/** Image definitions: a folder with one and no build manifest is a deployable unit too. */
const IMAGE_DEFINITION = /^(Dockerfile(\.[\w-]+)?|Containerfile)$/;

/**
 * Build manifests, solutions and image definitions, shallowest first: each joins the unit that
 * encloses it or starts one.
 */
async function addManifestUnits(root: ScanRoot, files: DiscoveredFile[], candidates: Candidate[], notes: Diagnostic[]) {
  const manifestFolders = new Map<string, DiscoveredFile[]>();
  const imageFolders = new Map<string, DiscoveredFile[]>();
  for (const file of files) {
    const base = path.posix.basename(file.rootRel);
    const into = file.kind === 'manifest' && APPLICATION_MANIFEST.test(base) ? manifestFolders : IMAGE_DEFINITION.test(base) ? imageFolders : undefined;
    if (into) append(into, folderOf(file), file);
  }
  const deployable = new Set(files.filter((file) => DEPLOYABLE.test(path.posix.basename(file.rootRel))).map(folderOf));
  const byDepth = [...new Set([...manifestFolders.keys(), ...imageFolders.keys()])].sort((a, b) => depth(a) - depth(b) || compareStrings(a, b));
  for (const folder of byDepth) {
    const manifests = manifestFolders.get(folder) ?? [];
    const images = imageFolders.get(folder) ?? [];
    const declarations = await Promise.all(manifests.map(async (manifest) => ({ manifest, declaration: readDeclaration(manifest.rootRel, await readSmall(manifest)) })));
    const declaring = declarations.filter(({ declaration }) => declaration.declaresUnit);
    const families = new Set(declaring.map(({ manifest }) => manifest.buildFamily).filter((family) => family !== undefined));
    const rels = manifests.map((manifest) => manifest.rel);
    const enclosing = deepestContaining(candidates, folder);
    if (enclosing && enclosing.rootRel === folder) {
      enclosing.manifests.push(...rels);
      continue;
    }
    if (declaring.length === 0) {
      // A tooling-only manifest (lint dev dependencies, a module-type marker) declares nothing; an
      // image definition inside an application (docker/Dockerfile) builds that application.
      if (enclosing) enclosing.manifests.push(...rels);
      else if (images.length > 0) {
        candidates.push({ ...emptyCandidate(folder, 'manifest'), manifests: rels, imageSources: await imageSources(images), detection: [`an image definition (${images.map((image) => path.posix.basename(image.rootRel)).join(', ')}) in ${shownPath(root, folder)}`] });
      }
      continue;
    }
    const listedBy = candidates.find((candidate) => candidate.solutionProjects.has(folder));
    const module = listedBy ?? (enclosing && isModuleOf(enclosing, families) ? enclosing : undefined);
    if (module) {
      module.modules.push(resultPath(root, folder));
      module.manifests.push(...rels);
      // A test or tooling project of the build is also named as the part it is.
      const role = roleOfFolder(folder);
      if (role) module.parts.push(part(root, folder, role));
      continue;
    }
    const name = declaring.map(({ declaration }) => declaration.name).find((found) => found !== undefined);
    const candidate: Candidate = {
      ...emptyCandidate(folder, 'manifest'),
      families,
      name,
      manifests: rels,
      npmWorkspaces: declaring.some(({ declaration }) => declaration.workspaces),
      imageSources: await imageSources(images),
      detection: [`${declaring.map(({ manifest }) => path.posix.basename(manifest.rootRel)).join(', ')} in ${shownPath(root, folder)}`],
    };
    for (const { manifest } of declaring) {
      if (!/\.(sln|slnx|slnf)$/i.test(manifest.rootRel)) continue;
      const projects = solutionProjects(manifest.rootRel, await readSmall(manifest));
      for (const project of projects) candidate.solutionProjects.add(path.posix.dirname(project) === '.' ? '' : path.posix.dirname(project));
      candidate.detection.push(`${path.posix.basename(manifest.rootRel)} lists ${projects.length} project${projects.length === 1 ? '' : 's'}`);
    }
    if (enclosing && !deployable.has(folder)) {
      // Another build inside an application is one of its parts (a front end, a build helper)
      // when the application's image copies it in, or when it runs no process of its own.
      const copied = copiedIntoImage(enclosing, folder);
      if (copied || !(await runsOnItsOwn(folder, families, declaring.map(({ declaration }) => declaration), files))) {
        const why = copied ? `copied into the image of ${shownPath(root, enclosing.rootRel)}` : `runs no process of its own`;
        candidate.role = roleOfFolder(folder) ?? { kind: families.has('npm') ? 'web' : 'library', reason: `a ${[...families].join('/')} build inside ${shownPath(root, enclosing.rootRel)}: ${why}` };
      } else if (!roleOfFolder(folder)) {
        notes.push({ level: 'info', code: 'application-boundary', file: resultPath(root, folder), message: `a build inside ${shownPath(root, enclosing.rootRel)} that runs a process of its own: counted as an application of its own (cloudready.yaml applications: partOf merges it)` });
      }
    }
    candidates.push(candidate);
  }
}

/** What the image definitions of a folder copy in from the build context (COPY/ADD sources, not --from stages). */
async function imageSources(images: DiscoveredFile[]): Promise<string[]> {
  const sources: string[] = [];
  for (const image of images) {
    for (const match of (await readSmall(image)).matchAll(/^[ \t]*(?:COPY|ADD)[ \t]+(.+)$/gim)) {
      const args = match[1]!.trim();
      if (/--from[= ]/i.test(args)) continue;
      const words = args.startsWith('[') ? jsonWords(args) : args.split(/\s+/).filter((word) => !word.startsWith('--'));
      sources.push(...words.slice(0, -1).map((word) => path.posix.normalize(word).replace(/^\.\/|\/$/g, '') || '.'));
    }
  }
  return sources;
}

/** The exec form `["src", "dest"]`; a malformed one copies nothing cloudready can tell. */
function jsonWords(args: string): string[] {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) ? parsed.filter((word): word is string => typeof word === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether the enclosing unit's image copies the nested folder (or a file of it) in. */
function copiedIntoImage(enclosing: Candidate, folder: string): boolean {
  const relative = enclosing.rootRel ? folder.slice(enclosing.rootRel.length + 1) : folder;
  return enclosing.imageSources.some((source) => source === '.' || source === relative || relative.startsWith(`${source}/`) || source.startsWith(`${relative}/`));
}

/**
 * Whether a build nested in another application runs as a process of its own (and so is an
 * application) rather than being built into it: a Node server or command, a Go main package, a
 * Python entry file. JVM and .NET builds inside another family's application stand on their own.
 */
async function runsOnItsOwn(folder: string, families: Set<BuildFamily>, declarations: ManifestDeclaration[], files: DiscoveredFile[]): Promise<boolean> {
  const inside = files.filter((file) => file.rootRel.startsWith(`${folder}/`));
  if (families.has('npm') && declarations.some((declaration) => declaration.runsAProcess)) return true;
  if (families.has('python') && inside.some((file) => PYTHON_ENTRY.test(path.posix.basename(file.rootRel)))) return true;
  if (families.has('go')) {
    for (const file of inside.filter((candidate) => candidate.rootRel.endsWith('.go')).slice(0, 200)) {
      if (/^package\s+main\b/m.test(await readSmall(file))) return true;
    }
  }
  return [...families].some((family) => family !== 'npm' && family !== 'python' && family !== 'go');
}

/** Same-family builds aggregate, except npm without workspaces and Go, where every go.mod is a module of its own. */
function isModuleOf(enclosing: Candidate, families: Set<BuildFamily>): boolean {
  if (enclosing.detectedBy === 'config') return true;
  for (const family of families) {
    if (!enclosing.families.has(family) || family === 'go') continue;
    if (family !== 'npm' || enclosing.npmWorkspaces) return true;
  }
  return false;
}

/** Files by the deepest candidate whose folder (or listed project folder) holds them. */
function assignFiles(candidates: Candidate[], files: DiscoveredFile[]) {
  const owned = new Map<Candidate, DiscoveredFile[]>(candidates.map((candidate) => [candidate, []]));
  const index = indexByFolder(candidates);
  for (const candidate of candidates) for (const project of candidate.solutionProjects) if (!index.has(project)) index.set(project, candidate);
  const unowned: DiscoveredFile[] = [];
  for (const file of files) {
    const owner = deepestIn(index, folderOf(file));
    if (owner) owned.get(owner)!.push(file);
    else unowned.push(file);
  }
  return { owned, unowned };
}

/**
 * Source files outside every unit. Mainframe programs (COBOL, PL/I, assembler, BMS) form a
 * mainframe system rooted where they meet; other sources directly in the root make the root an
 * application when they are programs, not scripts; the rest form one unit per top-level folder,
 * which is tooling when it holds scripts alone.
 */
function groupLooseSources(unowned: DiscoveredFile[], allFiles: DiscoveredFile[], candidates: Candidate[]): Map<Candidate, DiscoveredFile[]> {
  const sources = unowned.filter((file) => file.kind === 'source');
  const result = new Map<Candidate, DiscoveredFile[]>();
  const mainframeTops = new Map<string, DiscoveredFile[]>();
  const otherTops = new Map<string, DiscoveredFile[]>();
  for (const file of sources) {
    const top = topFolder(file.rootRel);
    const programs = file.language?.mainframe ? mainframeTops : otherTops;
    append(programs, top, file);
  }
  for (const [top, group] of mainframeTops) {
    // JCL and REXX alone join the other sources of their folder: jobs and tools, no system.
    if (!group.some((file) => !file.language?.script)) {
      appendAll(otherTops, top, group);
      continue;
    }
    const common = commonFolder(group.filter((file) => !file.language?.script).map(folderOf));
    const raised = aboveSourceFolder(common);
    // A top-level cobol/ is the root's system only when nothing else was found beside it.
    const rootRel = raised === '' && candidates.length > 0 ? common : raised;
    const inside = group.filter((file) => rootRel === '' || file.rootRel.startsWith(`${rootRel}/`));
    const insideSet = new Set(inside);
    const candidate = { ...emptyCandidate(rootRel, 'mainframe' as const), detection: [`mainframe programs (${languagesOf(inside)}) meet in ${rootRel || '.'}`] };
    candidate.role = roleOfFolder(rootRel) ?? roleOfFiles(inside);
    result.set(candidate, inside);
    const outside = group.filter((file) => !insideSet.has(file));
    appendAll(otherTops, top, outside);
  }
  const claimed = new Set([...result.values()].flat());
  const rootFiles = otherTops.get('') ?? [];
  const rootIsApplication = rootFiles.length > 0 && !roleOfLooseSources('', rootFiles, rootFiles) && !candidates.some((candidate) => candidate.rootRel === '');
  if (rootIsApplication) {
    // The root's own programs make the root the application: every unclaimed folder is its.
    const candidate = { ...emptyCandidate('', 'source' as const), detection: [`${languagesOf(rootFiles)} programs in the root folder, no build manifest`] };
    result.set(candidate, sources.filter((file) => !claimed.has(file)));
    return result;
  }
  for (const [top, group] of otherTops) {
    if (top === '') continue;
    const common = commonFolder(group.map(folderOf));
    // A top-level src/ is the root's project only when nothing else was found beside it.
    const raised = aboveSourceFolder(common);
    const rootRel = raised === '' && (candidates.length > 0 || otherTops.size > 1) ? common : raised;
    const folderFiles = allFiles.filter((file) => file.rootRel.startsWith(`${rootRel}/`));
    const candidate = { ...emptyCandidate(rootRel, 'source' as const), detection: [`${languagesOf(group)} sources in ${rootRel}, no build manifest`] };
    candidate.role = roleOfFolder(rootRel) ?? roleOfFiles(group) ?? roleOfLooseSources(rootRel, group, folderFiles);
    result.set(candidate, group);
  }
  return result;
}

/** cloudready.yaml `partOf`: the units in the matched folders belong to the application at that path. */
function applyMerges(root: ScanRoot, merges: DeclaredApplication[], candidates: Candidate[], owned: Map<Candidate, DiscoveredFile[]>, folders: string[], notes: Diagnostic[]): Candidate[] {
  const merged = new Set<Candidate>();
  for (const entry of merges) {
    const hostFolder = normaliseFolder(entry.partOf!);
    const host = candidates.find((candidate) => candidate.rootRel === hostFolder && !merged.has(candidate));
    if (!host) {
      notes.push({ level: 'warning', code: 'application-config', message: `cloudready.yaml: applications entry ${entry.path} is partOf ${entry.partOf}, where no application was found; nothing was merged` });
      continue;
    }
    host.role = undefined;
    for (const folder of matchFolders(entry.path, folders)) {
      for (const candidate of candidates) {
        if (candidate === host || merged.has(candidate) || !(folder === '' || candidate.rootRel === folder || candidate.rootRel.startsWith(`${folder}/`))) continue;
        for (const file of owned.get(candidate) ?? []) owned.get(host)!.push(file);
        host.manifests.push(...candidate.manifests);
        host.modules.push(resultPath(root, candidate.rootRel));
        host.detection.push(`${shownPath(root, candidate.rootRel)} merged into it by cloudready.yaml`);
        merged.add(candidate);
      }
    }
  }
  return candidates.filter((candidate) => !merged.has(candidate));
}

/** cloudready.yaml `exclude: true`: the matched units are not applications. */
function applyExclusions(exclusions: DeclaredApplication[], candidates: Candidate[], folders: string[]): Map<Candidate, string> {
  const excluded = new Map<Candidate, string>();
  for (const entry of exclusions) {
    const matched = new Set(matchFolders(entry.path, folders));
    for (const candidate of candidates) {
      if (matched.has(candidate.rootRel)) excluded.set(candidate, `excluded in cloudready.yaml${entry.reason ? `: ${entry.reason}` : ''}`);
    }
  }
  return excluded;
}

type Leftover = DiscoveredFile & { unitFolder?: string; unitRole?: UnitRole | undefined };

/**
 * Files no application owns, listed by the unit or top-level folder that holds them, with the
 * reason. Returns the repository-level CI definitions and tests among them, which count for the
 * applications they build and test.
 */
function listOutside(root: ScanRoot, leftovers: Leftover[], outside: OutsideFolder[]): DiscoveredFile[] {
  const groups = new Map<string, Leftover[]>();
  for (const file of leftovers) {
    const folder = file.unitFolder ?? topFolder(file.rootRel);
    append(groups, folder, file);
  }
  const shared: DiscoveredFile[] = [];
  for (const [folder, group] of groups) {
    const role = group[0]?.unitRole ?? roleOfLeftovers(folder, group);
    outside.push({ path: shownPath(root, folder), kind: role.kind, reason: role.reason, files: group.length });
    for (const file of group) if (SHARED_DELIVERY.test(file.rootRel) || role.kind === 'test') shared.push(file);
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
  for (const file of files) for (let folder = folderOf(file); folder !== '' && !folders.has(folder); folder = parentOf(folder)) folders.add(folder);
  return [...folders].sort(compareStrings);
}

/** A folder path, or a gitignore-style glob: the shallowest folders it matches. */
function matchFolders(pattern: string, folders: string[]): string[] {
  const folder = normaliseFolder(pattern);
  if (!/[*?[\]]/.test(folder)) return [folder];
  const matcher = ignore().add(folder);
  const matched = folders.filter((candidate) => candidate !== '' && matcher.ignores(`${candidate}/`));
  return matched.filter((candidate) => !matched.some((other) => candidate.startsWith(`${other}/`)));
}

async function readSmall(file: DiscoveredFile): Promise<string> {
  if (file.size > 4 * 1024 * 1024) return '';
  try {
    return await fs.readFile(file.abs, 'utf8');
  } catch {
    return ''; // Unreadable manifests are reported when they are extracted.
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
  for (let current = folder; ; current = parentOf(current)) {
    const found = index.get(current);
    if (found) return found;
    if (current === '') return undefined;
  }
}

function folderOf(file: DiscoveredFile): string {
  const folder = path.posix.dirname(file.rootRel);
  return folder === '.' ? '' : folder;
}

function parentOf(folder: string): string {
  return folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '';
}

function topFolder(rootRel: string): string {
  const slash = rootRel.indexOf('/');
  return slash === -1 ? '' : rootRel.slice(0, slash);
}

function languagesOf(files: DiscoveredFile[]): string {
  return [...new Set(files.map((file) => file.language?.name).filter((name) => name !== undefined))].sort(compareStrings).join(', ');
}

/**
 * Sources that meet in src/, or in a folder named after their language (cobol/, jcl/, copybook/),
 * belong to the project around it: DTLScanner/src is the DTLScanner project, cards/cobol the cards system.
 */
function aboveSourceFolder(folder: string): string {
  return /(^|\/)(src|source|sources|cobol|cbl|cob|copybooks?|copy|cpy|jcl|procs?|bms|maps|asm|assembler|pli|pl1|rexx|clist|csd|dbd|psb)$/i.test(folder) ? parentOf(folder) : folder;
}

function commonFolder(folders: string[]): string {
  const split = folders.map((folder) => (folder === '' ? [] : folder.split('/')));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && parts[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join('/');
}

function shownPath(root: ScanRoot, rootRel: string): string {
  return rootRel ? resultPath(root, rootRel) : root.label || '.';
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
