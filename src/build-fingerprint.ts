import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from './version.js';

let fingerprint: Promise<string> | undefined;

/**
 * The tool's own code, hashed: what it writes for itself to read back later (the fact cache,
 * shard files) is read only by the very same build. Covers every module in this file's folder
 * (dist/ or src/) and below.
 */
export function buildFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const root = path.dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256').update(TOOL_VERSION);
    const entries = (await fs.readdir(root, { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile() && /\.(js|ts|json)$/.test(entry.name),
    );
    const files = entries.map((entry) => path.join(entry.parentPath, entry.name)).sort();
    for (const file of files) hash.update(file.slice(root.length)).update(await fs.readFile(file));
    return hash.digest('hex');
  })();
  return fingerprint;
}
