import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withSchedule } from '../../src/cli/roadmap-options.js';
import { buildReportData } from '../../src/report/html/build-report-data.js';
import { loadReporter, type Format } from '../../src/report/reporter.js';
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

describe('golden outputs of the demo portfolio', () => {
  for (const [format, file] of FILES) {
    it(`${format} matches test/golden/demo/${file}`, async () => {
      const reporter = await loadReporter(format);
      await compare(file, reporter(result, { color: false, document: { title: 'Demo portfolio', client: 'Acme Ltd' } }));
    });
  }

  it('the HTML report carries data that matches test/golden/demo/report-data.json', async () => {
    // The page script and stylesheet are build output; what the report says is its data.
    await compare('report-data.json', `${JSON.stringify(buildReportData(result, { title: 'Demo portfolio', client: 'Acme Ltd' }), null, 1)}\n`);
  });
});
