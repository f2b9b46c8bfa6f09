import path from 'node:path';
import { extractGoMod } from './go-mod.js';
import { extractGradle } from './gradle.js';
import type { ManifestFacts } from './manifest-facts.js';
import { extractMaven } from './maven.js';
import { extractPackageJson } from './npm.js';
import { extractNuget } from './nuget.js';
import { extractPackageLock, extractPnpmLock, extractYarnLock } from './npm-lockfiles.js';
import { extractCentralPackages, extractComposerLock, extractVersionCatalog } from './other-manifests.js';
import { extractRequirements } from './pip.js';
import { extractPipfile, extractPoetryLock, extractPyproject, extractSetupPy } from './python-manifests.js';

type ManifestExtractor = (source: string, file: string) => ManifestFacts;

/** Manifest file names and the extractor that reads each; files matching none are not read as manifests. */
const EXTRACTORS: [RegExp, ManifestExtractor][] = [
  [/^pom\.xml$/, extractMaven],
  [/^build\.gradle(\.kts)?$/, extractGradle],
  [/^package\.json$/, (source, file) => extractPackageJson(source, file, 'npm')],
  [/^composer\.json$/, (source, file) => extractPackageJson(source, file, 'composer')],
  [/^requirements(-[\w.-]+)?\.txt$/, extractRequirements],
  [/\.(csproj|vbproj|fsproj)$|^packages\.config$/i, extractNuget],
  [/^go\.mod$/, extractGoMod],
  [/^(package-lock|npm-shrinkwrap)\.json$/, extractPackageLock],
  [/^yarn\.lock$/, extractYarnLock],
  [/^pnpm-lock\.ya?ml$/, extractPnpmLock],
  [/^composer\.lock$/, extractComposerLock],
  [/^pyproject\.toml$/, extractPyproject],
  [/^Pipfile$/, extractPipfile],
  [/^poetry\.lock$/, extractPoetryLock],
  [/^setup\.py$/, extractSetupPy],
  [/^libs\.versions\.toml$/, extractVersionCatalog],
  [/^Directory\.Packages\.props$/, extractCentralPackages],
];

export function manifestExtractorFor(rel: string): ManifestExtractor | undefined {
  const base = path.posix.basename(rel);
  return EXTRACTORS.find(([pattern]) => pattern.test(base))?.[1];
}

export type { Dependency, Ecosystem, ManifestFacts } from './manifest-facts.js';
