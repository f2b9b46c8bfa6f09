import fs from 'node:fs/promises';
import { InputError } from '../errors.js';
import { ScanResult } from '../result/schema.js';
import { scan } from '../scan.js';

/** A JSON result written by `cloudready scan --format json`, validated against this version's schema. */
export async function readResult(file: string): Promise<ScanResult> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${file}: could not read a JSON result (${(error as Error).message.split('\n')[0]})`, 'Write one with cloudready scan --format json --output FILE.');
  }
  const parsed = ScanResult.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: not a result of this cloudready version (${issue?.path.join('.')}: ${issue?.message})`, 'Scan again, or run without --from.');
  }
  return parsed.data;
}

export interface ResultSource {
  from?: string | undefined;
  config?: string | undefined;
  inventory?: string[] | undefined;
  rules?: string[] | undefined;
}

/** What the graph, explain, split and waves commands work on: a saved result (--from), or a fresh scan of the paths. */
export async function resultFor(paths: string[], source: ResultSource): Promise<ScanResult> {
  if (source.from) return readResult(source.from);
  return scan({ paths, cwd: process.cwd(), configFile: source.config, inventoryFiles: source.inventory ?? [], ruleFolders: source.rules ?? [] });
}

/** "Applications: a, b, c … and 12 more." for a hint after a mistyped application id. */
export function applicationsHint(result: ScanResult): string {
  const ids = result.applications.map((app) => app.id);
  if (ids.length === 0) return 'No applications were found in the scanned folders.';
  return `Applications: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` … and ${ids.length - 10} more (cloudready scan lists them)` : ''}.`;
}
