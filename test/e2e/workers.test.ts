import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';
import { vaultPack } from '../helpers/vault-pack.js';

/** Enough tree-sitter files (300 or more) for the scan to start worker threads. */
function portfolio(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let app = 0; app < 4; app++) {
    files[`app${app}/pom.xml`] = `<project><groupId>com.acme</groupId><artifactId>app${app}</artifactId></project>`;
    files[`app${app}/requirements.txt`] = 'flask==2.3.0\n';
    files[`app${app}/src/main/resources/application.properties`] = 'server.port=8080\n';
    for (let unit = 0; unit < 45; unit++) {
      files[`app${app}/src/main/java/com/acme/a${app}/Unit${unit}.java`] =
        `package com.acme.a${app};\npublic class Unit${unit} {\n  Unit${(unit + 1) % 45} next = new Unit${(unit + 1) % 45}();\n  String db = "jdbc:oracle:thin:@db${app}.acme.corp:1521/X";\n  void run() { next.run(); }\n}\n`;
      files[`app${app}/scripts/job${unit}.py`] =
        `import os\nfrom app${app}.util import helper${unit % 5}\n\ndef run():\n    return open('/var/data/${unit}.csv').read()\n`;
    }
  }
  return files;
}

describe('extraction in worker threads', () => {
  it('gives the same result as extraction in one thread', async () => {
    const root = await makeTree(portfolio());
    const single = runCli(['scan', root, '--workers', '0', '--no-cache', '--format', 'json', '--quiet', '--profile']);
    const pooled = runCli(['scan', root, '--workers', '2', '--no-cache', '--format', 'json', '--quiet', '--profile']);
    expect(single.code).toBe(0);
    expect(pooled.code).toBe(0);
    // The built CLI found its worker script and the threads did the work (the fallback in one thread gives the same result).
    expect(JSON.parse(single.stdout).profile.workers).toEqual({ threads: 0, files: 0 });
    expect(JSON.parse(pooled.stdout).profile.workers).toEqual({ threads: 2, files: 360 });
    const comparable = (stdout: string) => ({ ...JSON.parse(stdout), scannedAt: '', profile: undefined });
    const result = comparable(pooled.stdout);
    expect(result.summary.files).toBeGreaterThanOrEqual(360);
    expect(result.graph.edges.length).toBeGreaterThan(180);
    expect(result).toEqual(comparable(single.stdout));
  });

  it('reads with the catalogue a rule pack extends, in the threads as in one thread', async () => {
    const files = portfolio();
    for (const rel of Object.keys(files).filter((name) => name.endsWith('.java')))
      files[rel] = files[rel]!.replace('void run() {', 'void run() { Vault.store(db);');
    files['packs/vault.yaml'] = vaultPack();
    const root = await makeTree(files);
    const places = (stdout: string) =>
      (JSON.parse(stdout) as { findings: { ruleId: string; evidenceCount: number }[] }).findings
        .filter((finding) => finding.ruleId === 'vault/local-store')
        .map((finding) => finding.evidenceCount);
    const pooled = runCli([
      'scan',
      root,
      '--rules',
      `${root}/packs`,
      '--workers',
      '2',
      '--no-cache',
      '--format',
      'json',
      '--quiet',
      '--profile',
    ]);
    const single = runCli([
      'scan',
      root,
      '--rules',
      `${root}/packs`,
      '--workers',
      '0',
      '--no-cache',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(JSON.parse(pooled.stdout).profile.workers.files).toBe(360);
    expect(places(pooled.stdout)).toEqual([45, 45, 45, 45]);
    expect(places(single.stdout)).toEqual([45, 45, 45, 45]);
  });

  it('after a small change parses the few changed files in the main thread, with the same result', async () => {
    const root = await makeTree(portfolio());
    const work = await makeTree({});
    const scan = (...args: string[]) =>
      runCli(['scan', root, '--workers', '2', '--format', 'json', '--quiet', '--profile', ...args], { cwd: work });
    expect(JSON.parse(scan().stdout).profile.workers).toEqual({ threads: 2, files: 360 });
    await fs.appendFile(path.join(root, 'app1/src/main/java/com/acme/a1/Unit7.java'), 'class Audit {}\n');
    const changed = scan();
    // One application has a changed file: the three others are read back, and no thread is started for one file.
    expect(JSON.parse(changed.stdout).profile).toMatchObject({
      workers: { threads: 0, files: 0 },
      reusedApplications: 3,
    });
    const comparable = (stdout: string) => ({ ...JSON.parse(stdout), scannedAt: '', profile: undefined });
    expect(comparable(changed.stdout)).toEqual(comparable(scan('--no-cache').stdout));
  });

  it('--workers takes a whole number from 0 to 64', () => {
    const wrong = runCli(['scan', '.', '--workers', 'many']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('A number of workers must be a whole number from 0 to 64.');
  });
});
