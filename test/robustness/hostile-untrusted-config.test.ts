import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';

const APP = {
  'shop/pom.xml': '<project><artifactId>shop</artifactId><packaging>war</packaging></project>',
  'shop/src/main/java/shop/Cart.java': 'package shop;\npublic class Cart { String host = "10.20.4.17"; }\n',
};
/** A file beside the scanned folder that a hostile repository would like printed. */
const SECRET = 'id,hostname,os\nSECRET-aws-key-AKIAEXAMPLE,web01,linux\n';

describe('a cloudready.yaml inside the scanned folder is untrusted', () => {
  it('cannot name inventories or rule packs outside the scanned folders: they are not read, and a warning says why', async () => {
    const root = await makeTree({ ...APP, 'outside/credentials.csv': SECRET, 'outside/packs/x.yaml': 'pack: x\n' });
    const scanned = path.join(root, 'shop');
    await fs.writeFile(
      path.join(scanned, 'cloudready.yaml'),
      `inventories:\n  - ${path.join(root, 'outside/credentials.csv')}\n  - ../outside/credentials.csv\nrules:\n  packs: [../outside/packs]\n  disable: [networking/hardcoded-ip]\n`,
    );
    const run = runCli(['scan', scanned, '--format', 'json'], { cwd: scanned });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('SECRET-aws-key');
    const result = JSON.parse(run.stdout);
    const codes = result.diagnostics.map((d: { code: string }) => d.code);
    expect(codes.filter((code: string) => code === 'config-outside-roots')).toHaveLength(3);
    expect(result.diagnostics.find((d: { code: string }) => d.code === 'config-in-tree').message).toBe(
      'settings from cloudready.yaml in the scanned folder applied: 1 rule turned off (networking/hardcoded-ip)',
    );
    expect(result.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('networking/hardcoded-ip');
  });

  it("the same file given with --config is the user's own and may name files anywhere", async () => {
    const root = await makeTree({
      ...APP,
      'outside/hosts.csv': 'id,hostname,os\nweb-outside-01,web-outside-01.acme.corp,linux\n',
    });
    const scanned = path.join(root, 'shop');
    const config = path.join(root, 'settings.yaml');
    await fs.writeFile(config, `inventories:\n  - ${path.join(root, 'outside/hosts.csv')}\n`);
    const run = runCli(['scan', scanned, '--format', 'json', '--config', config]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('web-outside-01');
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).not.toContain(
      'config-outside-roots',
    );
  });

  it('a cloudready.yaml that is a symbolic link out of the scanned folder is not followed, nor printed', async () => {
    const root = await makeTree({ ...APP, 'outside/shadow': 'root:SECRET-hash:19000:0:99999:7:::\n' });
    const scanned = path.join(root, 'shop');
    await fs.symlink(path.join(root, 'outside/shadow'), path.join(scanned, 'cloudready.yaml'));
    const run = runCli(['scan', scanned, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('SECRET-hash');
    expect(JSON.parse(run.stdout).diagnostics).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        code: 'config-refused',
        message:
          'cloudready.yaml not read: it is a symbolic link to a file outside the scanned folder; the scan uses the default settings',
      }),
    );
  });
});

describe('secrets whose value runs over several lines', () => {
  it('no output format shows a YAML block scalar, a .properties continuation or a setter argument beside a finding', async () => {
    const root = await makeTree({
      'shop/pom.xml': '<project><artifactId>shop</artifactId><packaging>war</packaging></project>',
      'shop/src/main/resources/application.yml':
        'spring:\n  datasource:\n    password: |\n      SECRET-block-scalar-line\n    url: jdbc:oracle:thin:@ora-prod01.acme.corp:1521/ORDERS\n',
      'shop/src/main/resources/legacy.properties':
        'ledger.password=SECRET-first-part\\\n    SECRET-continued-part\nledger.url=jdbc:db2://db2-prod01.acme.corp:50000/LEDGER\n',
      'shop/src/main/java/shop/Db.java':
        'package shop;\npublic class Db {\n  void init(javax.sql.DataSource ds) {\n    ds.setPassword("SECRET in, a setter; call");\n    String host = "10.20.4.17";\n  }\n}\n',
    });
    for (const format of ['json', 'sarif', 'markdown', 'html', 'table']) {
      const run = runCli(['scan', path.join(root, 'shop'), '--format', format, '--output', '-']);
      expect(run.code, format).toBe(0);
      expect(run.stdout.length, format).toBeGreaterThan(0);
      expect(run.stdout + run.stderr, format).not.toContain('SECRET');
    }
  });
});
