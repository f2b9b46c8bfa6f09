import path from 'node:path';

/**
 * npm scripts named for building, checking or releasing: what they run is tooling. Scripts named
 * otherwise (start, serve, worker, cron ...) may run the application, so they are left alone.
 */
const TOOLING_SCRIPT =
  /^(pre|post)?(build|bundle|compile|gen|generate|codegen|lint|format|prettier|check|typecheck|test|coverage|visuali[sz]e|analy[sz]e|stats|docs?|release|version|clean|copy|prepare|install|postinstall|preinstall|update|i18n|translations?)([:.-].*)?$/i;
/** `node x.js`, `tsx rsn/rsn.ts`, `ts-node --esm tools/gen.ts`: the program a script runs. */
const RUNNER =
  /(?:^|&&|\|\||;|\s)(node|tsx|ts-node|babel-node|bun|deno\s+run)((?:\s+--?[\w-]+(?:=\S+)?)*)\s+([^\s;&|'"]+\.(?:[cm]?js|[cm]?ts))/g;

/**
 * Files that package.json scripts named for building, checking or releasing run with Node (a
 * bundler script, a code generator, a checker): build tooling, not code that runs in production.
 * A script run from a folder of its own makes that whole folder tooling (rsn/rsn.ts: rsn/).
 * Paths are relative to the scanned root.
 */
export interface ScriptTooling {
  files: string[];
  folders: string[];
  /**
   * Folders of programs other scripts run through a runner installed only for development (`"rsn":
   * "tsx rsn/rsn.ts"` with tsx a dev dependency): they cannot run where the application is
   * installed without dev dependencies, so they are tooling unless production code imports them
   * (decided once imports are known: extract/dev-script-folders.ts).
   */
  devFolders: string[];
}

export function scriptTooling(packageJsonRootRel: string, text: string): ScriptTooling {
  let scripts: Record<string, unknown>;
  let devOnly: Set<string>;
  try {
    const parsed = JSON.parse(text) as { scripts?: unknown; devDependencies?: unknown; dependencies?: unknown };
    scripts =
      typeof parsed.scripts === 'object' && parsed.scripts !== null ? (parsed.scripts as Record<string, unknown>) : {};
    const names = (value: unknown) => (typeof value === 'object' && value !== null ? Object.keys(value) : []);
    const runtime = new Set(names(parsed.dependencies));
    devOnly = new Set(names(parsed.devDependencies).filter((name) => !runtime.has(name)));
  } catch {
    return { files: [], folders: [], devFolders: [] };
  }
  const base = path.posix.dirname(packageJsonRootRel);
  const files = new Set<string>();
  const folders = new Set<string>();
  const devFolders = new Set<string>();
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string') continue;
    const tooling = TOOLING_SCRIPT.test(name);
    for (const match of command.matchAll(RUNNER)) {
      const relative = path.posix.normalize(match[3]!.replace(/^\.\//, ''));
      if (relative.startsWith('..') || path.posix.isAbsolute(relative)) continue;
      const folder = path.posix.dirname(relative);
      const ownFolder =
        folder !== '.' && !/^(src|lib|app|server|dist|build|out)$/i.test(folder.split('/')[0]!)
          ? base === '.'
            ? folder
            : `${base}/${folder}`
          : undefined;
      if (tooling) {
        files.add(base === '.' ? relative : `${base}/${relative}`);
        if (ownFolder) folders.add(ownFolder);
      } else if (ownFolder && name !== 'start' && devOnly.has(match[1]!)) {
        devFolders.add(ownFolder);
      }
    }
  }
  return { files: [...files].sort(), folders: [...folders].sort(), devFolders: [...devFolders].sort() };
}
