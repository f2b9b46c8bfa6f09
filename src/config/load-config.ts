import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { parseYamlInput } from '../util/yaml-input.js';
import { Config, DEFAULT_CONFIG } from './config-schema.js';

export const CONFIG_NAMES = ['cloudready.yaml', 'cloudready.yml'];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined for defaults. */
  file?: string | undefined;
}

/** `--config FILE`, else cloudready.yaml in the first scanned folder, else defaults. */
export async function loadConfig(explicit: string | undefined, firstRootDir: string | undefined): Promise<LoadedConfig> {
  if (explicit) {
    let source: string;
    try {
      source = await fs.readFile(explicit, 'utf8');
    } catch {
      throw new InputError(`${explicit}: config file could not be read`, 'Check the --config path.');
    }
    return { config: parse(source, explicit), file: explicit };
  }
  if (!firstRootDir) return { config: DEFAULT_CONFIG };
  for (const name of CONFIG_NAMES) {
    const file = path.join(firstRootDir, name);
    const source = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (source !== undefined) return { config: parse(source, file), file };
  }
  return { config: DEFAULT_CONFIG };
}

function parse(source: string, file: string): Config {
  return parseYamlInput(source, file, Config, 'See docs/configuration.md for the cloudready.yaml format.');
}
