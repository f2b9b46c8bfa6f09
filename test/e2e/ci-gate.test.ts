import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/result/schema.js';
import { DEMO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const POM =
  '<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>ledger</artifactId><version>1</version><packaging>war</packaging></project>';
const LEDGER = (lines: string[]) => ['package acme;', 'public class Ledger {', ...lines, '}', ''].join('\n');
const EXPORT =
  'package acme;\nimport java.nio.file.*;\npublic class Export { void run() throws Exception { Files.write(Paths.get("out.txt"), new byte[0]); } }\n';

async function ledger(lines: string[], extra: Record<string, string> = {}) {
  return makeTree({ 'ledger/pom.xml': POM, 'ledger/src/main/java/acme/Ledger.java': LEDGER(lines), ...extra });
}

function json(run: { stdout: string }): ScanResult {
  return JSON.parse(run.stdout) as ScanResult;
}

describe('the CI gate', () => {
  it('exits 0 when no threshold is crossed and 1 with one line per failing application when one is', () => {
    const ok = runCli(['scan', DEMO, '--fail-under', '5', '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(json(ok).gate).toEqual({ passed: true, thresholds: { failUnder: 5, applications: {} }, failures: [] });
    const failed = runCli(['scan', DEMO, '--fail-under', '40', '--max-blockers', '0', '--quiet']);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      'cloudready: gate failed: billing-service: score 35 is below 40',
      'cloudready: gate failed: card-authorisation: score 7 is below 40; 3 blockers (at most 0): mainframe/exec-cics, mainframe/vsam-dataset, platform-and-sla/mainframe-host',
      'cloudready: gate failed: order-management: score 33 is below 40',
      'cloudready: gate failed: risk-batch: score 15 is below 40; 2 blockers (at most 0): licensing/licence-server, platform-and-sla/node-locked-licence',
    ]);
  });

  it('--fail-on fails on a severity or worse; without thresholds there is no gate', () => {
    const run = runCli(['scan', DEMO, '--fail-on', 'blocker', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(json(run).gate?.failures.map((failure) => failure.applicationId)).toEqual([
      'card-authorisation',
      'risk-batch',
    ]);
    expect(json(runCli(['scan', DEMO, '--format', 'json'])).gate).toBeUndefined();
  });

  it('takes thresholds per application from cloudready.yaml, and a bad threshold is a usage error', async () => {
    const dir = await ledger(['  static final String URL = "http://10.20.4.17/ledger";'], {
      'cloudready.yaml': 'gate:\n  failUnder: 99\n  applications:\n    ledger: { failUnder: 50 }\n',
    });
    expect(runCli(['scan', dir, '--quiet']).code).toBe(0);
    const strict = await ledger(['  static final String URL = "http://10.20.4.17/ledger";'], {
      'cloudready.yaml': 'gate:\n  failOn: major\n',
    });
    expect(runCli(['scan', strict, '--quiet']).stderr).toContain(
      'cloudready: gate failed: ledger: 1 finding of severity major or worse: networking/hardcoded-ip',
    );
    const bad = runCli(['scan', dir, '--max-blockers', 'none']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--max-blockers <n>' argument 'none' is invalid");
  });
});

describe('baselines', () => {
  it('a finding that moved stays old, a new place or a new rule is new, and only what is new fails the gate', async () => {
    const before = await ledger(['  static final String PRIMARY = "http://10.20.4.17/ledger";']);
    const baselineFile = path.join(before, 'baseline.json');
    expect(runCli(['scan', before, '--format', 'json', '--output', baselineFile, '--quiet']).code).toBe(0);

    // Lines shift: the same address, two lines further down.
    const moved = await ledger([
      '  // the primary ledger',
      '  // (see the runbook)',
      '  static final String PRIMARY = "http://10.20.4.17/ledger";',
    ]);
    const same = runCli(['scan', moved, '--baseline', baselineFile, '--fail-on', 'major', '--format', 'json']);
    expect(same.code).toBe(0);
    expect(json(same).findings.find((f) => f.ruleId === 'networking/hardcoded-ip')?.baselineState).toBe('existing');
    expect(json(same).baseline).toMatchObject({ new: 0, changed: 0, fixed: [] });

    // A second address, and a new kind of problem.
    const grown = await ledger(
      [
        '  static final String PRIMARY = "http://10.20.4.17/ledger";',
        '  static final String BACKUP = "http://10.20.4.18/ledger";',
      ],
      { 'ledger/src/main/java/acme/Export.java': EXPORT },
    );
    const worse = runCli(['scan', grown, '--baseline', baselineFile, '--fail-on', 'major', '--format', 'json']);
    expect(worse.code).toBe(1);
    const states = Object.fromEntries(
      json(worse)
        .findings.filter((f) => f.severity !== 'info' && f.severity !== 'minor')
        .map((f) => [f.ruleId, f.baselineState]),
    );
    expect(states).toMatchObject({ 'networking/hardcoded-ip': 'changed', 'state-and-storage/local-file-write': 'new' });
    expect(worse.stderr).toContain('2 new findings of severity major or worse');

    // The address removed: fixed.
    const cleaned = await ledger(['  static final String PRIMARY = System.getenv("LEDGER_URL");']);
    const better = json(runCli(['scan', cleaned, '--baseline', baselineFile, '--format', 'json']));
    expect(better.baseline?.fixed.map((f) => f.id)).toEqual([
      'networking/hardcoded-ip@ledger',
      'observability/no-tracing@ledger',
    ]);
  });

  it('a baseline that is not a result is a usage error naming the file', async () => {
    const dir = await makeTree({ 'ledger/pom.xml': POM, 'old.json': '{"hello": 1}' });
    const run = runCli(['scan', dir, '--baseline', path.join(dir, 'old.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/old\.json: not a cloudready result: applications/);
  });

  it('cloudready diff prints score changes, new and fixed findings', async () => {
    const a = await ledger(['  static final String PRIMARY = "http://10.20.4.17/ledger";']);
    const b = await ledger([], { 'ledger/src/main/java/acme/Export.java': EXPORT });
    const [oldFile, newFile] = [path.join(a, 'r.json'), path.join(b, 'r.json')];
    runCli(['scan', a, '--format', 'json', '--output', oldFile, '--quiet']);
    runCli(['scan', b, '--format', 'json', '--output', newFile, '--quiet']);
    const table = runCli(['diff', oldFile, newFile]);
    expect(table.code).toBe(0);
    // Applications by the name the portfolio table shows, the rule to look up in brackets.
    expect(table.stdout).toContain(
      '+ major   ledger: Writes to the local file system [state-and-storage/local-file-write]',
    );
    expect(table.stdout).toContain('- major   ledger: Hard-coded IP addresses [networking/hardcoded-ip]');
    const diff = JSON.parse(runCli(['diff', oldFile, newFile, '--format', 'json']).stdout) as {
      scores: { applicationId: string; change: number; effort?: { before: number; after: number } }[];
    };
    expect(diff.scores).toHaveLength(1);
    expect(diff.scores[0]).toMatchObject({ applicationId: 'ledger', name: 'ledger', before: 88, after: 88, change: 0 });
    // One fix and one new finding of other efforts: the effort moves though the score does not.
    expect(diff.scores[0]!.effort!.before).not.toBe(diff.scores[0]!.effort!.after);
  });

  it('cloudready diff shows strategy, effort and wave changes, and warns when two results are not one portfolio', async () => {
    const dir = await makeTree({});
    const saved = path.join(dir, 'demo.json');
    runCli(['scan', DEMO, '--format', 'json', '--output', saved, '--quiet']);
    // The same portfolio later: billing-service refactored instead of rehosted, with more effort, a wave later.
    const later = JSON.parse(await fs.readFile(saved, 'utf8')) as ScanResult;
    const billing = later.applications.find((app) => app.id === 'billing-service')!;
    const wasStrategy = billing.strategy;
    const wasEffort = billing.effort;
    const wasWave = later.waves.waves.find((wave) => wave.applications.includes('billing-service'))!;
    billing.strategy = wasStrategy === 'refactor' ? 'replatform' : 'refactor';
    billing.effort = wasEffort + 10;
    wasWave.applications = wasWave.applications.filter((id) => id !== 'billing-service');
    later.waves.waves.push({ ...wasWave, number: 99, applications: ['billing-service'], groups: [] });
    const laterFile = path.join(dir, 'later.json');
    await fs.writeFile(laterFile, JSON.stringify(later));
    const diff = JSON.parse(runCli(['diff', saved, laterFile, '--format', 'json']).stdout) as {
      warning?: string;
      scores: { applicationId: string; strategy?: object; effort?: object; wave?: object }[];
    };
    expect(diff.warning).toBeUndefined();
    expect(diff.scores.find((entry) => entry.applicationId === 'billing-service')).toMatchObject({
      strategy: { before: wasStrategy, after: billing.strategy },
      effort: { before: wasEffort, after: wasEffort + 10 },
      wave: { before: wasWave.number, after: 99 },
    });
    expect(
      diff.scores.filter((entry) => entry.strategy || entry.effort || entry.wave).map((entry) => entry.applicationId),
    ).toEqual(['billing-service']);
    const table = runCli(['diff', saved, laterFile]);
    expect(table.stdout).toContain(
      `strategy ${wasStrategy} → ${billing.strategy}, effort ${wasEffort} → ${wasEffort + 10} person-days, wave ${wasWave.number} → 99`,
    );
    // A finding of an application with a display name of its own is shown under that name.
    const renamed = JSON.parse(await fs.readFile(laterFile, 'utf8')) as ScanResult;
    renamed.findings = renamed.findings.filter((finding) => finding.ruleId !== 'middleware/wcf');
    await fs.writeFile(laterFile, JSON.stringify(renamed));
    expect(runCli(['diff', saved, laterFile]).stdout).toContain('- major   Billing: WCF services [middleware/wcf]');
    // Two unrelated portfolios: said on stderr, and in the JSON.
    const shop = path.join(dir, 'shop.json');
    runCli(['scan', path.join(path.dirname(DEMO), 'monolith-shop'), '--format', 'json', '--output', shop, '--quiet']);
    const unrelated = runCli(['diff', saved, shop]);
    expect(unrelated.code).toBe(0);
    expect(unrelated.stderr).toContain(
      'the two results share 0 of their 9 and 1 applications: they look like two different portfolios',
    );
  });
});

describe('pipeline formats', () => {
  it('SARIF validates against the official SARIF 2.1.0 schema, with rules, help, locations and fingerprints', async () => {
    const run = runCli(['scan', DEMO, '--format', 'sarif']);
    expect(run.code).toBe(0);
    const sarif = JSON.parse(run.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
          partialFingerprints: Record<string, string>;
        }[];
      }[];
    };
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(
      await fs.readFile(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    ) as object;
    // The schema's own language-tag pattern is not valid with the u flag: compile without it.
    // A CommonJS module: its class is the default export's default.
    type AjvClass = new (options: object) => {
      compile: (schema: object) => ((data: unknown) => boolean) & { errors?: unknown[] | null };
    };
    const Ajv = ((AjvDraft04 as unknown as { default?: AjvClass }).default ?? AjvDraft04) as unknown as AjvClass;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [only] = sarif.runs;
    expect(only!.tool.driver.rules.find((rule) => rule.id === 'mainframe/exec-cics')?.help.text).toContain(
      'What to do:',
    );
    const cics = only!.results.find((result) => result.ruleId === 'mainframe/exec-cics');
    expect(cics?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'card-authorisation/cobol/CAUTH01.cbl', uriBaseId: '%SRCROOT%' },
      region: { startLine: 30 },
    });
    expect(cics?.partialFingerprints['cloudready/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(sarif)).not.toContain('Winter2014!');
  });

  it('JUnit has one test case per application, failing where the gate fails', () => {
    const run = runCli(['scan', DEMO, '--format', 'junit', '--max-blockers', '0']);
    expect(run.code).toBe(1);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(run.stdout) as {
      testsuites: {
        '@_tests': string;
        '@_failures': string;
        testsuite: { testcase: { '@_classname': string; failure?: { '@_message': string } }[] };
      };
    };
    expect(parsed.testsuites['@_tests']).toBe('9');
    expect(parsed.testsuites['@_failures']).toBe('2');
    const cases = parsed.testsuites.testsuite.testcase;
    expect(cases.filter((testCase) => testCase.failure).map((testCase) => testCase['@_classname'])).toEqual([
      'cloudready.card-authorisation',
      'cloudready.risk-batch',
    ]);
    expect(
      cases.find((testCase) => testCase['@_classname'] === 'cloudready.risk-batch')?.failure?.['@_message'],
    ).toContain('2 blockers (at most 0)');
  });

  it('Markdown fits a pull-request comment: verdict, table, findings; scanned text cannot inject markup', async () => {
    const run = runCli(['scan', DEMO, '--format', 'markdown', '--fail-under', '30']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^## cloudready migration readiness\n\n\*\*Gate failed\*\* for 2 applications:/);
    expect(run.stdout).toContain('| catalog-service | 100 | rehost (replatform) | 0 | 0 | 0 |');
    const dir = await makeTree({
      'evil/pom.xml': POM.replace('ledger', 'evil'),
      'evil/src/main/java/acme/E.java':
        'package acme;\npublic class E { String u = "http://10.9.9.9/<script>alert(1)</script>|`x`"; }\n',
    });
    const evil = runCli(['scan', dir, '--format', 'markdown']);
    expect(evil.stdout).not.toContain('<script>');
    // A file name with a pipe, backtick runs and HTML stays inside one code span of one cell.
    const named = await makeTree({
      'evil/pom.xml': POM.replace('ledger', 'evil'),
      'evil/src/main/java/acme/P|`t``s`<img src=x>.java':
        'package acme;\npublic class P { String u = "http://10.9.9.9/x"; }\n',
    });
    const table = runCli(['scan', named, '--format', 'markdown']).stdout;
    expect(table).toContain('``` evil/src/main/java/acme/P\\|`t``s`<img src=x>.java:2 ```');
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    const rows = table
      .split('\n')
      .filter((line) => line.startsWith('| ') && line.includes('10.9.9.9') === false && line.includes('evil/src'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(cells(row)).toBe(cells('| Severity | Application | Finding | Where |'));
  });
});

describe('cloudready explain', () => {
  it('shows the score finding by finding, the dimensions, confidence, strategy and effort', () => {
    const run = runCli(['explain', 'card-authorisation', DEMO]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('card-authorisation: score 7, retain (else refactor)');
    expect(run.stdout).toMatch(/blocker {2}mainframe\/exec-cics +× 0\.50 +50\.00/);
    expect(run.stdout).toContain('a blocker caps the score at 30');
    expect(run.stdout).toContain('Runner-up: refactor');
    // Each finding that moved the score shows its most decisive places, with the code around them.
    expect(run.stdout).toContain('Where: the most decisive places of each finding that moved the score');
    expect(run.stdout).toMatch(
      /blocker +mainframe\/exec-cics: EXEC CICS commands in \d+ places\n +card-authorisation\/cobol\/CAUTH01\.cbl:30\n/,
    );
    expect(run.stdout).toContain("    >    30  003000      EXEC CICS RECEIVE MAP('CAUTHM1') MAPSET('CAUTHMS')");
    expect(run.stdout).toMatch(/… \d+ more places \(--format json lists them\)/);
    // Info findings add no effort.
    expect(run.stdout.slice(run.stdout.indexOf('Effort:'), run.stdout.indexOf('Where:'))).not.toMatch(
      / info | architecture\/calls-other-applications/,
    );
    const missing = runCli(['explain', 'nope', DEMO]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cloudready: no application nope');
  });
});
