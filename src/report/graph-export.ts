import { XMLBuilder } from 'fast-xml-parser';
import { write as writeGexf } from 'graphology-gexf';
import { digraph, toDot, type NodeModel } from 'ts-graphviz';
import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import { compareStrings } from '../util/compare.js';

import { spreadsheetCsv } from './csv-cells.js';

/** The files `cloudready graph` exports to, for other tools (docs/graph.md). */
export type GraphExportFormat = 'json' | 'dot' | 'mermaid' | 'gexf' | 'graphml' | 'neo4j';

/** One file, or several (Neo4j import: nodes, relationships, a Cypher script). */
export type GraphExport = { text: string } | { files: Record<string, string> };

const DATASTORES = new Set(['database', 'cache', 'object-storage', 'dataset', 'table']);

function sortedNodes(graph: PortfolioGraph) {
  return graph.mapNodes((id, attributes) => ({ id, attributes })).sort((a, b) => compareStrings(a.id, b.id));
}
function sortedEdges(graph: PortfolioGraph) {
  return graph
    .mapEdges((key, attributes, source, target) => ({ key, source, target, attributes }))
    .sort(
      (a, b) =>
        compareStrings(a.source, b.source) ||
        compareStrings(a.target, b.target) ||
        compareStrings(a.attributes.kind, b.attributes.kind) ||
        compareStrings(a.key, b.key),
    );
}

/** Graphology's own serialisation ({ attributes, options, nodes, edges }), which graph.import() reads back. */
function json(graph: PortfolioGraph): string {
  const exported = graph.export();
  exported.nodes.sort((a, b) => compareStrings(a.key, b.key));
  exported.edges.sort(
    (a, b) =>
      compareStrings(a.source, b.source) ||
      compareStrings(a.target, b.target) ||
      compareStrings(String(a.key), String(b.key)),
  );
  return `${JSON.stringify(exported, null, 2)}\n`;
}

const SHAPES: Record<string, string> = {
  application: 'box',
  host: 'box3d',
  module: 'folder',
  'unknown-host': 'octagon',
  licence: 'note',
  software: 'component',
  unit: 'ellipse',
};

function dot(graph: PortfolioGraph): string {
  const g = digraph('cloudready', { rankdir: 'LR', fontname: 'Helvetica' }, (root) => {
    // Edges take node models, not id strings: a string "app:x" would read as node "app", port "x".
    const models = new Map<string, NodeModel>();
    for (const { id, attributes } of sortedNodes(graph)) {
      models.set(
        id,
        root.node(id, {
          label: `${attributes.label}\n(${attributes.kind})`,
          shape: (DATASTORES.has(attributes.kind) ? 'cylinder' : (SHAPES[attributes.kind] ?? 'ellipse')) as 'box',
          ...(attributes.kind === 'unknown-host' ? { color: 'red' } : {}),
        }),
      );
    }
    for (const { source, target, attributes } of sortedEdges(graph)) {
      root.edge([models.get(source)!, models.get(target)!], {
        label: attributes.port ? `${attributes.kind} :${attributes.port}` : attributes.kind,
      });
    }
  });
  return `${toDot(g)}\n`;
}

/** Mermaid ids must be plain; labels go in quotes with Mermaid's own entity for quotes. */
function mermaid(graph: PortfolioGraph): string {
  const ids = new Map(sortedNodes(graph).map(({ id }, index) => [id, `n${index}`]));
  const label = (text: string) =>
    text.replace(/"/g, '#quot;').replace(/[<>]/g, (char) => (char === '<' ? '#lt;' : '#gt;'));
  const lines = ['flowchart LR'];
  for (const { id, attributes } of sortedNodes(graph)) {
    const text = `"${label(attributes.label)}<br/><small>${label(attributes.kind)}</small>"`;
    const shape =
      attributes.kind === 'application'
        ? `[${text}]`
        : DATASTORES.has(attributes.kind)
          ? `[(${text})]`
          : attributes.kind === 'host'
            ? `[/${text}/]`
            : attributes.kind === 'unknown-host'
              ? `{{${text}}}`
              : `(${text})`;
    lines.push(`  ${ids.get(id)}${shape}`);
  }
  for (const { source, target, attributes } of sortedEdges(graph))
    lines.push(`  ${ids.get(source)} -->|${label(attributes.kind)}| ${ids.get(target)}`);
  return `${lines.join('\n')}\n`;
}

function graphml(graph: PortfolioGraph): string {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const keysOf = (items: { attributes: Record<string, unknown> }[]) =>
    [...new Set(items.flatMap(({ attributes }) => Object.keys(attributes)))].sort(compareStrings);
  const nodeKeys = keysOf(nodes);
  const edgeKeys = keysOf(edges);
  const typeOf = (items: { attributes: Record<string, unknown> }[], key: string) => {
    const values = items.map(({ attributes }) => attributes[key]).filter((value) => value !== undefined);
    if (values.every((value) => typeof value === 'boolean')) return 'boolean';
    if (values.every((value) => typeof value === 'number')) return 'double';
    return 'string';
  };
  const data = (keys: string[], prefix: string, attributes: Record<string, unknown>) =>
    keys.flatMap((key, index) =>
      attributes[key] === undefined ? [] : [{ '@_key': `${prefix}${index}`, '#text': String(attributes[key]) }],
    );
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: [
        ...nodeKeys.map((key, index) => ({
          '@_id': `n${index}`,
          '@_for': 'node',
          '@_attr.name': key,
          '@_attr.type': typeOf(nodes, key),
        })),
        ...edgeKeys.map((key, index) => ({
          '@_id': `e${index}`,
          '@_for': 'edge',
          '@_attr.name': key,
          '@_attr.type': typeOf(edges, key),
        })),
      ],
      graph: {
        '@_id': 'cloudready',
        '@_edgedefault': 'directed',
        node: nodes.map(({ id, attributes }) => ({ '@_id': id, data: data(nodeKeys, 'n', attributes) })),
        edge: edges.map(({ key, source, target, attributes }) => ({
          '@_id': key,
          '@_source': source,
          '@_target': target,
          data: data(edgeKeys, 'e', attributes),
        })),
      },
    },
  };
  return `${new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true, processEntities: true }).build(document)}`;
}

const pascal = (text: string) =>
  text
    .replace(/(^|[^A-Za-z0-9])([a-z0-9])/g, (_, _sep, char: string) => char.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, '');
const upperSnake = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/**
 * Neo4j: nodes.csv and relationships.csv with the headers `neo4j-admin database import`
 * reads (id:ID, :LABEL, :START_ID, :END_ID, :TYPE), and import.cypher for LOAD CSV into a
 * running database.
 */
function neo4j(graph: PortfolioGraph): Record<string, string> {
  const nodes = sortedNodes(graph);
  const edges = sortedEdges(graph);
  const nodeProps = [...new Set(nodes.flatMap(({ attributes }) => Object.keys(attributes)))]
    .filter((key) => key !== 'label' && key !== 'kind')
    .sort(compareStrings);
  const edgeProps = [...new Set(edges.flatMap(({ attributes }) => Object.keys(attributes)))]
    .filter((key) => key !== 'kind')
    .sort(compareStrings);
  const nodesCsv = spreadsheetCsv([
    ['id:ID', 'name', 'kind', ':LABEL', ...nodeProps],
    ...nodes.map(({ id, attributes }) => [
      id,
      attributes.label,
      attributes.kind,
      `Node;${pascal(attributes.kind)}`,
      ...nodeProps.map((key) => (attributes[key] === undefined ? '' : String(attributes[key]))),
    ]),
  ]);
  const relationshipsCsv = spreadsheetCsv([
    [':START_ID', ':END_ID', ':TYPE', ...edgeProps],
    ...edges.map(({ source, target, attributes }) => [
      source,
      target,
      upperSnake(attributes.kind),
      ...edgeProps.map((key) => (attributes[key] === undefined ? '' : String(attributes[key]))),
    ]),
  ]);
  const labels = [...new Set(nodes.map(({ attributes }) => attributes.kind))].sort(compareStrings);
  const types = [...new Set(edges.map(({ attributes }) => attributes.kind))].sort(compareStrings);
  const cypher = [
    '// Load the cloudready graph into a running Neo4j: put nodes.csv and relationships.csv in its import folder, then run this script.',
    '// For an empty database, `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv` reads the same files.',
    'CREATE CONSTRAINT cloudready_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;',
    ...labels.map(
      (kind) =>
        `LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row WITH row WHERE row.kind = '${kind}' MERGE (n:Node {id: row.\`id:ID\`}) SET n:${pascal(kind)}, n.name = row.name, n.kind = row.kind${nodeProps.map((key) => `, n.\`${key}\` = CASE row.\`${key}\` WHEN '' THEN null ELSE row.\`${key}\` END`).join('')};`,
    ),
    ...types.map(
      (kind) =>
        `LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row WITH row WHERE row.\`:TYPE\` = '${upperSnake(kind)}' MATCH (a:Node {id: row.\`:START_ID\`}), (b:Node {id: row.\`:END_ID\`}) MERGE (a)-[r:${upperSnake(kind)}]->(b)${edgeProps.length ? ` SET ${edgeProps.map((key) => `r.\`${key}\` = CASE row.\`${key}\` WHEN '' THEN null ELSE row.\`${key}\` END`).join(', ')}` : ''};`,
    ),
    '',
  ].join('\n');
  return { 'nodes.csv': nodesCsv, 'relationships.csv': relationshipsCsv, 'import.cypher': cypher };
}

export function exportGraph(graph: PortfolioGraph, format: GraphExportFormat): GraphExport {
  switch (format) {
    case 'json':
      return { text: json(graph) };
    case 'dot':
      return { text: dot(graph) };
    case 'mermaid':
      return { text: mermaid(graph) };
    case 'gexf':
      return { text: writeGexf(graph, { pretty: true }) };
    case 'graphml':
      return { text: graphml(graph) };
    case 'neo4j':
      return { files: neo4j(graph) };
  }
}
