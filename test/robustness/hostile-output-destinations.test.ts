import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, lstatSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { BIN, REPO, runCli } from '../helpers/run-cli.js';

const APP = {
  'shop/pom.xml': '<project><artifactId>shop</artifactId><packaging>war</packaging></project>',
  'shop/src/main/java/shop/Cart.java': 'package shop;\npublic class Cart { String host = "10.20.4.17"; }\n',
};

/** `--output` names a destination; whatever already stands there is written into, never replaced. */
describe('cloudready --output: destinations that are not regular files', () => {
  it('a FIFO receives the report and stays a FIFO', async () => {
    const root = await makeTree(APP);
    const fifo = path.join(root, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const received: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      createReadStream(fifo)
        .on('data', (chunk) => received.push(chunk as Buffer))
        .on('end', resolve)
        .on('error', reject);
    });
    const exit = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, [BIN, 'scan', path.join(root, 'shop'), '--format', 'json', '--output', fifo, '--quiet'], {
        cwd: REPO,
        stdio: 'ignore',
      }).on('close', resolve);
    });
    await reading;
    expect(exit).toBe(0);
    expect(JSON.parse(Buffer.concat(received).toString('utf8')).summary.applications).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a symbolic link to a report stays a link, and the file it points to gets the report', async () => {
    const root = await makeTree({ ...APP, 'reports/latest.json': '{}' });
    const link = path.join(root, 'report.json');
    await fs.symlink(path.join(root, 'reports/latest.json'), link);
    const run = runCli(['scan', path.join(root, 'shop'), '--format', 'json', '--output', link, '--quiet']);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await fs.readFile(path.join(root, 'reports/latest.json'), 'utf8')).summary.applications).toBe(1);
  });

  it('- and /dev/stdout write to standard output; /dev/null stays a device', async () => {
    const root = await makeTree(APP);
    for (const destination of ['-', '/dev/stdout']) {
      const run = runCli(['scan', path.join(root, 'shop'), '--format', 'json', '--output', destination, '--quiet']);
      expect(run.code, destination).toBe(0);
      expect(JSON.parse(run.stdout).summary.applications).toBe(1);
    }
    expect(runCli(['scan', path.join(root, 'shop'), '--output', '/dev/null', '--quiet']).code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a full device is an error that says so (exit 2), and a folder is refused', async () => {
    const root = await makeTree(APP);
    if (existsSync('/dev/full')) {
      const full = runCli(['scan', path.join(root, 'shop'), '--output', '/dev/full', '--quiet']);
      expect(full.code).toBe(2);
      expect(full.stderr).toContain('/dev/full: could not write the report (ENOSPC)');
      expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    }
    const folder = runCli(['scan', path.join(root, 'shop'), '--output', root, '--quiet']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder, not a file');
  });
});
