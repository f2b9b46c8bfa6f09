import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRoots } from '../../src/discover/scan-root.js';
import { walkFiles } from '../../src/discover/walk-files.js';
import type { Diagnostic } from '../../src/result/schema.js';
import { makeTree } from '../helpers/temp-tree.js';

async function walk(dir: string, exclude: string[] = [], followSymlinks = true) {
  const diagnostics: Diagnostic[] = [];
  const [root] = await resolveRoots([dir], process.cwd());
  const files = await walkFiles(root!, { exclude, followSymlinks }, diagnostics);
  return { files: files.map((file) => file.rel), diagnostics };
}

describe('walkFiles', () => {
  it('lists files in a stable order with built-in ignores and nested .gitignore files', async () => {
    const dir = await makeTree({
      'src/b.java': 'class B {}',
      'src/a.java': 'class A {}',
      'node_modules/x/index.js': '',
      'target/classes/A.class': '',
      '.git/config': '',
      '.gitignore': '*.log\n',
      'web/.gitignore': 'generated/\n',
      'web/generated/api.ts': '',
      'web/app.ts': '',
      'web/debug.log': '',
      'scripts/bin/deploy.sh': '#!/bin/sh',
      'svc/Svc.csproj': '<Project/>',
      'svc/bin/Debug/Svc.dll': '',
      'svc/obj/project.assets.json': '',
    });
    const { files } = await walk(dir);
    expect(files).toEqual([
      '.gitignore',
      'scripts/bin/deploy.sh',
      'src/a.java',
      'src/b.java',
      'svc/Svc.csproj',
      'web/.gitignore',
      'web/app.ts',
    ]);
  });

  it('applies exclude patterns from the configuration', async () => {
    const dir = await makeTree({ 'app/Main.java': '', 'app/legacy/Old.java': '', 'docs/x.md': '' });
    expect((await walk(dir, ['legacy/', '*.md'])).files).toEqual(['app/Main.java']);
  });

  it('follows links to checkouts placed in a portfolio folder, once each, and no link inside them that leaves them', async () => {
    const checkouts = await makeTree({
      'orders/pom.xml': '<project/>',
      'orders/src/Main.java': 'class Main {}',
      'billing/go.mod': 'module billing',
      'secrets/id_rsa': 'not for the scan',
    });
    await fs.symlink(path.join(checkouts, 'secrets'), path.join(checkouts, 'orders/keys'));
    const portfolio = await makeTree({ 'README.md': '# our estate' });
    await fs.symlink(path.join(checkouts, 'orders'), path.join(portfolio, 'orders'));
    await fs.symlink(path.join(checkouts, 'billing'), path.join(portfolio, 'billing'));
    await fs.symlink(path.join(checkouts, 'billing'), path.join(portfolio, 'billing-again'));
    await fs.symlink(portfolio, path.join(portfolio, 'self'));
    const { files, diagnostics } = await walk(portfolio);
    expect(files).toEqual(['README.md', 'billing/go.mod', 'orders/pom.xml', 'orders/src/Main.java']);
    expect(diagnostics.map((d) => [d.code, d.file, d.level])).toEqual([
      ['symlink-followed', 'billing', 'info'],
      ['symlink-loop', 'billing-again', 'warning'],
      ['symlink-followed', 'orders', 'info'],
      ['symlink-outside-root', 'orders/keys', 'warning'],
      ['symlink-loop', 'self', 'warning'],
    ]);
    // --no-follow-symlinks restores the strict walk.
    expect((await walk(portfolio, [], false)).files).toEqual(['README.md']);
  });

  it('never follows the links of a folder that is itself a repository', async () => {
    const outside = await makeTree({ 'Secret.java': 'class Secret {}' });
    const repo = await makeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'Main.java': 'class Main {}' });
    await fs.symlink(outside, path.join(repo, 'vendor-src'));
    const { files, diagnostics } = await walk(repo);
    expect(files).toEqual(['Main.java']);
    expect(diagnostics.map((d) => d.code)).toEqual(['symlink-outside-root']);
  });

  it('never follows symbolic links below the root, and says why for each one', async () => {
    const outside = await makeTree({ 'secret.java': 'class Secret {}' });
    const dir = await makeTree({ 'app/Main.java': 'class Main {}' });
    await fs.symlink(outside, path.join(dir, 'app/outside'));
    await fs.symlink(path.join(dir, 'app'), path.join(dir, 'app/loop'));
    await fs.symlink(path.join(dir, 'missing.java'), path.join(dir, 'app/broken.java'));
    const { files, diagnostics } = await walk(dir);
    expect(files).toEqual(['app/Main.java']);
    expect(diagnostics.map((d) => [d.code, d.file, d.level])).toEqual([
      ['broken-symlink', 'app/broken.java', 'warning'],
      ['symlink-skipped', 'app/loop', 'info'],
      ['symlink-outside-root', 'app/outside', 'warning'],
    ]);
  });

  it('scans a single file given as the root', async () => {
    const dir = await makeTree({ 'CAUTH01.cbl': '       PROCEDURE DIVISION.', 'other.cbl': '' });
    const { files } = await walk(path.join(dir, 'CAUTH01.cbl'));
    expect(files).toEqual(['CAUTH01.cbl']);
  });
});
