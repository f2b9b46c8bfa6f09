import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withSchedule } from '../../src/cli/roadmap-options.js';
import { buildReportData } from '../../src/report/html/build-report-data.js';
import { diffResults } from '../../src/assess/result-diff.js';
import { BUILT_IN_RULES, loadRulePacks } from '../../src/assess/rules/load-rules.js';
import { graphFromResult, resolveNode, selectGraph } from '../../src/model/graph-view.js';
import { impactOf } from '../../src/model/impact.js';
import { formatsOf, OUTPUTS, render, renderText, type Format, type Output, type OutputInputs } from '../../src/report/outputs.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan } from '../../src/scan.js';
import { DEMO, REPO } from '../helpers/run-cli.js';

/**
 * Every reporter's output for the demo portfolio, pinned byte for byte: a change in what a report
 * says shows as a diff of these files in review. `npm run golden` writes them anew.
 */
const GOLDEN = path.join(REPO, 'test/golden/demo');
const UPDATE = process.env.CLOUDREADY_UPDATE_GOLDEN === '1';
const FILES: [Format, string][] = [
  ['table', 'table.txt'],
  ['markdown', 'report.md'],
  ['json', 'result.json'],
  ['sarif', 'result.sarif'],
  ['junit', 'junit.xml'],
];

let result: ScanResult;
beforeAll(async () => {
  // A relative root and a fixed clock: the same bytes on every machine and day.
  result = withSchedule(await scan({ paths: [path.relative(REPO, DEMO)], cwd: REPO, now: () => new Date('2026-01-01T00:00:00Z') }), { start: '2027-01-04', capacity: 4 });
  if (UPDATE) await fs.mkdir(GOLDEN, { recursive: true });
}, 60_000);

async function compare(file: string, actual: string): Promise<void> {
  const target = path.join(GOLDEN, file);
  if (UPDATE) await fs.writeFile(target, actual);
  const expected = await fs.readFile(target, 'utf8').catch(() => undefined);
  expect(expected, `${file} is missing: npm run golden writes it`).toBeDefined();
  // Compared as booleans with the first differing line: a failure must not print 300 KB.
  if (actual !== expected) {
    const [left, right] = [actual.split('\n'), expected!.split('\n')];
    const line = left.findIndex((text, at) => text !== right[at]);
    expect.fail(`${file} differs from line ${line + 1}:\n  now:    ${left[line]}\n  pinned: ${right[line]}\nRun npm run golden and review the diff if the change is meant.`);
  }
}

/** File extension of each format's golden file. */
const EXTENSION: Record<string, string> = { table: 'txt', tree: 'txt', json: 'json', csv: 'csv', cmf: 'csv', mermaid: 'mmd', dot: 'dot', gexf: 'gexf', graphml: 'graphml', neo4j: 'json' };

/** What each output other than the scan report renders, made from the demo's result as its command makes it. */
async function inputsOf(result: ScanResult): Promise<Omit<OutputInputs, 'scan'>> {
  const graph = graphFromResult(result.graph);
  const split = result.splits.find((entry) => entry.applicationId === 'order-management');
  if (!split || !('proposal' in split)) throw new Error('the demo has no split of order-management');
  const packs = await loadRulePacks([BUILT_IN_RULES]);
  const [rule] = packs.flatMap(({ pack, source }) => pack.rules.map((entry) => ({ rule: entry, pack, source }))).filter(({ rule: entry }) => entry.id === 'configuration/app-server-datasource');
  if (!rule) throw new Error('no rule configuration/app-server-datasource');
  // An earlier result: one finding fewer, one score lower.
  const before = { ...result, findings: result.findings.slice(1), applications: result.applications.map((app, index) => (index === 0 ? { ...app, score: app.score - 5 } : app)) };
  return {
    servers: result,
    // As `cloudready graph` shows it by default: the portfolio level.
    graph: { graph: selectGraph(graph, { level: 'portfolio' }), result },
    impact: impactOf(graph, resolveNode(graph, 'host:aix-app01')),
    split: split.proposal,
    waves: { plan: result.waves, result, graph },
    explain: { result, app: result.applications.find((app) => app.id === 'order-management')! },
    diff: { diff: diffResults(before, result), before: 'before.json', after: 'result.json' },
    rules: packs,
    rule,
  };
}

describe('golden outputs of the demo portfolio', () => {
  for (const [format, file] of FILES) {
    it(`${format} matches test/golden/demo/${file}`, async () => {
      await compare(file, await renderText('scan', format, result, { color: false, document: { title: 'Demo portfolio', client: 'Acme Ltd' } }));
    });
  }

  it('every output and format of the registry is pinned, and nothing else is', async () => {
    const inputs = await inputsOf(result);
    const pinned: string[] = [];
    for (const output of Object.keys(OUTPUTS) as Output[]) {
      if (output === 'scan') continue;
      for (const format of formatsOf(output)) {
        const file = `${output}-${format}.${EXTENSION[format]}`;
        pinned.push(file);
        const rendered = await render(output, format, inputs[output] as never, { color: false });
        await compare(file, typeof rendered === 'string' ? rendered : 'text' in rendered ? rendered.text : `${JSON.stringify(rendered.files, null, 1)}\n`);
      }
    }
    const scanFiles = [...FILES.map(([, file]) => file), 'report-data.json'];
    expect((await fs.readdir(GOLDEN)).sort()).toEqual([...scanFiles, ...pinned].sort());
  });

  it('the HTML report carries data that matches test/golden/demo/report-data.json', async () => {
    // The page script and stylesheet are build output; what the report says is its data.
    await compare('report-data.json', `${JSON.stringify(buildReportData(result, { title: 'Demo portfolio', client: 'Acme Ltd' }), null, 1)}\n`);
  });
});
