import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScanResult } from '../../src/result/schema.js';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';

/** Checkouts kept elsewhere, and a portfolio folder of links to them: how estates are usually assembled. */
async function linkedPortfolio() {
  const checkouts = await makeTree({
    'orders/pom.xml': '<project><artifactId>orders</artifactId><packaging>war</packaging></project>',
    'orders/src/main/java/acme/Export.java':
      'package acme;\npublic class Export { void write() throws Exception { new java.io.FileWriter("/var/exports/orders.csv"); } }\n',
    'money/package.json': '{ "name": "@acme/money", "version": "2.0.0", "main": "index.js" }',
    'money/index.js': 'module.exports = (cents) => (cents / 100).toFixed(2);\n',
    'ops/Deploy-All.ps1': 'Get-ChildItem . | ForEach-Object { Write-Host $_ }\n',
  });
  const portfolio = await makeTree({ 'README.md': '# Acme estate\n' });
  for (const name of ['orders', 'money', 'ops'])
    await fs.symlink(path.join(checkouts, name), path.join(portfolio, name));
  return portfolio;
}

describe('cloudready scan: application boundaries', () => {
  it('follows a portfolio of links to checkouts, sets a library aside and says what lies outside every application', async () => {
    const portfolio = await linkedPortfolio();
    const run = runCli(['scan', portfolio, '--no-cache']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 application');
    expect(run.stdout).toMatch(/│ orders\s+│ web\s+│/);
    expect(run.stdout).toContain('Not migration candidates (1):');
    expect(run.stdout).toContain('library  money: a package with no entry point of its own (money/package.json)');
    expect(run.stdout).toContain('1 folder outside every application (tooling)');

    const json = runCli(['scan', portfolio, '--no-cache', '--format', 'json']);
    const result = ScanResult.parse(JSON.parse(json.stdout));
    expect(result.applications.map((app) => [app.id, app.name, app.kind, app.detection])).toEqual([
      ['orders', 'orders', 'web', ['pom.xml in orders']],
    ]);
    expect(result.setAside.map((unit) => [unit.name, unit.kind])).toEqual([['money', 'library']]);
    expect(result.outside.map((folder) => [folder.path, folder.kind])).toEqual([
      ['.', 'docs'],
      ['ops', 'tooling'],
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'symlink-followed').map((d) => d.file)).toEqual([
      'money',
      'ops',
      'orders',
    ]);
  });

  it('--no-follow-symlinks restores the strict walk, and an empty scan says what it looked for', async () => {
    const portfolio = await linkedPortfolio();
    const run = runCli(['scan', portfolio, '--no-cache', '--no-follow-symlinks']);
    expect(run.stdout).toContain('No applications found.');
    expect(run.stdout).toContain('declare applications in cloudready.yaml');
  });

  it('explain takes an application by id, name or path, and names a set-aside library as such', async () => {
    const portfolio = await linkedPortfolio();
    for (const key of ['orders', 'ORDERS']) {
      const run = runCli(['explain', key, portfolio, '--no-cache']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('What it is: web at orders');
      expect(run.stdout).toContain('Found by: pom.xml in orders');
    }
    const library = runCli(['explain', 'money', portfolio, '--no-cache']);
    expect(library.code).toBe(2);
    expect(library.stderr).toContain('money (money) is a library, set aside');
    expect(library.stderr).toContain('kind: service }] assesses it anyway');
  });

  it('cloudready.yaml merges, excludes and names applications, and a misspelt key is an error', async () => {
    const dir = await makeTree({
      'cloudready.yaml':
        'applications:\n  - path: shop/frontend\n    partOf: shop/backend\n  - path: legacy/*\n    exclude: true\n    reason: retired in 2025\n  - path: shop/backend\n    name: Shop\n',
      'shop/backend/pom.xml': '<project><artifactId>shop-backend</artifactId><packaging>war</packaging></project>',
      'shop/frontend/package.json': '{ "name": "shop-frontend", "dependencies": { "express": "^4.21.0" } }',
      'shop/frontend/server.js': "require('express')().listen(3000);\n",
      'legacy/reports/pom.xml': '<project><artifactId>reports</artifactId><packaging>war</packaging></project>',
    });
    const result = ScanResult.parse(JSON.parse(runCli(['scan', dir, '--no-cache', '--format', 'json']).stdout));
    expect(result.applications.map((app) => [app.path, app.name, app.modules])).toEqual([
      ['shop/backend', 'Shop', ['shop/frontend']],
    ]);
    expect(result.outside).toEqual([
      { path: '.', kind: 'tooling', reason: 'repository and cloudready settings', files: 1 },
      { path: 'legacy/reports', kind: 'other', reason: 'excluded in cloudready.yaml: retired in 2025', files: 1 },
    ]);
    await fs.writeFile(path.join(dir, 'cloudready.yaml'), 'applications:\n  - path: shop\n    merge: true\n');
    const bad = runCli(['scan', dir, '--no-cache']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('merge');
  });
});
