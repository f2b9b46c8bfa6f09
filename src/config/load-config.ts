import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { Diagnostic } from '../result/schema.js';
import { isInside } from '../util/inside.js';
import { parseYamlInput } from '../util/yaml-input.js';
import { Config, DEFAULT_CONFIG } from './config-schema.js';

export const CONFIG_NAMES = ['cloudready.yaml', 'cloudready.yml'];
/** A settings file is a few kilobytes; anything far larger is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined for defaults. */
  file?: string | undefined;
  /**
   * `--config` on the command line is the user's own and trusted; a cloudready.yaml found in the
   * scanned folder came with the code and is not: it may not name files outside the scanned folders.
   */
  trusted: boolean;
  /** Why an in-tree file was not read. */
  notes: Diagnostic[];
}

/** `--config FILE`, else cloudready.yaml in the first scanned folder, else defaults. */
export async function loadConfig(
  explicit: string | undefined,
  firstRootDir: string | undefined,
): Promise<LoadedConfig> {
  if (explicit) {
    let source: string;
    try {
      source = await fs.readFile(explicit, 'utf8');
    } catch {
      throw new InputError(`${explicit}: config file could not be read`, 'Check the --config path.');
    }
    return { config: parse(source, explicit), file: explicit, trusted: true, notes: [] };
  }
  if (!firstRootDir) return { config: DEFAULT_CONFIG, trusted: true, notes: [] };
  for (const name of CONFIG_NAMES) {
    const file = path.join(firstRootDir, name);
    const stats = await fs.lstat(file).catch(() => undefined);
    if (!stats) continue;
    const refused = await refusal(file, stats, firstRootDir);
    if (refused)
      return {
        config: DEFAULT_CONFIG,
        trusted: false,
        notes: [
          {
            level: 'warning',
            code: 'config-refused',
            file: name,
            message: `${name} not read: ${refused}; the scan uses the default settings`,
          },
        ],
      };
    return { config: parse(await fs.readFile(file, 'utf8'), file), file, trusted: false, notes: [] };
  }
  return { config: DEFAULT_CONFIG, trusted: true, notes: [] };
}

/** Why an in-tree settings file is not read: a link out of the scanned folder, not a regular file, or far too large. */
async function refusal(file: string, stats: Stats, root: string): Promise<string | undefined> {
  if (stats.isSymbolicLink()) {
    const target = await fs.realpath(file).catch(() => undefined);
    if (!target) return 'it is a broken symbolic link';
    if (!isInside(target, await fs.realpath(root))) return 'it is a symbolic link to a file outside the scanned folder';
    stats = await fs.stat(target);
  }
  if (!stats.isFile()) return 'it is not a regular file';
  if (stats.size > MAX_CONFIG_BYTES) return `it is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`;
  return undefined;
}

function parse(source: string, file: string): Config {
  return parseYamlInput(source, file, Config, 'See docs/configuration.md for the cloudready.yaml format.');
}
