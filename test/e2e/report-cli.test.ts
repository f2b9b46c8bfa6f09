import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

let folder: string;
let resultFile: string;
beforeAll(async () => {
  folder = await makeTree({});
  resultFile = path.join(folder, 'result.json');
  expect(runCli(['scan', DEMO, '--format', 'json', '--output', resultFile, '--quiet']).code).toBe(0);
});

describe('cloudready report: a saved result in any format', () => {
  it('writes the HTML report from a saved result, without scanning again', async () => {
    const target = path.join(folder, 'report.html');
    const run = runCli(['report', resultFile, '--format', 'html', '--output', target]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`cloudready: wrote ${target} (9 applications, 110 findings)\n`);
    const html = await fs.readFile(target, 'utf8');
    expect(html.slice(0, 15)).toBe('<!doctype html>');
    expect(html.includes('"id":"order-management"')).toBe(true);
  });

  it('renders other formats exactly as the scan that saved the result did', async () => {
    const result = JSON.parse(await fs.readFile(resultFile, 'utf8'));
    for (const format of ['markdown', 'sarif', 'junit', 'json']) {
      const rendered = runCli(['report', resultFile, '--format', format]);
      expect(rendered.code).toBe(0);
      if (format === 'json') expect(JSON.parse(rendered.stdout)).toEqual(result);
      else expect(rendered.stdout).toContain(format === 'markdown' ? '| order-management |' : 'order-management');
    }
    // The same result object renders to the same bytes whether it was just scanned or read back.
    const scanned = runCli(['scan', DEMO, '--format', 'markdown', '--quiet']);
    const reported = runCli(['report', resultFile, '--format', 'markdown']);
    const withoutTime = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');
    expect(withoutTime(reported.stdout)).toBe(withoutTime(scanned.stdout));
  });

  it('scan --format html writes the report to a file, or to a pipe', async () => {
    const target = path.join(folder, 'scan.html');
    expect(runCli(['scan', DEMO, '--format', 'html', '--output', target, '--quiet'])).toMatchObject({
      code: 0,
      stderr: '',
    });
    expect((await fs.stat(target)).size).toBeGreaterThan(100_000);
    const piped = runCli(['scan', DEMO, '--format', 'html', '--quiet']);
    expect(piped.code).toBe(0);
    expect(piped.stdout.slice(0, 15)).toBe('<!doctype html>');
  });

  it('a missing, broken or foreign result file is a usage error naming the file', async () => {
    const missing = runCli([
      'report',
      path.join(folder, 'nope.json'),
      '--format',
      'html',
      '--output',
      path.join(folder, 'x.html'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: result file could not be read');
    const broken = path.join(folder, 'broken.json');
    await fs.writeFile(broken, '{"schemaVersion": ');
    const brokenRun = runCli(['report', broken]);
    expect(brokenRun.code).toBe(2);
    expect(brokenRun.stderr).toContain('broken.json: result is not JSON');
    const foreign = path.join(folder, 'foreign.json');
    await fs.writeFile(foreign, '{"hello": "world"}');
    const foreignRun = runCli(['report', foreign]);
    expect(foreignRun.code).toBe(2);
    expect(foreignRun.stderr).toContain('foreign.json: not a result of this cloudready version');
    await expect(fs.stat(path.join(folder, 'x.html'))).rejects.toThrow();
  });

  it('--help names the formats and shows examples; a wrong format is refused', () => {
    const help = runCli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('"html"');
    expect(help.stdout).toContain('cloudready report result.json --format html --output report.html');
    const wrong = runCli(['report', resultFile, '--format', 'pdf']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/argument 'pdf' is invalid/);
  });

  it('puts a title, client, author and classification on the deliverable', async () => {
    const markdown = runCli([
      'report',
      resultFile,
      '--format',
      'markdown',
      '--title',
      'Cloud readiness review',
      '--client',
      'Acme Ltd',
      '--author',
      'Jo Consultant',
      '--classification',
      'Confidential',
    ]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout.split('\n').slice(0, 4)).toEqual([
      '## Cloud readiness review',
      '',
      '*For Acme Ltd · by Jo Consultant · Confidential*',
      '',
    ]);
    const target = path.join(folder, 'client.html');
    expect(
      runCli([
        'report',
        resultFile,
        '--format',
        'html',
        '--output',
        target,
        '--client',
        'Acme Ltd',
        '--classification',
        'Confidential',
      ]).code,
    ).toBe(0);
    expect(await fs.readFile(target, 'utf8')).toContain(
      '"document":{"client":"Acme Ltd","classification":"Confidential"}',
    );
  });

  it('dates the waves with --start and --capacity, in the JSON result too; one without the other is refused before any work', async () => {
    const dated = runCli(['report', resultFile, '--format', 'json', '--start', '2027-01-04', '--capacity', '4']);
    expect(dated.code).toBe(0);
    expect(JSON.parse(dated.stdout).waves.schedule).toEqual({
      start: '2027-01-04',
      capacity: 4,
      end: '2027-04-02',
      waves: [
        { number: 1, start: '2027-01-04', end: '2027-01-13', workingDays: 8 },
        { number: 2, start: '2027-01-14', end: '2027-04-02', workingDays: 57 },
      ],
    });
    // A dated result is a result: cloudready reads it back.
    const datedFile = path.join(folder, 'dated.json');
    await fs.writeFile(datedFile, dated.stdout);
    expect(runCli(['report', datedFile, '--format', 'markdown']).code).toBe(0);

    const target = path.join(folder, 'half.html');
    const half = runCli(['scan', DEMO, '--format', 'html', '--output', target, '--start', '2027-01-04']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--start needs --capacity too');
    await expect(fs.stat(target)).rejects.toThrow();
    const badDate = runCli(['report', resultFile, '--start', '2027-02-30', '--capacity', '4']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('A start date must be a calendar date as YYYY-MM-DD');
  });
});
