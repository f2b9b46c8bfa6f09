import fs from 'node:fs/promises';
import path from 'node:path';
import { resultFor, type ResultSource } from './load-result.js';
import { graphFromResult, resolveNode, selectGraph, type GraphViewOptions } from '../model/graph-view.js';
import { impactOf } from '../model/impact.js';
import { render, renderText, type FormatOf } from '../report/outputs.js';
import { InputError } from '../errors.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { writeOutputAtomically, writeText } from './write-output.js';
import { reportInputProblems } from './input-problems.js';

export interface GraphSourceOptions extends ResultSource {
  color: boolean;
}

export interface GraphOptions extends GraphSourceOptions {
  format: FormatOf<'graph'>;
  output?: string;
  level: 'portfolio' | 'unit';
  app?: string;
  focus?: string;
  depth?: number;
  kind?: string[];
  edgeKind?: string[];
  collapse?: 'module' | 'package';
}

const neo4jNeedsAFolder = () =>
  new InputError(
    '--format neo4j writes several files: give a folder with --output',
    'e.g. cloudready graph . --format neo4j --output neo4j-import/',
  );

export async function runGraph(paths: string[], options: GraphOptions): Promise<number> {
  // Said before a scan is waited for.
  if (options.format === 'neo4j' && !options.output) throw neo4jNeedsAFolder();
  const result = await resultFor(paths, options);
  const full = graphFromResult(result.graph);
  const view: GraphViewOptions = {
    level: options.level,
    app: options.app,
    focus: options.focus,
    depth: options.depth,
    kinds: options.kind,
    edgeKinds: options.edgeKind,
    collapse: options.collapse,
  };
  const graph = selectGraph(full, view);
  // The terminal summary centres on the focus, or on the application of a portfolio view.
  const centre =
    options.format !== 'tree'
      ? undefined
      : options.focus
        ? resolveNode(graph, options.focus)
        : options.app && options.level === 'portfolio'
          ? resolveNode(graph, options.app)
          : undefined;
  const exported = await render(
    'graph',
    options.format,
    { graph, result, centre },
    { color: !options.output && wantsColour(options.color) },
  );
  if (typeof exported === 'string') {
    await writeText(exported, options.output);
    return reportInputProblems(result, options) ?? ExitCode.ok;
  }
  if ('files' in exported) {
    if (!options.output) throw neo4jNeedsAFolder();
    await fs.mkdir(options.output, { recursive: true });
    for (const [name, content] of Object.entries(exported.files))
      await writeOutputAtomically(path.join(options.output, name), content);
    process.stderr.write(
      `cloudready: wrote ${Object.keys(exported.files).join(', ')} to ${options.output} (${graph.order} nodes, ${graph.size} relationships)\n`,
    );
    return reportInputProblems(result, options) ?? ExitCode.ok;
  }
  if (options.output) {
    await writeOutputAtomically(options.output, exported.text);
    process.stderr.write(`cloudready: wrote ${options.output} (${graph.order} nodes, ${graph.size} edges)\n`);
  } else process.stdout.write(exported.text);
  return reportInputProblems(result, options) ?? ExitCode.ok;
}

export async function runImpact(
  reference: string,
  paths: string[],
  options: GraphSourceOptions & { format: FormatOf<'impact'> },
): Promise<number> {
  const result = await resultFor(paths, options);
  const graph = graphFromResult(result.graph);
  const impact = impactOf(graph, resolveNode(graph, reference));
  await writeText(await renderText('impact', options.format, impact, { color: wantsColour(options.color) }), undefined);
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
