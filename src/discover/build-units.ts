import path from 'node:path';
import type { Diagnostic } from '../result/schema.js';
import { APPLICATION_MANIFEST, type BuildFamily } from './classify.js';
import { depth, folderOf } from './folder-paths.js';
import { readDeclaration, type ManifestDeclaration } from './manifest-declaration.js';
import { resultPath, shownPath, type ScanRoot } from './scan-root.js';
import { originOfPath } from './origin.js';
import { scriptTooling, type ScriptTooling } from './script-tooling.js';
import { solutionProjects } from './solution-projects.js';
import { buildOnlyModules, isPom, type PomText } from './maven-build-modules.js';
import { deepestContaining, emptyCandidate, part, readSmall, type Candidate } from './unit-candidate.js';
import { PYTHON_ENTRY, roleOfFolder } from './unit-kind.js';
import type { DiscoveredFile } from './walk-files.js';
import { compareStrings } from '../util/compare.js';
import { append } from '../util/multimap.js';

/** Files that let a folder run on its own, beside the application that encloses it. */
const DEPLOYABLE = /^(Dockerfile(\.[\w-]+)?|Containerfile|Procfile|app\.ya?ml|manifest\.ya?ml)$/;

/** Image definitions: a folder with one and no build manifest is a deployable unit too. */
const IMAGE_DEFINITION = /^(Dockerfile(\.[\w-]+)?|Containerfile)$/;

/**
 * Build manifests, solutions and image definitions, shallowest first: each joins the unit that
 * encloses it or starts one.
 */
export async function addManifestUnits(
  root: ScanRoot,
  files: DiscoveredFile[],
  candidates: Candidate[],
  notes: Diagnostic[],
) {
  const manifestFolders = new Map<string, DiscoveredFile[]>();
  const imageFolders = new Map<string, DiscoveredFile[]>();
  for (const file of files) {
    const base = path.posix.basename(file.rootRel);
    const into =
      file.kind === 'manifest' && APPLICATION_MANIFEST.test(base)
        ? manifestFolders
        : IMAGE_DEFINITION.test(base)
          ? imageFolders
          : undefined;
    if (into) append(into, folderOf(file), file);
  }
  const deployable = new Set(files.filter((file) => DEPLOYABLE.test(path.posix.basename(file.rootRel))).map(folderOf));
  const byDepth = [...new Set([...manifestFolders.keys(), ...imageFolders.keys()])].sort(
    (a, b) => depth(a) - depth(b) || compareStrings(a, b),
  );
  const tooling: ScriptTooling[] = [];
  const poms: PomText[] = [];
  for (const folder of byDepth) {
    const manifests = manifestFolders.get(folder) ?? [];
    const images = imageFolders.get(folder) ?? [];
    const declarations = await Promise.all(
      manifests.map(async (manifest) => {
        const text = await readSmall(manifest);
        if (path.posix.basename(manifest.rootRel) === 'package.json')
          tooling.push(scriptTooling(manifest.rootRel, text));
        if (isPom(manifest.rootRel)) poms.push({ folder, text });
        return { manifest, declaration: readDeclaration(manifest.rootRel, text) };
      }),
    );
    const declaring = declarations.filter(({ declaration }) => declaration.declaresUnit);
    const families = new Set(
      declaring.map(({ manifest }) => manifest.buildFamily).filter((family) => family !== undefined),
    );
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
        candidates.push({
          ...emptyCandidate(folder, 'manifest'),
          manifests: rels,
          imageSources: await imageSources(images),
          detection: [
            `an image definition (${images.map((image) => path.posix.basename(image.rootRel)).join(', ')}) in ${shownPath(root, folder)}`,
          ],
        });
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
      detection: [
        `${declaring.map(({ manifest }) => path.posix.basename(manifest.rootRel)).join(', ')} in ${shownPath(root, folder)}`,
      ],
    };
    for (const { manifest } of declaring) {
      if (!/\.(sln|slnx|slnf)$/i.test(manifest.rootRel)) continue;
      const projects = solutionProjects(manifest.rootRel, await readSmall(manifest));
      for (const project of projects)
        candidate.solutionProjects.add(path.posix.dirname(project) === '.' ? '' : path.posix.dirname(project));
      candidate.detection.push(
        `${path.posix.basename(manifest.rootRel)} lists ${projects.length} project${projects.length === 1 ? '' : 's'}`,
      );
    }
    if (enclosing && !deployable.has(folder)) {
      // Another build inside an application is one of its parts (a front end, a build helper)
      // when the application's image copies it in, or when it runs no process of its own.
      const copied = copiedIntoImage(enclosing, folder);
      if (
        copied ||
        !(await runsOnItsOwn(
          folder,
          families,
          declaring.map(({ declaration }) => declaration),
          files,
        ))
      ) {
        const why = copied
          ? `copied into the image of ${shownPath(root, enclosing.rootRel)}`
          : `runs no process of its own`;
        candidate.role = roleOfFolder(folder) ?? {
          kind: families.has('npm') ? 'web' : 'library',
          reason: `a ${[...families].join('/')} build inside ${shownPath(root, enclosing.rootRel)}: ${why}`,
        };
      } else if (!roleOfFolder(folder)) {
        notes.push({
          level: 'info',
          code: 'application-boundary',
          file: resultPath(root, folder),
          message: `a build inside ${shownPath(root, enclosing.rootRel)} that runs a process of its own: counted as an application of its own (cloudready.yaml applications: partOf merges it)`,
        });
      }
    }
    candidates.push(candidate);
  }
  markScriptTooling(files, tooling);
  markBuildOnlyModules(root, files, candidates, buildOnlyModules(poms));
}

const BUILD_ONLY_MODULE = {
  kind: 'tooling',
  reason: "a Maven module only the build uses (a plugin, or a plugin's dependency): not shipped with the application",
} as const;

/** Maven modules only the build uses are tooling: their files count as build code, and the module as a tooling part (maven-build-modules.ts). */
function markBuildOnlyModules(root: ScanRoot, files: DiscoveredFile[], candidates: Candidate[], folders: string[]) {
  for (const folder of folders) {
    const own = candidates.find((candidate) => candidate.rootRel === folder);
    if (own?.detectedBy === 'config') continue; // cloudready.yaml said what it is.
    for (const file of files) {
      if (file.declaredOrigin !== undefined || originOfPath(file.rootRel) !== 'production') continue;
      if (folder === '' || file.rootRel.startsWith(`${folder}/`)) file.declaredOrigin = 'build';
    }
    if (own) own.role ??= BUILD_ONLY_MODULE;
    else deepestContaining(candidates, folder)?.parts.push(part(root, folder, BUILD_ONLY_MODULE));
  }
}

/** What package.json scripts run to build or check is build tooling, unless the repository declared otherwise (script-tooling.ts). */
function markScriptTooling(files: DiscoveredFile[], tooling: ScriptTooling[]) {
  const scripts = new Set(tooling.flatMap((found) => found.files));
  const folders = tooling.flatMap((found) => found.folders);
  const devFolders = tooling.flatMap((found) => found.devFolders);
  if (scripts.size === 0 && folders.length === 0 && devFolders.length === 0) return;
  for (const file of files) {
    if (file.declaredOrigin !== undefined || originOfPath(file.rootRel) !== 'production') continue;
    if (scripts.has(file.rootRel) || folders.some((folder) => file.rootRel.startsWith(`${folder}/`)))
      file.declaredOrigin = 'build';
    else file.devScriptFolder = devFolders.find((folder) => file.rootRel.startsWith(`${folder}/`));
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
  return enclosing.imageSources.some(
    (source) =>
      source === '.' || source === relative || relative.startsWith(`${source}/`) || source.startsWith(`${relative}/`),
  );
}

/**
 * Whether a build nested in another application runs as a process of its own (and so is an
 * application) rather than being built into it: a Node server or command, a Go main package, a
 * Python entry file. JVM and .NET builds inside another family's application stand on their own.
 */
async function runsOnItsOwn(
  folder: string,
  families: Set<BuildFamily>,
  declarations: ManifestDeclaration[],
  files: DiscoveredFile[],
): Promise<boolean> {
  const inside = files.filter((file) => file.rootRel.startsWith(`${folder}/`));
  if (families.has('npm') && declarations.some((declaration) => declaration.runsAProcess)) return true;
  if (families.has('python') && inside.some((file) => PYTHON_ENTRY.test(path.posix.basename(file.rootRel))))
    return true;
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
