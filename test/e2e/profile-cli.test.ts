import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';

describe('cloudready scan --profile', () => {
  it('says what took the time: stages, the slowest rules, the slowest files and what took it; only when asked', async () => {
    const dir = await makeTree({
      'shop/pom.xml': '<project><artifactId>shop</artifactId><packaging>war</packaging></project>',
      'shop/src/main/java/shop/Cart.java':
        'package shop;\npublic class Cart { String host = "10.20.4.17"; javax.servlet.http.HttpSession session; }\n',
      'shop/src/main/resources/application.properties': `${'protocol='.repeat(20_000)}\nserver.ssl.protocol=TLSv1\n`,
    });
    const shop = path.join(dir, 'shop');
    const run = runCli(['scan', shop, '--format', 'json', '--profile', '--no-cache']);
    expect(run.code).toBe(0);
    const { profile } = JSON.parse(run.stdout);
    expect(Object.keys(profile.stages)).toEqual(
      expect.arrayContaining(['discover', 'extract', 'model', 'assess', 'plan']),
    );
    expect(profile.rulesRan).toBe(true);
    expect(profile.slowestRules.length).toBe(20);
    expect(profile.slowestRules.map((entry: { rule: string }) => entry.rule)).toContain('security/outdated-tls');
    const files = profile.slowestFiles as { file: string; ms: number; by: string }[];
    expect(files.map((entry) => entry.file)).toEqual(
      expect.arrayContaining(['src/main/java/shop/Cart.java', 'src/main/resources/application.properties']),
    );
    expect(files.find((entry) => entry.file === 'src/main/java/shop/Cart.java')?.by).toBe('extractor java');
    expect(files.find((entry) => entry.file === 'src/main/resources/application.properties')?.by).toMatch(/^rule /);
    expect(run.stderr).toContain('Profile (this run; times differ run to run)\n  stages\n');

    const plain = runCli(['scan', shop, '--format', 'json', '--no-cache']);
    expect(JSON.parse(plain.stdout).profile).toBeUndefined();
    expect(plain.stderr).not.toContain('Profile');
  });
});
