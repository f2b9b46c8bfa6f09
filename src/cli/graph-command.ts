import { printable, printableDeep } from '../util/printable.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resultFor, type ResultSource } from './load-result.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { graphFromResult, resolveNode, selectGraph, type GraphViewOptions } from '../model/graph-view.js';
import { impactOf } from '../model/impact.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import { exportGraph, type GraphFormat } from '../report/graph-export.js';
import { InputError } from '../errors.js';
import type { ScanResult } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { writeOutputAtomically } from './write-output.js';
import { reportInputProblems } from './input-problems.js';

export interface GraphSourceOptions extends ResultSource {
  color: boolean;
}

export interface GraphOptions extends GraphSourceOptions {
  format: GraphFormat;
  output?: string;
  level: 'portfolio' | 'unit';
  app?: string;
  focus?: string;
  depth?: number;
  kind?: string[];
  edgeKind?: string[];
  collapse?: 'module' | 'package';
}

function describe(graph: PortfolioGraph, node: string, c: ChalkInstance): string {
  const { kind, label } = graph.getNodeAttributes(node);
  // Labels and ids come from scanned files and inventories: never a raw escape on the terminal.
  return `${c.bold(printable(label))} ${c.dim(`(${printable(kind)}, ${printable(node)})`)}`;
}

/** A readable summary: the focus neighbourhood as a tree, or the whole graph's shape and findings. */
function tree(graph: PortfolioGraph, result: ScanResult, options: GraphOptions, c: ChalkInstance): string {
  const lines: string[] = [];
  const centre = options.focus ? resolveNode(graph, options.focus) : options.app && options.level === 'portfolio' ? resolveNode(graph, options.app) : undefined;
  if (centre && graph.hasNode(centre)) {
    lines.push(describe(graph, centre, c));
    const edgeText = (kind: string, attributes: Record<string, unknown>) => printable(`${kind}${attributes.port ? ` :${attributes.port}` : ''}${attributes.via ? ` via ${attributes.via}` : ''}`);
    const out = graph.mapOutEdges(centre, (_edge, attributes, _source, target) => `  → ${edgeText(attributes.kind, attributes)} ${describe(graph, target, c)}`).sort(compareStrings);
    const into = graph.mapInEdges(centre, (_edge, attributes, source) => `  ← ${edgeText(attributes.kind, attributes)} ${describe(graph, source, c)}`).sort(compareStrings);
    if (out.length) lines.push(c.dim('needs'), ...out);
    if (into.length) lines.push(c.dim('needed by'), ...into);
    if (!out.length && !into.length) lines.push(c.dim('  no edges in this view'));
    return `${lines.join('\n')}\n`;
  }
  const kinds = new Map<string, number>();
  graph.forEachNode((_node, { kind }) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1));
  lines.push(`${c.bold('Graph')}: ${graph.order} nodes, ${graph.size} edges (${[...kinds].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([kind, count]) => `${count} ${kind}`).join(', ')})`);
  const analysis = result.graphAnalysis;
  const section = (title: string, items: string[]) => lines.push('', c.bold(title), ...(items.length ? items.map((item) => `  ${printable(item)}`) : [c.dim('  none')]));
  section('Cycles between applications', analysis.applicationCycles.map((cycle) => cycle.join(' ⇄ ')));
  section('Cycles between modules', analysis.moduleCycles.map((cycle) => cycle.join(' ⇄ ')));
  section('Shared datastores', analysis.sharedDatastores.map((store) => `${store.label} (${store.kind}): ${store.applications.join(', ')}${store.writtenBy.length ? `; written by ${store.writtenBy.join(', ')}` : ''}`));
  section('Hubs (most dependents)', analysis.hubs.map((hub) => `${hub.label} (${hub.kind}): ${hub.dependents} applications`));
  section('Unknown endpoints (described by no application or inventory)', analysis.unknownEndpoints.map((endpoint) => `${endpoint.label} (${endpoint.kind}), used by ${endpoint.usedBy.join(', ')}`));
  lines.push('', c.dim('--focus NODE for a neighbourhood; --format dot|mermaid|gexf|graphml|neo4j|json to export (docs/graph.md).'));
  return `${lines.join('\n')}\n`;
}

export async function runGraph(paths: string[], options: GraphOptions): Promise<number> {
  const result = await resultFor(paths, options);
  const full = graphFromResult(result.graph);
  const view: GraphViewOptions = { level: options.level, app: options.app, focus: options.focus, depth: options.depth, kinds: options.kind, edgeKinds: options.edgeKind, collapse: options.collapse };
  const graph = selectGraph(full, view);
  const c = new Chalk({ level: !options.output && wantsColour(options.color) ? 1 : 0 });
  if (options.format === 'tree') {
    const text = tree(graph, printableDeep(result), options, c);
    if (options.output) await writeOutputAtomically(options.output, text);
    else process.stdout.write(text);
    return reportInputProblems(result, options) ?? ExitCode.ok;
  }
  const exported = exportGraph(graph, options.format);
  if ('files' in exported) {
    if (!options.output) throw new InputError('--format neo4j writes several files: give a folder with --output', 'e.g. cloudready graph . --format neo4j --output neo4j-import/');
    await fs.mkdir(options.output, { recursive: true });
    for (const [name, content] of Object.entries(exported.files)) await writeOutputAtomically(path.join(options.output, name), content);
    process.stderr.write(`cloudready: wrote ${Object.keys(exported.files).join(', ')} to ${options.output} (${graph.order} nodes, ${graph.size} relationships)\n`);
    return reportInputProblems(result, options) ?? ExitCode.ok;
  }
  if (options.output) {
    await writeOutputAtomically(options.output, exported.text);
    process.stderr.write(`cloudready: wrote ${options.output} (${graph.order} nodes, ${graph.size} edges)\n`);
  } else process.stdout.write(exported.text);
  return reportInputProblems(result, options) ?? ExitCode.ok;
}

export async function runImpact(reference: string, paths: string[], options: GraphSourceOptions & { format: 'table' | 'json' }): Promise<number> {
  const result = await resultFor(paths, options);
  const graph = graphFromResult(result.graph);
  const impact = printableDeep(impactOf(graph, resolveNode(graph, reference)));
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(impact, null, 2)}\n`);
    return reportInputProblems(result, options) ?? ExitCode.ok;
  }
  const c = new Chalk({ level: wantsColour(options.color) ? 1 : 0 });
  const lines = [`If ${c.bold(impact.label)} ${c.dim(`(${impact.kind})`)} moves:`, '', c.bold(`Breaks or must follow (${impact.dependents.length})`)];
  for (const entry of impact.dependents) lines.push(`  ${String(entry.distance).padStart(2)} ${entry.label} ${c.dim(`(${entry.kind})`)}: ${c.dim(entry.via)}`);
  if (!impact.dependents.length) lines.push(c.dim('  nothing known depends on it'));
  lines.push('', c.bold(`Moves with it (${impact.moveTogether.length})`));
  for (const entry of impact.moveTogether) lines.push(`  ${entry.label} ${c.dim(`(${entry.kind})`)}: ${entry.why}`);
  if (!impact.moveTogether.length) lines.push(c.dim('  nothing is bound to it'));
  process.stdout.write(`${lines.join('\n')}\n`);
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
