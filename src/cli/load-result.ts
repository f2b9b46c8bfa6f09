import fs from 'node:fs/promises';
import { BaselineDocument } from '../assess/baseline.js';
import { InputError } from '../errors.js';
import { startProgress } from './progress.js';
import { ScanResult } from '../result/schema.js';
import { scan } from '../scan.js';
import { cacheFolder, defaultWorkers, noticePrinter } from './scan-settings.js';

const WRITE_ONE = 'Write one with cloudready scan --format json --output FILE.';

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new InputError(`${file}: ${what} file could not be read`, WRITE_ONE);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: ${what} is not JSON (${(error as Error).message.split('\n')[0]})`, WRITE_ONE);
  }
}

/** A JSON result written by `cloudready scan --format json`, validated against this version's schema. */
export async function readResult(file: string): Promise<ScanResult> {
  const parsed = ScanResult.safeParse(await readJson(file, 'result'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `${file}: not a result of this cloudready version (${issue?.path.join('.')}: ${issue?.message})`,
      'Scan again, or run without --from.',
    );
  }
  return parsed.data;
}

/**
 * An earlier result, read loosely (findings, their places and scores are all a baseline or a
 * diff needs), so that results of older versions still serve.
 */
export async function readBaseline(file: string, what = 'baseline'): Promise<BaselineDocument> {
  const parsed = BaselineDocument.safeParse(await readJson(file, what));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${file}: not a cloudready result: ${issue.path.join('.')}: ${issue.message}`, WRITE_ONE);
  }
  return parsed.data;
}

export interface ResultSource {
  cache?: boolean | undefined;
  /** Exit 2 when an input could not be read (input-problems.ts). */
  strict?: boolean | undefined;
  from?: string | undefined;
  config?: string | undefined;
  inventory?: string[] | undefined;
  rules?: string[] | undefined;
  prices?: string | undefined;
  /** Threads for parsing source when scanning (default: one per core). */
  workers?: number | undefined;
  /** Print nothing but the output: no progress, no notices. */
  quiet?: boolean | undefined;
  progress?: boolean | undefined;
  color?: boolean | undefined;
}

/** What the graph, explain, split and waves commands work on: a saved result (--from), or a fresh scan of the paths. */
export async function resultFor(paths: string[], source: ResultSource): Promise<ScanResult> {
  if (source.from) return readResult(source.from);
  // The same scan as cloudready scan runs: its workers, cache, progress and notices.
  const progress = startProgress(source.progress !== false && !source.quiet, source.color !== false);
  try {
    return await scan(
      {
        paths,
        cwd: process.cwd(),
        configFile: source.config,
        inventoryFiles: source.inventory ?? [],
        pricesFile: source.prices,
        ruleFolders: source.rules ?? [],
        cacheDir: cacheFolder(source.cache),
        workers: source.workers ?? defaultWorkers(),
        notice: noticePrinter(source.quiet),
      },
      progress.listener,
    );
  } finally {
    progress.stop();
  }
}

/** "Applications: a, b, c … and 12 more." for a hint after a mistyped application id. */
/**
 * The application a command names: by id, display name (any case) or path. A library or a
 * desktop client set aside is named as such, not reported missing.
 */
export function findApplication(result: ScanResult, key: string): ScanResult['applications'][number] {
  const wanted = key.toLowerCase();
  const found =
    result.applications.find((app) => app.id === key) ??
    result.applications.find((app) => app.name.toLowerCase() === wanted || app.path === key);
  if (found) return found;
  const apart = result.setAside.find(
    (unit) => unit.id === key || unit.name.toLowerCase() === wanted || unit.path === key,
  );
  if (apart)
    throw new InputError(
      `${apart.name} (${apart.path}) is a ${apart.kind}, set aside: ${apart.reason}`,
      `It is not a migration candidate; cloudready.yaml applications: [{ path: ${apart.path}, kind: service }] assesses it anyway.`,
    );
  throw new InputError(`no application ${key}`, applicationsHint(result));
}

export function applicationsHint(result: ScanResult): string {
  const ids = result.applications.map((app) => app.id);
  if (ids.length === 0) return 'No applications were found in the scanned folders.';
  return `Applications: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` … and ${ids.length - 10} more (cloudready scan lists them)` : ''}.`;
}
