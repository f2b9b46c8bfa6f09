import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The cloudready package folder (package.json, rules/, dist/), found from wherever this code runs:
 * src/ (tests), dist/ (compiled) or dist/bundle/ (the bundled CLI), so that no module counts `../`.
 */
export const PACKAGE_ROOT: string = (() => {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder)
      throw new Error(`cloudready's package.json was not found above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return folder;
})();
