import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { fromDot } from 'ts-graphviz';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

let saved: string;
beforeAll(async () => {
  // One scan, saved, feeds every command below through --from.
  const dir = await makeTree({});
  saved = path.join(dir, 'result.json');
  expect(runCli(['scan', DEMO, '--format', 'json', '--output', saved, '--quiet']).code).toBe(0);
});
const graph = (...args: string[]) => runCli(['graph', '--from', saved, ...args]);

describe('cloudready graph: analyses of the demo portfolio', () => {
  it('summarises the graph: cycles, shared datastores, hubs, unknown endpoints', () => {
    const run = graph();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Cycles between applications\n  card-authorisation ⇄ order-management');
    expect(run.stdout).toContain(
      'Shared datastores\n  whdb01.acme.corp:1521/WHPROD (database): order-management, risk-batch',
    );
    expect(run.stdout).toContain('order-management (application): 4 applications');
    expect(run.stdout).toContain('10.50.8.9 (unknown-host), used by host:lnx-web01');
  });

  it('shows a neighbourhood both ways around a focus node', () => {
    const run = graph('--focus', 'order-management');
    expect(run.stdout).toMatch(/^order-management \(application, app:order-management\)\nneeds\n/);
    expect(run.stdout).toContain('→ shares-datastore risk-batch (application, app:risk-batch)');
    expect(run.stdout).toContain('← depends-on :7001 via connection web-storefront (application, app:web-storefront)');
    const unknown = graph('--focus', 'order-managment');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cloudready: no node order-managment in the graph');
  });

  it('impact: what breaks and what moves together if order-management moves', async () => {
    const run = runCli(['impact', 'order-management', '--from', saved, '--format', 'json']);
    expect(run.code).toBe(0);
    const impact = JSON.parse(run.stdout) as {
      dependents: { id: string; distance: number }[];
      moveTogether: { id: string; why: string }[];
    };
    expect(impact.dependents.map((entry) => `${entry.distance} ${entry.id}`)).toEqual([
      '1 app:card-authorisation',
      '1 app:catalog-service',
      '1 app:web-storefront',
      '2 app:fraud-scoring',
      '2 app:fraud-scoring-rules-engine',
      '3 app:partner-portal',
    ]);
    // risk-batch shares its datastore: it moves with it, so it is not also listed as breaking.
    expect(impact.moveTogether.map((entry) => entry.id)).toEqual([
      'app:risk-batch',
      'endpoint:http://10.20.4.31:7001',
      'endpoint:oracle://10.20.4.17:1521/ORDRPT',
      'endpoint:oracle://whdb01.acme.corp:1521/WHPROD',
      'host:aix-app01',
      'host:aix-db01',
    ]);
    // A host: its applications move with it, and whoever connects to them breaks.
    const host = JSON.parse(
      runCli(['impact', 'host:lnx-app02', '--from', saved, '--format', 'json']).stdout,
    ) as typeof impact;
    expect(host.moveTogether.map((entry) => entry.id)).toEqual([
      'app:catalog-service',
      'endpoint:http://catalog01:8080',
    ]);
    expect(host.dependents.map((entry) => entry.id)).toContain('app:web-storefront');
  });
});

describe('cloudready graph: exports each consumer can read', () => {
  it("JSON is graphology's serialisation and imports back", () => {
    const exported = JSON.parse(graph('--format', 'json').stdout) as Parameters<MultiDirectedGraph['import']>[0];
    const back = new MultiDirectedGraph();
    back.import(exported);
    expect(back.order).toBe(65);
    expect(back.hasEdge(back.edges('app:card-authorisation', 'app:order-management')[0]!)).toBe(true);
  });

  it('DOT parses back, and Graphviz renders it without a warning where installed', async () => {
    const text = graph('--format', 'dot').stdout;
    const parsed = fromDot(text);
    expect(parsed.nodes.length).toBe(65);
    expect(parsed.edges.length).toBe(87);
    const probe = spawnSync('dot', ['-V']);
    if (probe.error) return; // Graphviz is not installed on this machine: the parse above stands.
    const rendered = spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8' });
    expect(rendered.status).toBe(0);
    expect(rendered.stderr).toBe('');
    expect((rendered.stdout.match(/<g id="node\d+" class="node">/g) ?? []).length).toBe(65);
  });

  it('Mermaid: a flowchart whose edges join declared nodes, labels escaped', () => {
    const lines = graph('--format', 'mermaid', '--focus', 'order-management').stdout.trim().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const declared = new Set(
      lines
        .slice(1)
        .map((line) => /^ {2}(n\d+)[[({/]/.exec(line)?.[1])
        .filter(Boolean),
    );
    const edges = lines.filter((line) => line.includes('-->'));
    expect(edges.length).toBeGreaterThan(10);
    for (const edge of edges) {
      const [, from, to] = /^ {2}(n\d+) -->\|[^|]+\| (n\d+)$/.exec(edge)!;
      expect(declared.has(from) && declared.has(to)).toBe(true);
    }
    expect(lines.join('\n')).not.toMatch(/"[^"\n]*"[^\]}/)]*"[^"\n]*"/);
  });

  it('GEXF parses back into a graph with the same nodes and edges', () => {
    const back = parseGexf(MultiDirectedGraph, graph('--format', 'gexf').stdout);
    expect(back.order).toBe(65);
    expect(back.size).toBe(87);
    expect(back.getNodeAttribute('host:zos-prd1', 'platform')).toBe('z/OS');
  });

  it('GraphML is well-formed, declares its keys and keeps every node and edge', () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(graph('--format', 'graphml').stdout) as {
      graphml: {
        key: { '@_attr.name': string }[];
        graph: { node: { '@_id': string }[]; edge: { '@_source': string; '@_target': string }[] };
      };
    };
    expect(parsed.graphml.graph.node).toHaveLength(65);
    expect(parsed.graphml.graph.edge).toHaveLength(87);
    expect(parsed.graphml.key.map((key) => key['@_attr.name'])).toEqual(
      expect.arrayContaining(['kind', 'label', 'platform', 'port']),
    );
  });

  it('Neo4j: nodes and relationships CSV with neo4j-admin headers, and a Cypher script', async () => {
    const out = path.join(await makeTree({}), 'neo4j');
    const run = graph('--format', 'neo4j', '--output', out);
    expect(run.code).toBe(0);
    const nodes = parseCsv(await fs.readFile(path.join(out, 'nodes.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    const relationships = parseCsv(await fs.readFile(path.join(out, 'relationships.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    expect(Object.keys(nodes[0]!).slice(0, 4)).toEqual(['id:ID', 'name', 'kind', ':LABEL']);
    expect(Object.keys(relationships[0]!).slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(nodes).toHaveLength(65);
    const ids = new Set(nodes.map((node) => node['id:ID']));
    expect(
      relationships.every((relationship) => ids.has(relationship[':START_ID']!) && ids.has(relationship[':END_ID']!)),
    ).toBe(true);
    expect(nodes.find((node) => node['id:ID'] === 'app:order-management')?.[':LABEL']).toBe('Node;Application');
    expect(relationships.map((relationship) => relationship[':TYPE'])).toContain('SHARES_DATASTORE');
    expect(await fs.readFile(path.join(out, 'import.cypher'), 'utf8')).toContain('MERGE (a)-[r:DEPENDS_ON]->(b)');
    expect(graph('--format', 'neo4j').code).toBe(2);
    // Said before any scan: a folder that does not exist is never read.
    const early = runCli(['graph', '/nonexistent-portfolio', '--format', 'neo4j']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('--format neo4j writes several files: give a folder with --output');
  });
});

describe('cloudready graph: levels and filters', () => {
  it("the unit level shows one application's code and the datasets it touches", () => {
    const exported = JSON.parse(graph('--level', 'unit', '--app', 'card-authorisation', '--format', 'json').stdout) as {
      nodes: { key: string; attributes: { kind: string } }[];
    };
    const kinds = new Set(exported.nodes.map((node) => node.attributes.kind));
    expect(kinds).toEqual(new Set(['application', 'unit', 'dataset', 'transaction', 'table', 'queue']));
    expect(exported.nodes.some((node) => node.key.startsWith('unit:order-management:'))).toBe(false);
    expect(graph('--level', 'unit').stderr).toContain('--level unit needs --app APP');
  });

  it("--collapse module merges a Java application's classes into its build modules", () => {
    const exported = JSON.parse(
      graph(
        '--level',
        'unit',
        '--app',
        'order-management',
        '--collapse',
        'module',
        '--kind',
        'unit',
        '--format',
        'json',
      ).stdout,
    ) as { nodes: { key: string }[] };
    expect(exported.nodes.map((node) => node.key).sort()).toEqual([
      'app:order-management',
      'module:order-management/order-ejb',
      'module:order-management/order-web',
    ]);
  });

  it('--kind and --edge-kind keep what is asked for', () => {
    const exported = JSON.parse(
      graph('--kind', 'application', '--edge-kind', 'depends-on', '--format', 'json').stdout,
    ) as { nodes: unknown[]; edges: { attributes: { kind: string } }[] };
    expect(exported.nodes).toHaveLength(9);
    expect(new Set(exported.edges.map((edge) => edge.attributes.kind))).toEqual(new Set(['depends-on']));
  });
});

describe('commands that scan before they answer', () => {
  it('take the scan options: --workers, --quiet and --no-cache, as cloudready scan does', () => {
    const commands = [
      ['explain', 'order-management', DEMO],
      ['graph', DEMO],
      ['waves', DEMO],
      ['split', 'order-management', DEMO],
      ['impact', 'order-management', DEMO],
      ['servers', DEMO],
    ];
    for (const command of commands) {
      const run = runCli([...command, '--workers', '0', '--quiet', '--no-cache']);
      expect(run.code, command.join(' ')).toBe(0);
      expect(run.stdout.length, command.join(' ')).toBeGreaterThan(0);
      // Quiet: no notices, no progress, nothing but the output.
      expect(run.stderr, command.join(' ')).toBe('');
    }
    const wrong = runCli(['waves', DEMO, '--workers', 'many']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('A number of workers must be a whole number from 0 to 64.');
  });
});
