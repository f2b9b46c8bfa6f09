import { Chalk, type ChalkInstance } from 'chalk';
import type { Impact } from '../model/impact.js';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { ScanResult } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { printable, printableDeep } from '../util/printable.js';
import { exportGraph, type GraphExport, type GraphExportFormat } from './graph-export.js';
import type { ReportOptions } from './reporter-types.js';

/** What `cloudready graph` renders: the view selected from the result's graph, and the node it centres on, if any. */
export interface GraphInput {
  graph: PortfolioGraph;
  result: ScanResult;
  centre?: string | undefined;
}

/** A readable summary for the terminal: the centre's neighbourhood as a tree, or the whole graph's shape and findings. */
export function graphTree(input: GraphInput, options: ReportOptions): string {
  return tree({ ...input, result: printableDeep(input.result) }, new Chalk({ level: options.color ? 1 : 0 }));
}

/** An export of the view, for another tool (docs/graph.md). */
export function graphExport(format: GraphExportFormat): (input: GraphInput) => GraphExport {
  return ({ graph }) => exportGraph(graph, format);
}

function describe(graph: PortfolioGraph, node: string, c: ChalkInstance): string {
  const { kind, label } = graph.getNodeAttributes(node);
  // Labels and ids come from scanned files and inventories: never a raw escape on the terminal.
  return `${c.bold(printable(label))} ${c.dim(`(${printable(kind)}, ${printable(node)})`)}`;
}

/** A readable summary: the focus neighbourhood as a tree, or the whole graph's shape and findings. */
function tree({ graph, result, centre }: GraphInput, c: ChalkInstance): string {
  const lines: string[] = [];
  if (centre && graph.hasNode(centre)) {
    lines.push(describe(graph, centre, c));
    const edgeText = (kind: string, attributes: Record<string, unknown>) =>
      printable(
        `${kind}${attributes.port ? ` :${attributes.port}` : ''}${attributes.via ? ` via ${attributes.via}` : ''}`,
      );
    const out = graph
      .mapOutEdges(
        centre,
        (_edge, attributes, _source, target) =>
          `  → ${edgeText(attributes.kind, attributes)} ${describe(graph, target, c)}`,
      )
      .sort(compareStrings);
    const into = graph
      .mapInEdges(
        centre,
        (_edge, attributes, source) => `  ← ${edgeText(attributes.kind, attributes)} ${describe(graph, source, c)}`,
      )
      .sort(compareStrings);
    if (out.length) lines.push(c.dim('needs'), ...out);
    if (into.length) lines.push(c.dim('needed by'), ...into);
    if (!out.length && !into.length) lines.push(c.dim('  no edges in this view'));
    return `${lines.join('\n')}\n`;
  }
  const kinds = new Map<string, number>();
  graph.forEachNode((_node, { kind }) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1));
  lines.push(
    `${c.bold('Graph')}: ${graph.order} nodes, ${graph.size} edges (${[...kinds]
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')})`,
  );
  const analysis = result.graphAnalysis;
  const section = (title: string, items: string[]) =>
    lines.push('', c.bold(title), ...(items.length ? items.map((item) => `  ${printable(item)}`) : [c.dim('  none')]));
  section(
    'Cycles between applications',
    analysis.applicationCycles.map((cycle) => cycle.join(' ⇄ ')),
  );
  section(
    'Cycles between modules',
    analysis.moduleCycles.map((cycle) => cycle.join(' ⇄ ')),
  );
  section(
    'Shared datastores',
    analysis.sharedDatastores.map(
      (store) =>
        `${store.label} (${store.kind}): ${store.applications.join(', ')}${store.writtenBy.length ? `; written by ${store.writtenBy.join(', ')}` : ''}`,
    ),
  );
  section(
    'Hubs (most dependents)',
    analysis.hubs.map((hub) => `${hub.label} (${hub.kind}): ${hub.dependents} applications`),
  );
  section(
    'Unknown endpoints (described by no application or inventory)',
    analysis.unknownEndpoints.map(
      (endpoint) => `${endpoint.label} (${endpoint.kind}), used by ${endpoint.usedBy.join(', ')}`,
    ),
  );
  lines.push(
    '',
    c.dim('--focus NODE for a neighbourhood; --format dot|mermaid|gexf|graphml|neo4j|json to export (docs/graph.md).'),
  );
  return `${lines.join('\n')}\n`;
}

/** What breaks or must move together if a node moves, for the terminal. */
export function impactTable(found: Impact, options: ReportOptions): string {
  const impact = printableDeep(found);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines = [
    `If ${c.bold(impact.label)} ${c.dim(`(${impact.kind})`)} moves:`,
    '',
    c.bold(`Breaks or must follow (${impact.dependents.length})`),
  ];
  for (const entry of impact.dependents)
    lines.push(
      `  ${String(entry.distance).padStart(2)} ${entry.label} ${c.dim(`(${entry.kind})`)}: ${c.dim(entry.via)}`,
    );
  if (!impact.dependents.length) lines.push(c.dim('  nothing known depends on it'));
  lines.push('', c.bold(`Moves with it (${impact.moveTogether.length})`));
  for (const entry of impact.moveTogether) lines.push(`  ${entry.label} ${c.dim(`(${entry.kind})`)}: ${entry.why}`);
  if (!impact.moveTogether.length) lines.push(c.dim('  nothing is bound to it'));
  return `${lines.join('\n')}\n`;
}

export function impactJson(impact: Impact): string {
  return `${JSON.stringify(printableDeep(impact), null, 2)}\n`;
}
