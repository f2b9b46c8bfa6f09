import path from 'node:path';
import { originOfPath, type Origin } from './origin.js';
import type { PartKind } from '../result/unit-kinds.js';
import type { DiscoveredFile } from './walk-files.js';

export { APPLICATION_KINDS, type ApplicationKind, type PartKind } from '../result/unit-kinds.js';

export interface UnitRole {
  kind: PartKind;
  reason: string;
}

const ROLE_OF_ORIGIN: Partial<Record<Origin, UnitRole>> = {
  test: { kind: 'test', reason: 'tests, mocks and fixtures' },
  build: { kind: 'tooling', reason: 'build and developer tooling' },
  'dev-config': { kind: 'tooling', reason: 'a developer environment (Vagrant, dev containers, IDE settings)' },
  ci: { kind: 'tooling', reason: 'CI pipeline definitions' },
  docs: { kind: 'docs', reason: 'documentation' },
  sample: { kind: 'example', reason: 'samples, examples and course material' },
  vendored: { kind: 'vendored', reason: 'third-party code copied into the tree' },
};

/** Folders that hold deployment definitions for the applications beside them. */
const INFRASTRUCTURE_FOLDER =
  /^(infra|infrastructure|deploy|deployment|deployments|k8s|kubernetes|helm|charts|terraform|ansible|arm|bicep|iac|pulumi|cloudformation|\.azure|azure|aws|gcp|openshift)$/i;
const INFRASTRUCTURE_FILE =
  /\.(tf|tfvars|bicep)$|(^|\/)(Chart\.yaml|values\.ya?ml|azure\.ya?ml|azuredeploy[\w.-]*\.json|[\w.-]*\.(parameters|template)\.json|kustomization\.ya?ml)$/i;
/** Settings of the repository and its tools, never part of an application. */
const REPOSITORY_SETTINGS =
  /^(cloudready\.ya?ml|\.gitignore|\.gitattributes|\.gitmodules|\.editorconfig|\.mailmap|\.dockerignore|CODEOWNERS|\.cloudreadyignore)$/;
/** .NET and Java checkouts keep referenced binaries in lib/: dependencies, not an application. */
const DEPENDENCY_FOLDER = /^(lib|libs|dependencies|packages|externals?)$/i;
const BINARY_LIBRARY = /\.(dll|jar|so|dylib|exe|nupkg|lib|a)$/i;
/** A Python folder without a project file is an application only with an entry point of its own. */
export const PYTHON_ENTRY = /^(manage|wsgi|asgi|app|main|__main__|server|run)\.py$/;

/**
 * The role a folder's place gives it, from the scanned root down: a unit under tests/, samples/,
 * docs/ or a tooling folder is a part of an application or stands outside them, never one itself.
 * Undefined for production folders.
 */
export function roleOfFolder(folderRootRel: string): UnitRole | undefined {
  if (folderRootRel === '') return undefined;
  const role = ROLE_OF_ORIGIN[originOfPath(`${folderRootRel}/_`)];
  if (role) return role;
  const name = path.posix.basename(folderRootRel);
  if (INFRASTRUCTURE_FOLDER.test(name)) return { kind: 'infrastructure', reason: 'deployment definitions' };
  return undefined;
}

/**
 * The role sources share when none of them is production code: Labs/ and Challenges/ of a course
 * meet in the course's folder, which is still course material.
 */
export function roleOfFiles(sources: DiscoveredFile[]): UnitRole | undefined {
  const roles = new Set(sources.map((file) => ROLE_OF_ORIGIN[file.declaredOrigin ?? originOfPath(file.rootRel)]));
  if (roles.has(undefined) || roles.size !== 1) return undefined;
  return [...roles][0];
}

/**
 * The role of a group of source files no manifest declares, from what they are: scripts only,
 * job control without programs, copied binaries. Undefined when they look like an application.
 */
export function roleOfLooseSources(
  folderRootRel: string,
  sources: DiscoveredFile[],
  allFiles: DiscoveredFile[],
): UnitRole | undefined {
  const name = path.posix.basename(folderRootRel);
  if (DEPENDENCY_FOLDER.test(name) && allFiles.some((file) => BINARY_LIBRARY.test(file.rootRel)))
    return { kind: 'vendored', reason: 'referenced libraries and binaries' };
  // Build and test files (eslint.config.mjs, a spec) beside scripts make no program either.
  const programs = sources.filter(
    (file) =>
      file.language && !file.language.script && (file.declaredOrigin ?? originOfPath(file.rootRel)) === 'production',
  );
  if (programs.length === 0) {
    if (sources.some((file) => file.language?.mainframe))
      return {
        kind: 'tooling',
        reason: 'JCL or REXX without programs of its own: jobs and tools, not a mainframe system',
      };
    if (sources.every((file) => file.language?.script))
      return { kind: 'tooling', reason: 'scripts only (shell, PowerShell, Groovy, SQL ...)' };
    return { kind: 'tooling', reason: 'build, test and editor configuration' };
  }
  if (
    programs.every((file) => file.language?.id === 'python') &&
    !programs.some((file) => PYTHON_ENTRY.test(path.posix.basename(file.rootRel)))
  ) {
    return { kind: 'tooling', reason: 'Python scripts without a project file or an entry point' };
  }
  return undefined;
}

/** For files outside every application: what the folder that holds them is, as best it can be told. */
export function roleOfLeftovers(folderRootRel: string, files: DiscoveredFile[]): UnitRole {
  const byPlace = roleOfFolder(folderRootRel);
  if (byPlace) return byPlace;
  if (files.every((file) => file.kind === 'inventory'))
    return { kind: 'inventory', reason: 'host inventories, read into the estate' };
  const settings = (file: DiscoveredFile) => REPOSITORY_SETTINGS.test(path.posix.basename(file.rootRel));
  if (files.some(settings) && files.every((file) => settings(file) || file.kind === 'doc'))
    return { kind: 'tooling', reason: 'repository and cloudready settings' };
  if (files.some((file) => INFRASTRUCTURE_FILE.test(file.rootRel)))
    return { kind: 'infrastructure', reason: 'deployment definitions' };
  const sources = files.filter((file) => file.kind === 'source');
  if (sources.length > 0)
    return (
      roleOfLooseSources(folderRootRel, sources, files) ?? {
        kind: 'other',
        reason: 'source files no application claims',
      }
    );
  if (files.every((file) => file.kind === 'doc' || file.kind === 'binary'))
    return { kind: 'docs', reason: 'documents and media' };
  return { kind: 'other', reason: 'files no application claims' };
}
