import { commonFolder, folderOf, parentOf, topFolder } from './folder-paths.js';
import { emptyCandidate, type Candidate } from './unit-candidate.js';
import { roleOfFiles, roleOfFolder, roleOfLooseSources } from './unit-kind.js';
import type { DiscoveredFile } from './walk-files.js';
import { compareStrings } from '../util/compare.js';
import { append, appendAll } from '../util/multimap.js';

/**
 * Source files outside every unit. Mainframe programs (COBOL, PL/I, assembler, BMS) form a
 * mainframe system rooted where they meet; other sources directly in the root make the root an
 * application when they are programs, not scripts; the rest form one unit per top-level folder,
 * which is tooling when it holds scripts alone.
 */
export function groupLooseSources(
  unowned: DiscoveredFile[],
  allFiles: DiscoveredFile[],
  candidates: Candidate[],
): Map<Candidate, DiscoveredFile[]> {
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
    const candidate = {
      ...emptyCandidate(rootRel, 'mainframe' as const),
      detection: [`mainframe programs (${languagesOf(inside)}) meet in ${rootRel || '.'}`],
    };
    candidate.role = roleOfFolder(rootRel) ?? roleOfFiles(inside);
    result.set(candidate, inside);
    const outside = group.filter((file) => !insideSet.has(file));
    appendAll(otherTops, top, outside);
  }
  const claimed = new Set([...result.values()].flat());
  const rootFiles = otherTops.get('') ?? [];
  const rootIsApplication =
    rootFiles.length > 0 &&
    !roleOfLooseSources('', rootFiles, rootFiles) &&
    !candidates.some((candidate) => candidate.rootRel === '');
  if (rootIsApplication) {
    // The root's own programs make the root the application: every unclaimed folder is its.
    const candidate = {
      ...emptyCandidate('', 'source' as const),
      detection: [`${languagesOf(rootFiles)} programs in the root folder, no build manifest`],
    };
    result.set(
      candidate,
      sources.filter((file) => !claimed.has(file)),
    );
    return result;
  }
  for (const [top, group] of otherTops) {
    if (top === '') continue;
    const common = commonFolder(group.map(folderOf));
    // A top-level src/ is the root's project only when nothing else was found beside it.
    const raised = aboveSourceFolder(common);
    const rootRel = raised === '' && (candidates.length > 0 || otherTops.size > 1) ? common : raised;
    const folderFiles = allFiles.filter((file) => file.rootRel.startsWith(`${rootRel}/`));
    const candidate = {
      ...emptyCandidate(rootRel, 'source' as const),
      detection: [`${languagesOf(group)} sources in ${rootRel}, no build manifest`],
    };
    candidate.role = roleOfFolder(rootRel) ?? roleOfFiles(group) ?? roleOfLooseSources(rootRel, group, folderFiles);
    result.set(candidate, group);
  }
  return result;
}

/**
 * Sources that meet in src/, or in a folder named after their language (cobol/, jcl/, copybook/),
 * belong to the project around it: DTLScanner/src is the DTLScanner project, cards/cobol the cards system.
 */
function aboveSourceFolder(folder: string): string {
  return /(^|\/)(src|source|sources|cobol|cbl|cob|copybooks?|copy|cpy|jcl|procs?|bms|maps|asm|assembler|pli|pl1|rexx|clist|csd|dbd|psb)$/i.test(
    folder,
  )
    ? parentOf(folder)
    : folder;
}

function languagesOf(files: DiscoveredFile[]): string {
  return [...new Set(files.map((file) => file.language?.name).filter((name) => name !== undefined))]
    .sort(compareStrings)
    .join(', ');
}
