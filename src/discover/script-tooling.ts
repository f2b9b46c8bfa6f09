import path from 'node:path';

/**
 * npm scripts named for building, checking or releasing: what they run is tooling. Scripts named
 * otherwise (start, serve, worker, cron ...) may run the application, so they are left alone.
 */
const TOOLING_SCRIPT = /^(pre|post)?(build|bundle|compile|gen|generate|codegen|lint|format|prettier|check|typecheck|test|coverage|visuali[sz]e|analy[sz]e|stats|docs?|release|version|clean|copy|prepare|install|postinstall|preinstall|update|i18n|translations?)([:.-].*)?$/i;
/** `node x.js`, `tsx rsn/rsn.ts`, `ts-node --esm tools/gen.ts`: the program a script runs. */
const RUNNER = /(?:^|&&|\|\||;|\s)(?:node|tsx|ts-node|babel-node|bun|deno\s+run)((?:\s+--?[\w-]+(?:=\S+)?)*)\s+([^\s;&|'"]+\.(?:[cm]?js|[cm]?ts))/g;

/**
 * Files that package.json scripts named for building, checking or releasing run with Node (a
 * bundler script, a code generator, a checker): build tooling, not code that runs in production.
 * A script run from a folder of its own makes that whole folder tooling (rsn/rsn.ts: rsn/).
 * Paths are relative to the scanned root.
 */
export interface ScriptTooling {
  files: string[];
  folders: string[];
}

export function scriptTooling(packageJsonRootRel: string, text: string): ScriptTooling {
  let scripts: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text) as { scripts?: unknown };
    scripts = typeof parsed.scripts === 'object' && parsed.scripts !== null ? (parsed.scripts as Record<string, unknown>) : {};
  } catch {
    return { files: [], folders: [] };
  }
  const base = path.posix.dirname(packageJsonRootRel);
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const [name, command] of Object.entries(scripts)) {
    if (typeof command !== 'string' || !TOOLING_SCRIPT.test(name)) continue;
    for (const match of command.matchAll(RUNNER)) {
      const relative = path.posix.normalize(match[2]!.replace(/^\.\//, ''));
      if (relative.startsWith('..') || path.posix.isAbsolute(relative)) continue;
      const file = base === '.' ? relative : `${base}/${relative}`;
      files.add(file);
      const folder = path.posix.dirname(relative);
      if (folder !== '.' && !/^(src|lib|app|server|dist|build|out)$/i.test(folder.split('/')[0]!)) folders.add(base === '.' ? folder : `${base}/${folder}`);
    }
  }
  return { files: [...files].sort(), folders: [...folders].sort() };
}
