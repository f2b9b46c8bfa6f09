import fs from 'node:fs/promises';
import path from 'node:path';
import { graphFromResult } from '../model/graph-view.js';
import { proposeSplit, type SplitOptions, type SplitProposal } from '../plan/split.js';
import { renderText, type FormatOf } from '../report/outputs.js';
import { readCoChange } from '../extract/git-history.js';
import { readRuntimeCalls } from '../extract/runtime-calls.js';
import { InputError } from '../errors.js';
import { LANGUAGES } from '../languages/registry.js';
import type { ScanResult } from '../result/schema.js';
import { findApplication, readResult, resultFor, type ResultSource } from './load-result.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { writeText } from './write-output.js';
import { reportInputProblems } from './input-problems.js';

export interface SplitCommandOptions extends ResultSource {
  history?: boolean;
  /** Measured call volumes: a CSV of caller,callee,count or an OpenTelemetry span export. */
  calls?: string;
  services?: number;
  seed?: number;
  format: FormatOf<'split'>;
  output?: string;
  color: boolean;
}

/** `cloudready split APP`: an application id in the scanned portfolio, or an application folder. */
export async function runSplit(target: string, paths: string[], options: SplitCommandOptions): Promise<number> {
  // A broken calls file is told before a scan is waited for.
  const runtimeCalls = options.calls ? await readRuntimeCalls(options.calls) : undefined;
  let result: ScanResult;
  let applicationId = target;
  let scannedRoot: string | undefined;
  if (options.from) result = await readResult(options.from);
  else {
    const isFolder = paths.length === 0 && (await fs.stat(target).catch(() => undefined))?.isDirectory();
    const roots = isFolder ? [target] : paths.length ? paths : ['.'];
    result = await resultFor(roots, { ...options, from: undefined });
    scannedRoot = roots.length === 1 ? path.resolve(roots[0]!) : undefined;
    if (isFolder) {
      if (result.applications.length !== 1)
        throw new InputError(
          `${target} holds ${result.applications.length} applications`,
          `Name one: ${result.applications.map((app) => app.id).join(', ')}.`,
        );
      applicationId = result.applications[0]!.id;
    }
  }
  const app = findApplication(result, applicationId);
  const graph = graphFromResult(result.graph);
  const units = graph.filterNodes((node) => node.startsWith(`unit:${app.id}:`)).length;
  if (units < 2) {
    throw new InputError(
      `${app.id} has no unit graph to split (languages: ${Object.keys(app.languages).join(', ') || 'none'})`,
      `split reads the units of ${LANGUAGES.filter(({ analysis }) => analysis?.extractor ?? analysis?.project)
        .map(({ name }) => name)
        .join(', ')}; other languages are only counted (docs/languages.md).`,
    );
  }
  // Co-change coupling from git, when the application's folder is in a repository.
  let coChange: SplitOptions['coChange'];
  if (options.history && scannedRoot) {
    const folder = path.join(scannedRoot, app.path);
    const history = await readCoChange(folder);
    if (history)
      coChange = {
        commits: history.commits,
        pairs: history.pairs.map((pair) => ({
          ...pair,
          a: path.posix.join(app.path === '.' ? '' : app.path, pair.a),
          b: path.posix.join(app.path === '.' ? '' : app.path, pair.b),
        })),
      };
  }
  let proposal: SplitProposal;
  try {
    proposal = proposeSplit(graph, app.id, { services: options.services, seed: options.seed, coChange, runtimeCalls });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  await writeText(
    await renderText('split', options.format, proposal, { color: !options.output && wantsColour(options.color) }),
    options.output,
  );
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
