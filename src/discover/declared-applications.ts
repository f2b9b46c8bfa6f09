import ignore from 'ignore';
import type { Diagnostic } from '../result/schema.js';
import { normaliseFolder } from './folder-paths.js';
import { resultPath, shownPath, type ScanRoot } from './scan-root.js';
import type { BusinessFacts, Candidate } from './unit-candidate.js';
import type { ApplicationKind } from './unit-kind.js';
import type { DiscoveredFile } from './walk-files.js';

/** An entry of `applications:` in cloudready.yaml. */
export interface DeclaredApplication {
  path: string;
  name?: string | undefined;
  kind?: ApplicationKind | undefined;
  partOf?: string | undefined;
  exclude?: boolean | undefined;
  reason?: string | undefined;
  criticality?: BusinessFacts['criticality'];
  owner?: string | undefined;
}

/** A folder path, or a gitignore-style glob: the shallowest folders it matches. */
export function matchFolders(pattern: string, folders: string[]): string[] {
  const folder = normaliseFolder(pattern);
  if (!/[*?[\]]/.test(folder)) return [folder];
  const matcher = ignore().add(folder);
  const matched = folders.filter((candidate) => candidate !== '' && matcher.ignores(`${candidate}/`));
  return matched.filter((candidate) => !matched.some((other) => candidate.startsWith(`${other}/`)));
}

/** cloudready.yaml `partOf`: the units in the matched folders belong to the application at that path. */
export function applyMerges(
  root: ScanRoot,
  merges: DeclaredApplication[],
  candidates: Candidate[],
  owned: Map<Candidate, DiscoveredFile[]>,
  folders: string[],
  notes: Diagnostic[],
): Candidate[] {
  const merged = new Set<Candidate>();
  for (const entry of merges) {
    const hostFolder = normaliseFolder(entry.partOf!);
    const host = candidates.find((candidate) => candidate.rootRel === hostFolder && !merged.has(candidate));
    if (!host) {
      notes.push({
        level: 'warning',
        code: 'application-config',
        message: `cloudready.yaml: applications entry ${entry.path} is partOf ${entry.partOf}, where no application was found; nothing was merged`,
      });
      continue;
    }
    host.role = undefined;
    for (const folder of matchFolders(entry.path, folders)) {
      for (const candidate of candidates) {
        if (
          candidate === host ||
          merged.has(candidate) ||
          !(folder === '' || candidate.rootRel === folder || candidate.rootRel.startsWith(`${folder}/`))
        )
          continue;
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
export function applyExclusions(
  exclusions: DeclaredApplication[],
  candidates: Candidate[],
  folders: string[],
): Map<Candidate, string> {
  const excluded = new Map<Candidate, string>();
  for (const entry of exclusions) {
    const matched = new Set(matchFolders(entry.path, folders));
    for (const candidate of candidates) {
      if (matched.has(candidate.rootRel))
        excluded.set(candidate, `excluded in cloudready.yaml${entry.reason ? `: ${entry.reason}` : ''}`);
    }
  }
  return excluded;
}
