import path from 'node:path';
import type { SourceFacts } from './source/source-facts.js';
import type { Origin } from '../discover/origin.js';

interface FileOrigin {
  appRel: string;
  origin: Origin;
  file: { rel: string; rootRel: string; devScriptFolder?: string | undefined };
}

/**
 * Folders npm scripts run through a development-only runner (discover/script-tooling.ts) are
 * build tooling when no production file outside them imports them: Juice Shop's `rsn/` checker
 * runs with tsx, a dev dependency, and nothing the server loads reaches it. A folder the server
 * imports stays production code, whatever script also runs it. Returns the files (by rel) now build tooling.
 */
export function settleDevScriptFolders(files: FileOrigin[], sources: SourceFacts[]): Set<string> {
  const tooling = new Set<string>();
  const inFolder = files.filter(({ file, origin }) => file.devScriptFolder !== undefined && origin === 'production');
  if (inFolder.length === 0) return tooling;
  // Folders as module ids see them: relative to the application, as appRel is.
  const appFolder = new Map<string, string>();
  for (const { file, appRel } of inFolder)
    appFolder.set(file.devScriptFolder!, file.devScriptFolder!.slice(file.rootRel.length - appRel.length));
  const imported = new Set<string>();
  const byRel = new Map(files.map((one) => [one.file.rel, one]));
  for (const source of sources) {
    const importer = byRel.get(source.file);
    if (!importer || importer.origin !== 'production') continue;
    for (const [folder, relative] of appFolder) {
      if (imported.has(folder) || importer.appRel.startsWith(`${relative}/`)) continue;
      const reaches = source.imports.some(({ target }) => {
        const module = target.startsWith('.') ? path.posix.join(path.posix.dirname(importer.appRel), target) : target;
        return module === relative || module.startsWith(`${relative}/`);
      });
      if (reaches) imported.add(folder);
    }
  }
  for (const one of inFolder) {
    if (imported.has(one.file.devScriptFolder!)) continue;
    one.origin = 'build';
    tooling.add(one.file.rel);
  }
  return tooling;
}
