import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScanResult } from '../../src/result/schema.js';
import { makeTree } from '../helpers/temp-tree.js';
import { DEMO, REPO, runCli } from '../helpers/run-cli.js';

// eslint-disable-next-line no-control-regex -- detecting ANSI escape codes is the point
const ANSI = /\u001b\[/;
const version = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')).version as string;

describe('cloudready CLI: usage', () => {
  it('--help lists the commands; scan --help shows options and examples', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('scan [options] [paths...]');
    const scanHelp = runCli(['scan', '--help']);
    expect(scanHelp.code).toBe(0);
    for (const text of [
      '--format <format>',
      '--output <file>',
      '--config <file>',
      '--quiet',
      '--no-color',
      '--no-progress',
      '--debug',
      'Examples:',
      'Exit codes',
    ]) {
      expect(scanHelp.stdout).toContain(text);
    }
  });

  it('--version prints the package version', () => {
    expect(runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('without a command, shows help and exits 2', () => {
    const run = runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: cloudready');
  });

  it('a wrong flag or format is a usage error (exit 2) with one clear line and no stack trace', () => {
    const flag = runCli(['scan', DEMO, '--formt', 'json']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--formt'/);
    expect(flag.stderr).toContain('Did you mean --format?');
    const format = runCli(['scan', DEMO, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are table, json');
    expect(format.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cloudready scan --include-context', () => {
  it('counts tests only when asked, says so under the table, and refuses an origin it does not know', async () => {
    const root = await makeTree({
      'orders/package.json': '{ "name": "orders", "version": "1.0.0", "dependencies": { "express": "^4.19.2" } }',
      'orders/server.js':
        "const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.send('ok'));\n",
      'orders/test/export.test.js': "const fs = require('fs');\nfs.writeFileSync('/tmp/orders.csv', 'id');\n",
    });
    const plain = runCli(['scan', root, '--no-cache']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain(
      '2 more findings only in test code, not counted (--include-context test counts them; --format json: uncounted)',
    );
    const json = runCli(['scan', root, '--no-cache', '--include-context', 'test', '--format', 'json']);
    expect(json.code).toBe(0);
    const result = ScanResult.parse(JSON.parse(json.stdout));
    expect(
      result.findings
        .find((finding) => finding.ruleId === 'state-and-storage/local-file-write')
        ?.evidence.map((item) => [item.file, item.origin]),
    ).toEqual([['orders/test/export.test.js', 'test']]);
    expect(result.uncounted).toEqual([]);
    const wrong = runCli(['scan', root, '--include-context', 'tests']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'Expected a comma-separated list of production, test, build, ci, dev-config, vendored, generated, docs, sample; not tests.',
    );
  });
});

describe('cloudready scan: the demo portfolio', () => {
  it('prints the portfolio table and top findings, without colour when not on a terminal', () => {
    const run = runCli(['scan', 'fixtures/demo-portfolio']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stdout).toMatch(/Application\s+│\s+Kind\s+│\s+Score\s+│\s+Strategy/);
    expect(run.stdout).toMatch(/catalog-service\s+│ service\s+│\s+100 │ rehost/);
    expect(run.stdout).toMatch(/card-authorisation\s+│ mainframe │\s+\d+ │ retain/);
    // The Go rules engine inside fraud-scoring runs a process of its own: the call is shown, with how to reverse it.
    expect(run.stdout).toContain('1 boundary call to check');
    expect(run.stdout).toContain('BLOCKER  card-authorisation: EXEC CICS commands');
    expect(run.stdout).toContain('card-authorisation/cobol/CAUTH01.cbl:30');
    expect(run.stderr).toBe('');
  });

  it('colours a pipe only when FORCE_COLOR asks, and never against NO_COLOR, --no-color or into a file', async () => {
    expect(runCli(['scan', DEMO], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(runCli(['scan', DEMO], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(runCli(['scan', DEMO, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    const out = path.join(await makeTree({}), 'table.txt');
    runCli(['scan', DEMO, '--output', out], { env: { FORCE_COLOR: '1' } });
    expect(await fs.readFile(out, 'utf8')).not.toMatch(ANSI);
  });

  it('writes JSON that validates against the schema, to a file or to stdout', async () => {
    const out = path.join(await makeTree({}), 'result.json');
    const run = runCli(['scan', 'fixtures/demo-portfolio', '--format', 'json', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`wrote ${out} (9 applications`);
    const written = ScanResult.parse(JSON.parse(await fs.readFile(out, 'utf8')));
    expect(written.roots).toEqual(['fixtures/demo-portfolio']);
    expect(written.applications).toHaveLength(9);
    expect(written.applications.every((app) => app.score >= 0 && app.score <= 100 && app.strategy)).toBe(true);

    const stdout = runCli(['scan', DEMO, '-f', 'json', '--quiet']);
    expect(stdout.code).toBe(0);
    expect(stdout.stderr).toBe('');
    const parsed = ScanResult.parse(JSON.parse(stdout.stdout));
    expect({ ...parsed, scannedAt: '', roots: [] }).toEqual({ ...written, scannedAt: '', roots: [] });
  });

  it('--low-memory changes how memory is collected, never the result; scan, merge and explain take it', async () => {
    const plain = runCli(['scan', DEMO, '-f', 'json', '--quiet', '--no-cache']);
    const low = runCli(['scan', DEMO, '-f', 'json', '--quiet', '--no-cache', '--low-memory']);
    expect(low.code).toBe(0);
    expect({ ...JSON.parse(low.stdout), scannedAt: '' }).toEqual({ ...JSON.parse(plain.stdout), scannedAt: '' });
    const from = path.join(await makeTree({}), 'result.json');
    await fs.writeFile(from, plain.stdout);
    expect(runCli(['explain', 'order-management', '--from', from, '--low-memory']).code).toBe(0);
    expect(runCli(['merge', '--help']).stdout).toContain('--low-memory');
  });
});

describe('cloudready scan: edge cases', () => {
  it('a path that does not exist: one clear line, exit 2', () => {
    const run = runCli(['scan', 'no/such/folder']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'cloudready: no/such/folder: no such file or folder\n  Check the path; scan takes folders or files to analyse.\n',
    );
    expect(run.stdout).toBe('');
  });

  it('an empty folder: no applications, exit 0, and the table says what cloudready looks for', async () => {
    const dir = await makeTree({});
    const table = runCli(['scan', dir]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('No applications found');
    const json = runCli(['scan', dir, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      applications: [],
      findings: [],
      summary: { applications: 0, files: 0 },
    });
    expect(json.stderr).toContain('no applications found');
  });

  it('a folder with documents but no application', async () => {
    const dir = await makeTree({
      'README.md': '# Architecture notes',
      'diagrams/estate.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ applications: [], summary: { files: 2 } });
  });

  it('a single file is scanned as an application of its own', async () => {
    const run = runCli(['scan', path.join(DEMO, 'card-authorisation/cobol/CAUTH01.cbl'), '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.applications.map((app) => [app.id, app.name, app.detectedBy, app.files])).toEqual([
      ['cauth01', 'CAUTH01', 'mainframe', 1],
    ]);
    expect(result.findings.map((f) => f.ruleId)).toContain('mainframe/exec-cics');
    expect(result.findings[0]?.evidence[0]?.file).toBe('CAUTH01.cbl');
  });

  it('an unreadable manifest: the report is still written, the diagnostic names file and line; exit 0, or 2 with --strict', async () => {
    const dir = await makeTree({
      'orders/pom.xml': '<project>\n  <dependencies>\n    <dependency>\n</project>\n',
      'orders/src/Main.java': 'class Main { javax.servlet.http.HttpSession s; }',
      'shop/package.json': '{ "dependencies": { "express": "^4" } }',
    });
    const lenient = runCli(['scan', dir, '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(
      'cloudready: 1 input could not be read; the report says what was skipped (--strict makes this exit 2)',
    );
    const run = runCli(['scan', dir, '--format', 'json', '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cloudready: orders/pom.xml:4: malformed XML');
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.applications.map((app) => app.id)).toEqual(['orders', 'shop']);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'parse-error', file: 'orders/pom.xml', line: 4 }),
    ]);
    expect(result.findings.map((f) => f.id)).toContain('state-and-storage/http-session@orders');

    const table = runCli(['scan', dir]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/1 input problem .*\n\s+error orders\/pom\.xml:4 malformed XML/);
  });

  it('a source file that does not parse: a warning with file, line and column; the rest of the scan goes on', async () => {
    const dir = await makeTree({
      'shop/pom.xml': '<project><packaging>war</packaging></project>',
      'shop/src/Broken.java': 'package shop;\nclass Broken {\n  void f( {\n}\n',
      'shop/src/Session.java':
        'package shop;\nimport javax.servlet.http.HttpSession;\nclass Session { HttpSession s; }\n',
    });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'parse-error',
        file: 'shop/src/Broken.java',
        line: expect.any(Number),
        message: expect.stringMatching(/Java syntax error \(column \d+\)/),
      }),
    ]);
    expect(result.findings.map((f) => f.id)).toContain('state-and-storage/http-session@shop');
    expect(result.graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['unit:shop:shop.Broken', 'unit:shop:shop.Session']),
    );
  });

  it('binary files with source extensions are skipped with a warning, not an error', async () => {
    const dir = await makeTree({
      'app/package.json': '{}',
      'app/lib/blob.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
    });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'binary-file', file: 'app/lib/blob.js' }),
    ]);
    expect(result.summary.skippedFiles).toBe(1);
  });
});

describe('cloudready scan: several roots', () => {
  it('labels each root so ids and paths stay unique and readable', async () => {
    const first = await makeTree({
      'orders/pom.xml': '<project><packaging>war</packaging></project>',
      'orders/src/Export.java': 'class E { void w() throws Exception { new java.io.FileWriter("/var/x"); } }',
    });
    const second = await makeTree({ 'orders/package.json': '{}' });
    const result = JSON.parse(runCli(['scan', first, second, '--format', 'json']).stdout) as ScanResult;
    const [a, b] = [path.basename(first), path.basename(second)];
    expect(result.roots).toEqual([first, second]);
    expect(result.applications.map((app) => app.path).sort()).toEqual([`${a}/orders`, `${b}/orders`].sort());
    expect(new Set(result.applications.map((app) => app.id)).size).toBe(2);
    const write = result.findings.find((f) => f.ruleId === 'state-and-storage/local-file-write');
    expect(write?.evidence[0]?.file).toBe(`${a}/orders/src/Export.java`);
  });
});

describe('cloudready scan: inventories', () => {
  const INVENTORY =
    'version: 1\nhosts:\n  - id: box1\n    platform: Solaris\n    os: { name: Solaris, version: "10" }\napplications:\n  - id: shop\n    hosts: [box1]\n';

  it('--inventory reads inventories kept outside the scanned folder; their findings follow', async () => {
    const dir = await makeTree({ 'shop/package.json': '{}' });
    const elsewhere = await makeTree({ 'cmdb/estate.yaml': INVENTORY });
    const run = runCli(['scan', dir, '--format', 'json', '--inventory', path.join(elsewhere, 'cmdb/estate.yaml')]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['platform-and-sla/unix-host@shop', 'platform-and-sla/end-of-life-os@shop']),
    );
    expect(result.graph.edges).toContainEqual({
      source: 'app:shop',
      target: 'host:box1',
      kind: 'runs-on',
      attributes: { via: 'inventory' },
    });
  });

  it("cloudready.yaml maps a CMDB export's columns; a group-placed application gets its host's findings; the summary counts records", async () => {
    const dir = await makeTree({
      'cloudready.yaml': [
        'inventories:',
        '  - path: exports/cmdb.csv',
        '    format: cmdb-csv',
        '    columns: { id: CI Name, os: Operating System, cores: CPU Count, groups: Service }',
      ].join('\n'),
      'ledger/pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>ledger</artifactId><version>1</version><packaging>war</packaging></project>',
      'exports/cmdb.csv':
        'CI Name,Operating System,CPU Count,Service\nsun-ledger01,Solaris 10,16,Ledger\n,Solaris 10,16,Ledger\n',
    });
    const run = runCli(['scan', dir, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.inventories).toEqual([
      { file: 'exports/cmdb.csv', format: 'cmdb-csv', imported: 1, ignored: 0, rejected: 1 },
    ]);
    expect(result.diagnostics).toEqual([
      {
        level: 'info',
        code: 'config-in-tree',
        file: 'cloudready.yaml',
        message: 'settings from cloudready.yaml in the scanned folder applied: 1 inventory file',
      },
      expect.objectContaining({
        level: 'warning',
        file: 'exports/cmdb.csv',
        line: 3,
        message: 'record rejected: the id column "CI Name" is blank',
      }),
    ]);
    expect(result.graph.edges).toContainEqual({
      source: 'app:ledger',
      target: 'host:sun-ledger01',
      kind: 'runs-on',
      attributes: { via: 'group' },
    });
    expect(result.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['platform-and-sla/unix-host@ledger', 'platform-and-sla/end-of-life-os@ledger']),
    );
    const table = runCli(['scan', dir], { cwd: dir });
    expect(table.stdout).toContain(
      'Inventories: 1 file (cmdb-csv): 1 record imported, 1 rejected; 1 host, 0 connections',
    );
    expect(table.stdout).toContain('exports/cmdb.csv:3 record rejected: the id column "CI Name" is blank');
  });

  it('a missing inventory file stops with one clear line; a file in another format is an error diagnostic (exit 2 with --strict)', async () => {
    const dir = await makeTree({ 'shop/package.json': '{}', 'notes/hosts.csv': 'host,ip\nweb01,10.0.0.1\n' });
    const missing = runCli(['scan', dir, '--inventory', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cloudready: nope.yaml: inventory file not found');
    // --inventory takes every argument after it: a folder to scan there is told apart from a missing file.
    const folder = runCli(['scan', '--inventory', path.join(dir, 'notes/hosts.csv'), dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('a folder, not an inventory file');
    expect(folder.stderr).toContain('put it before --inventory');
    const other = runCli([
      'scan',
      dir,
      '--format',
      'json',
      '--strict',
      '--inventory',
      path.join(dir, 'notes/hosts.csv'),
    ]);
    expect(other.code).toBe(2);
    expect((JSON.parse(other.stdout) as ScanResult).diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'inventory-format' }),
    ]);
  });
});

describe('cloudready in a pipe', () => {
  it('a reader that stops early (| head) ends the run quietly, without EPIPE', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(REPO, 'bin/cloudready.js'), 'scan', DEMO, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});

describe('cloudready scan: configuration', () => {
  it('cloudready-ignore comments and rules.ignore suppress findings, and the result says what was suppressed and why', async () => {
    const dir = await makeTree({
      'cloudready.yaml': [
        'rules:',
        '  ignore:',
        '    - rule: delivery/no-ci',
        '      paths: [legacy/]',
        '      reason: built by the mainframe team',
        '    - rule: networking/*',
        '      paths: ["**/test-data/**"]',
      ].join('\n'),
      'legacy/pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>legacy</artifactId><version>1</version><packaging>war</packaging></project>',
      'legacy/src/main/java/acme/Ledger.java': [
        'package acme;',
        'public class Ledger {',
        '  // cloudready-ignore: networking/hardcoded-ip documentation example, never used',
        '  static final String EXAMPLE = "http://192.0.2.10/ledger";',
        '  static final String PRIMARY = "http://10.20.4.17/ledger";',
        '  static final String BACKUP = "http://10.20.4.18/ledger"; // cloudready-ignore: * replaced in the cloud by DNS',
        '}',
      ].join('\n'),
      'legacy/src/main/resources/test-data/hosts.properties': 'fixture.host=10.1.1.1\n',
    });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    const ip = result.findings.find((f) => f.id === 'networking/hardcoded-ip@legacy');
    expect(ip?.evidence.map((e) => e.line)).toEqual([5]);
    expect(result.findings.map((f) => f.ruleId)).not.toContain('delivery/no-ci');
    expect(result.suppressed).toEqual([
      {
        findingId: 'delivery/no-ci@legacy',
        ruleId: 'delivery/no-ci',
        applicationId: 'legacy',
        by: 'config',
        reason: 'built by the mainframe team',
      },
      {
        findingId: 'networking/hardcoded-ip@legacy',
        ruleId: 'networking/hardcoded-ip',
        applicationId: 'legacy',
        file: 'legacy/src/main/java/acme/Ledger.java',
        line: 4,
        by: 'inline',
        reason: 'documentation example, never used',
      },
      {
        findingId: 'networking/hardcoded-ip@legacy',
        ruleId: 'networking/hardcoded-ip',
        applicationId: 'legacy',
        file: 'legacy/src/main/java/acme/Ledger.java',
        line: 6,
        by: 'inline',
        reason: 'replaced in the cloud by DNS',
      },
      {
        findingId: 'networking/hardcoded-ip@legacy',
        ruleId: 'networking/hardcoded-ip',
        applicationId: 'legacy',
        file: 'legacy/src/main/resources/test-data/hosts.properties',
        line: 1,
        by: 'config',
      },
      // "*" silences every rule on that line, the tracing rule's evidence too.
      {
        findingId: 'observability/no-tracing@legacy',
        ruleId: 'observability/no-tracing',
        applicationId: 'legacy',
        file: 'legacy/src/main/java/acme/Ledger.java',
        line: 6,
        by: 'inline',
        reason: 'replaced in the cloud by DNS',
      },
    ]);
    const table = runCli(['scan', dir]);
    expect(table.stdout).toContain('5 places in 3 findings suppressed by cloudready-ignore comments or rules.ignore');
  });

  it('reads cloudready.yaml from the scanned folder: declared applications, disabled rules, severity overrides', async () => {
    const dir = await makeTree({
      'cloudready.yaml': [
        'applications:',
        '  - path: platform',
        '    name: Trading Platform',
        'rules:',
        '  disable: [delivery/no-container-image, delivery/no-ci, delivery/no-tests, delivery/no-infrastructure-as-code]',
        '  severity:',
        '    state-and-storage/http-session: blocker',
      ].join('\n'),
      'platform/web/package.json': '{ "dependencies": { "express-session": "^1" } }',
      'platform/api/go.mod': 'module acme.io/api\n',
    });
    const result = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout) as ScanResult;
    expect(result.applications.map((app) => [app.id, app.name, app.detectedBy])).toEqual([
      ['platform', 'Trading Platform', 'config'],
    ]);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['state-and-storage/http-session', 'blocker']]);
  });

  it('a config error names file, line and field, and exits 2', async () => {
    const dir = await makeTree({
      'cloudready.yaml': 'exclude: [legacy/]\nrules:\n  severity:\n    networking/hardcoded-ip: urgent\n',
    });
    const run = runCli(['scan', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cloudready.yaml:4: rules.severity.networking/hardcoded-ip: Invalid option');
    expect(run.stderr).toContain('docs/configuration.md');
  });

  it('a misspelt config key is rejected rather than ignored, and --config must exist', async () => {
    const dir = await makeTree({ 'cloudready.yaml': 'exlude: [legacy/]\n' });
    expect(runCli(['scan', dir]).stderr).toMatch(/cloudready\.yaml:1: Unrecognized key: "exlude"/);
    // A misspelt key deeper down is reported on its own line, not on its parent's.
    const nested = await makeTree({
      'cloudready.yaml': 'rules:\n  disable:\n    - delivery/no-ci\n  severty:\n    delivery/no-tests: info\n',
    });
    expect(runCli(['scan', nested]).stderr).toMatch(/cloudready\.yaml:4: rules: Unrecognized key: "severty"/);
    const missing = runCli(['scan', dir, '--config', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: config file could not be read');
  });

  it('warns about rule ids the config names but no pack defines', async () => {
    const dir = await makeTree({
      'cloudready.yaml': 'rules:\n  disable: [networking/hardcoded-ipp]\n',
      'app/go.mod': 'module x\n',
    });
    const result = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout) as ScanResult;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'unknown-rule',
        message: expect.stringContaining('networking/hardcoded-ipp'),
      }),
      expect.objectContaining({
        level: 'info',
        code: 'config-in-tree',
        message:
          'settings from cloudready.yaml in the scanned folder applied: 1 rule turned off (networking/hardcoded-ipp)',
      }),
    ]);
  });
});
