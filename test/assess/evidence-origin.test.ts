import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

const POM = `<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>orders</artifactId><version>1.0</version>
  <dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId><version>3.3.0</version></dependency></dependencies>
</project>`;

/** A small Spring service with the same file write in production code, a test and a copied library. */
const SERVICE = {
  'orders/pom.xml': POM,
  'orders/src/main/java/acme/Export.java':
    'package acme;\nimport java.nio.file.*;\npublic class Export { void run(byte[] d) throws Exception { Files.write(Paths.get("exports", "orders.csv"), d); } }\n',
  'orders/src/test/java/acme/ExportTest.java':
    'package acme;\nimport java.nio.file.*;\nclass ExportTest { void setUp() throws Exception { Files.write(Paths.get("target", "fixture.csv"), new byte[0]); Files.delete(Paths.get("target", "old.csv")); } }\n',
  'orders/src/main/resources/application.properties': 'catalog.url=http://localhost:8081/api\n',
  'orders/src/main/resources/messages_de.properties': 'login.password=Passwort\n',
  'orders/src/main/java/acme/Gateway.java':
    'package acme;\npublic class Gateway { static final String API_KEY = "k-7f3a9c2e55d1"; static final String PASSWORD = "password"; }\n',
  'orders/.gitattributes': 'src/main/java/acme/generated/** linguist-generated\n',
  'orders/src/main/java/acme/generated/Client.java':
    'package acme.generated;\nimport java.nio.file.*;\npublic class Client { void save() throws Exception { Files.write(Paths.get("cache.bin"), new byte[0]); } }\n',
  // A demo inside samples/: an application with no production code at all.
  'samples/demo/package.json': '{ "name": "demo", "version": "1.0.0", "dependencies": { "express": "^4.19.2" } }',
  'samples/demo/server.js':
    "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('hi'));\n",
};

describe('where evidence comes from', () => {
  it('counts production places only, lists the rest apart with their origin, and says so in the message', async () => {
    const root = await makeTree(SERVICE);
    const result = await scan({ paths: [root], cwd: root, evidenceLimit: 100 });
    const write = result.findings.find((finding) => finding.id === 'state-and-storage/local-file-write@orders');
    expect(write?.evidence.map((item) => [item.file, item.origin])).toEqual([
      ['orders/src/main/java/acme/Export.java', 'production'],
    ]);
    expect(write?.message).toBe('Writes to the local file system (1 place)');
    const apart = result.uncounted.find((finding) => finding.id === 'state-and-storage/local-file-write@orders');
    expect(apart?.evidence.map((item) => [item.file, item.line, item.origin])).toEqual([
      ['orders/src/test/java/acme/ExportTest.java', 3, 'test'],
      ['orders/src/main/java/acme/generated/Client.java', 3, 'generated'],
    ]);
    expect(apart?.message).toBe('Writes to the local file system (2 places in test, generated code)');
    // The generated client does not count as the application's own lines.
    expect(result.applications.find((app) => app.id === 'orders')?.languages.java).toBeLessThan(10);
  });

  it('reports a localhost URL once, as a localhost dependency, not also as a hard-coded host', async () => {
    const root = await makeTree(SERVICE);
    const result = await scan({ paths: [root], cwd: root });
    const rules = result.findings
      .filter((finding) => finding.applicationId === 'orders')
      .map((finding) => finding.ruleId);
    expect(rules).toContain('networking/localhost-dependency');
    expect(rules).not.toContain('networking/hardcoded-host');
  });

  it('finds a key written into code, not a field name, and never a label in a message bundle', async () => {
    const root = await makeTree(SERVICE);
    const result = await scan({ paths: [root], cwd: root });
    const inCode = result.findings.find((finding) => finding.id === 'security/secret-in-code@orders');
    expect(inCode?.evidence.map((item) => item.snippet)).toEqual(['API_KEY (key, value hidden)']);
    expect(JSON.stringify(result)).not.toContain('k-7f3a9c2e55d1');
    expect(result.findings.find((finding) => finding.id === 'security/plaintext-password@orders')).toBeUndefined();
  });

  it('counts tests too with --include-context test; a build inside samples/ is no application, listed outside with the reason', async () => {
    const root = await makeTree(SERVICE);
    const result = await scan({ paths: [root], cwd: root, includeContext: ['test'] });
    expect(
      result.findings.find((finding) => finding.id === 'state-and-storage/local-file-write@orders')?.evidenceCount,
    ).toBe(2);
    expect(result.applications.map((app) => app.path)).toEqual(['orders']);
    expect(result.outside).toEqual([
      { path: 'samples/demo', kind: 'example', reason: 'samples, examples and course material', files: 2 },
    ]);
    expect(result.findings.some((finding) => finding.applicationId !== 'orders')).toBe(false);
  });
});

describe('what the evidence behind a verdict is worth', () => {
  it('says when the strategy rests on one place, and when most places found do not count', async () => {
    const { weighEvidence } = await import('../../src/assess/confidence.js');
    const finding = (ruleId: string, severity: 'major' | 'minor', places: number, line = 12) => ({
      id: `${ruleId}@app`,
      ruleId,
      applicationId: 'app',
      severity,
      category: 'state',
      title: ruleId,
      message: ruleId,
      effort: 5,
      remediation: 'fix',
      evidence: places > 0 ? [{ file: 'app/src/Cart.java', line, origin: 'production' as const }] : [],
      evidenceCount: places,
      fingerprint: 'f',
    });
    const high = {
      score: 100,
      level: 'high' as const,
      reasons: ['every file read, an extractor for every language, hosts known'],
    };
    const session = finding('state-and-storage/http-session', 'major', 1);
    const weighed = weighEvidence(
      high,
      [session],
      [finding('state-and-storage/local-file-write', 'major', 40)],
      [session],
    );
    expect(weighed).toEqual({
      score: 80,
      level: 'high',
      reasons: [
        'the strategy rests on one place: state-and-storage/http-session at app/src/Cart.java:12; check it (−10)',
        '40 of 41 places found are in tests, copied libraries, samples or tooling and do not count (−10)',
      ],
    });
    // Many places behind the deciding finding, most of them counted: nothing to add.
    const many = finding('middleware/jms', 'major', 12);
    expect(weighEvidence(high, [many], [], [many])).toBe(high);
  });
});
