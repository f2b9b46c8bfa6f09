import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAVY, makeBadPortfolio } from '../../scripts/make-bad-portfolio.mjs';
import { BIN } from '../helpers/run-cli.js';

/**
 * The bad-input portfolio (scripts/make-bad-portfolio.mjs): every kind of input that breaks naive
 * tools, in one tree with healthy applications beside them. The scan must finish, name every
 * problem, analyse everything else and exit 2.
 */
let root: string;
let json: { code: number | null; stdout: string; stderr: string };
let result: Result;

interface Diagnostic {
  level: string;
  code: string;
  file?: string;
  line?: number;
  message: string;
}
interface Result {
  scannedAt: string;
  applications: { id: string; files: number; loc: number; languages: Record<string, number> }[];
  findings: { ruleId: string; applicationId: string; evidence: { file: string; line?: number }[] }[];
  uncounted: { ruleId: string; applicationId: string; evidence: { file: string; line?: number }[] }[];
  rulePacks: { id: string; rules: number }[];
  endpoints: { applicationId: string; host: string; file: string }[];
  diagnostics: Diagnostic[];
  summary: { inventory: { files: number; imported: number; connections: number } };
}

/** Runs as an unprivileged user when the tests run as root, so that unreadable files are unreadable. */
function scanBad(args: string[], timeout = 300_000) {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const run = spawnSync(
    process.execPath,
    [BIN, 'scan', root, '--rules', path.join(root, 'rules'), '--no-cache', ...args],
    {
      cwd: os.tmpdir(),
      env: { ...process.env, FORCE_COLOR: '' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout,
      ...asNobody,
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudready-bad-'));
  fs.rmSync(root, { recursive: true });
  await makeBadPortfolio(root);
  fs.chmodSync(root, 0o755);
  json = scanBad(['--format', 'json', '--strict']);
  result = JSON.parse(json.stdout);
}, 600_000);

afterAll(() => {
  // The locked folder must be opened again before it can be removed.
  if (root) {
    fs.chmodSync(path.join(root, 'locked/private'), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  }
});

const diagnostic = (file: string) => result.diagnostics.filter((entry) => entry.file === file);

describe('the bad-input portfolio', () => {
  it('is scanned to the end (within the five minutes the scan is given), with exit code 2 under --strict for what could not be read', () => {
    expect(json.code).toBe(2);
    expect(result.applications.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['broken-configs/src/main/resources/application.yml', 'parse-error', /^malformed YAML/, 5],
    ['broken-configs/src/main/resources/settings.json', 'parse-error', /^malformed JSON/, 4],
    ['broken-configs/src/main/resources/app.toml', 'parse-error', /^malformed TOML/, 2],
    [
      'broken-configs/src/main/webapp/WEB-INF/web.xml',
      'parse-error',
      /^malformed XML: Expected closing tag 'servlet'/,
      5,
    ],
    ['broken-manifests/package.json', 'parse-error', /^malformed JSON/, 5],
    [
      'broken-sources/src/main/java/com/acme/Truncated.java',
      'parse-error',
      /Java syntax error.*the rest of the file was analysed/,
      undefined,
    ],
    ['broken-sources/src/main/java/com/acme/Binary.java', 'binary-file', /binary data/, undefined],
    ['broken-sources/src/main/cobol/EBCDIC1.cbl', 'encoding', /EBCDIC \(IBM-037\)/, undefined],
    ['broken-sources/src/main/java/com/acme/Utf16NoBom.java', 'encoding', /UTF-16LE \(no byte order mark\)/, undefined],
    [HEAVY.hugeFile, 'file-too-large', /file is 190\.7 MiB, over the 8\.0 MiB limit/, undefined],
    [HEAVY.zipBomb, 'inventory-invalid', /inflates to 1024 MiB.*zip bomb/, undefined],
    ['inventory/RVTools-export.xlsx', 'inventory-invalid', /not a readable \.xlsx workbook/, undefined],
    ['inventory/hosts.csv', 'inventory-invalid', /^malformed CSV: Quote Not Closed/, 4],
    ['inventory/estate.yaml', 'inventory-invalid', /^malformed YAML/, 5],
    ['inventory/dependencies.json', 'inventory-invalid', /^malformed JSON/, 1],
    ['links/loop-a', 'symlink-loop', /loop/, undefined],
    ['links/dangling.java', 'broken-symlink', /points nowhere/, undefined],
    ['links/outside', 'symlink-outside-root', /out of the scanned root/, undefined],
    ['links/outside-file.properties', 'symlink-outside-root', /out of the scanned root/, undefined],
    ['links/self', 'symlink-skipped', /inside the root/, undefined],
    ['locked/private', 'unreadable-folder', /EACCES/, undefined],
    ['locked/src/main/java/Locked.java', 'unreadable-file', /EACCES/, undefined],
    ['weird-names/src/pipe.js', 'special-file', /named pipe/, undefined],
  ])('names %s and what is wrong with it (%s)', (file, code, message, line) => {
    const found = diagnostic(file);
    expect(
      found,
      JSON.stringify(
        result.diagnostics.filter((entry) => entry.file?.startsWith(file.split('/')[0]!)),
        null,
        1,
      ),
    ).toHaveLength(1);
    expect(found[0]!.code).toBe(code);
    expect(found[0]!.message).toMatch(message);
    if (line !== undefined) expect(found[0]!.line).toBe(line);
  });

  it('leaves a rule with look-around, which the linear-time engine cannot run, out, and applies the rest of its pack', () => {
    const refused = result.diagnostics.find((entry) => entry.code === 'rule-pack');
    expect(refused?.level).toBe('error');
    expect(refused?.file).toBe(path.join(root, 'rules/catastrophic.yaml'));
    expect(refused?.message).toContain('rule bad-rules/version-look-behind: regex "(?<![Vv]ersion');
    expect(refused?.message).toContain('look-around (?<!…) is not supported; left out of this scan');
    expect(result.findings.some((finding) => finding.ruleId === 'bad-rules/version-look-behind')).toBe(false);
    // A nested quantifier is no danger on a linear-time engine: the rule is loaded and runs over the line of a's.
    expect(result.rulePacks.find((pack) => pack.id === 'bad-rules')?.rules).toBe(2);
    const runs = [...result.findings, ...result.uncounted].find(
      (finding) => finding.ruleId === 'bad-rules/nested-quantifier',
    );
    expect(runs?.evidence.map((item) => `${item.file}:${item.line}`)).toEqual(['broken-sources/scripts/aaaa.sh:2']);
  });

  it('still analyses every healthy application and every readable file', () => {
    const app = (id: string) => result.applications.find((entry) => entry.id === id)!;
    expect(app('good-ledger').loc).toBeGreaterThan(5);
    expect(
      result.endpoints.some((endpoint) => endpoint.applicationId === 'good-ledger' && endpoint.host === '10.20.30.40'),
    ).toBe(true);
    expect(
      result.findings.some(
        (finding) => finding.applicationId === 'good-shop' && finding.ruleId === 'networking/hardcoded-host',
      ),
    ).toBe(true);
    expect(app('many-files').files).toBe(10_001);
    expect(app('deep-app').loc).toBe(2);
    expect(result.endpoints.some((endpoint) => endpoint.host === 'deepdb.acme.corp')).toBe(true);
    // Names with spaces, unicode, a newline and HTML are analysed like any other.
    expect(app('weird-names').files).toBe(6);
    expect(result.endpoints.some((endpoint) => endpoint.file === 'weird-names/src/with space.js')).toBe(true);
    expect(
      result.findings.some((finding) => finding.evidence.some((item) => item.file === 'weird-names/src/new\nline.js')),
    ).toBe(true);
    // Files in odd encodings are read, not skipped: EBCDIC COBOL shows its CICS, UTF-16 Java its database.
    const cics = result.findings.find(
      (finding) => finding.applicationId === 'broken-sources' && finding.ruleId === 'mainframe/exec-cics',
    );
    expect(cics?.evidence.map((item) => item.file)).toEqual(
      expect.arrayContaining(['broken-sources/src/main/cobol/EBCDIC1.cbl', 'broken-sources/src/main/cobol/LATIN1.cbl']),
    );
    expect(
      result.endpoints.filter((endpoint) => endpoint.host === '10.9.8.7').map((endpoint) => endpoint.file),
    ).toEqual([
      'broken-sources/src/main/java/com/acme/Utf16.java',
      'broken-sources/src/main/java/com/acme/Utf16NoBom.java',
    ]);
    expect(app('broken-sources').languages.python).toBeGreaterThan(0);
    // The million-row export is imported, row by row.
    expect(result.summary.inventory.imported).toBe(1_000_000);
    expect(result.summary.inventory.connections).toBeGreaterThan(10_000);
  });

  it('prints no control character from a file name or text on the terminal', () => {
    // Without --strict the report is all the verdict: unread inputs are listed, and the exit code stays 0.
    const table = scanBad(['--no-color']);
    expect(table.code).toBe(0);
    for (const output of [table.stdout, table.stderr])
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(table.stdout).toContain('broken-manifests/package.json:5');
  }, 300_000);

  it('gives the same JSON twice, byte for byte apart from the time of the scan', () => {
    const again = scanBad(['--format', 'json', '--strict']);
    expect(again.code).toBe(2);
    const withoutTime = (text: string) => text.replace(/"scannedAt": "[^"]+"/, '');
    expect(withoutTime(again.stdout)).toBe(withoutTime(json.stdout));
  }, 300_000);
});
