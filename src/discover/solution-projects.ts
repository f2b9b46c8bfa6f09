import path from 'node:path';

/**
 * The project files a .NET solution lists, as paths relative to the scanned root: the classic
 * text format (.sln), the XML format of .NET 9 and later (.slnx) and solution filters (.slnf, JSON
 * naming a solution and a subset of its projects). Paths that leave the root are dropped; a
 * solution that cannot be read lists nothing (its projects then stand on their own).
 */
export function solutionProjects(solutionRootRel: string, text: string): string[] {
  const folder = path.posix.dirname(solutionRootRel);
  const listed = solutionRootRel.toLowerCase().endsWith('.slnf')
    ? filterProjects(text)
    : solutionRootRel.toLowerCase().endsWith('.slnx')
      ? slnxProjects(text)
      : slnProjects(text);
  const projects = new Set<string>();
  for (const entry of listed) {
    const joined = path.posix.normalize(path.posix.join(folder === '.' ? '' : folder, entry.split('\\').join('/')));
    if (joined.startsWith('../') || joined === '..' || path.posix.isAbsolute(joined)) continue;
    if (/\.(csproj|vbproj|fsproj)$/i.test(joined)) projects.add(joined);
  }
  return [...projects].sort();
}

/** `Project("{type}") = "Name", "relative\path.csproj", "{guid}"` */
function slnProjects(text: string): string[] {
  const projects: string[] = [];
  for (const match of text.matchAll(/^\s*Project\("[^"\n]*"\)\s*=\s*"[^"\n]*"\s*,\s*"([^"\n]+)"/gm))
    projects.push(match[1]!);
  return projects;
}

/** `<Project Path="src/Api/Api.csproj" />`, inside folders or not. */
function slnxProjects(text: string): string[] {
  const projects: string[] = [];
  for (const match of text.matchAll(/<Project\b[^>]*?\bPath\s*=\s*"([^"]+)"/g)) projects.push(match[1]!);
  return projects;
}

/** `{ "solution": { "path": "All.sln", "projects": ["src\\Api\\Api.csproj"] } }`: paths relative to the filter's folder's solution. */
function filterProjects(text: string): string[] {
  try {
    const parsed = JSON.parse(text) as { solution?: { path?: unknown; projects?: unknown } };
    const projects = parsed.solution?.projects;
    const solutionPath = typeof parsed.solution?.path === 'string' ? parsed.solution.path.split('\\').join('/') : '';
    const base = path.posix.dirname(solutionPath);
    return Array.isArray(projects)
      ? projects
          .filter((entry): entry is string => typeof entry === 'string')
          .map((entry) => (base === '.' ? entry : `${base}/${entry}`))
      : [];
  } catch {
    return [];
  }
}
