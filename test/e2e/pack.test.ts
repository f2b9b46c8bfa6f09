import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { DEMO, REPO } from '../helpers/run-cli.js';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('the published package', () => {
  it(
    'packs only what it needs, installs into an empty folder, and runs `npx cloudready scan` there',
    { timeout: 240_000 },
    async () => {
      const work = await makeTree({});
      const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], REPO)) as {
        filename: string;
        files: { path: string }[];
      }[];
      const files = packed[0]!.files.map((file) => file.path);
      expect(files).toEqual(
        expect.arrayContaining([
          'bin/cloudready.js',
          'dist/cli/main.js',
          'rules/mainframe.yaml',
          'README.md',
          'package.json',
        ]),
      );
      expect(
        files.some((file) => file.startsWith('src/') || file.startsWith('test/') || file.startsWith('fixtures/')),
      ).toBe(false);

      const project = path.join(work, 'consumer');
      await fs.mkdir(project);
      await fs.writeFile(path.join(project, 'package.json'), '{ "name": "consumer", "private": true }');
      npm(['install', '--no-save', '--prefer-offline', path.join(work, packed[0]!.filename)], project);

      const run = spawnSync('npx', ['--no-install', 'cloudready', 'scan', DEMO, '--format', 'json'], {
        cwd: project,
        encoding: 'utf8',
      });
      // npm itself may warn about the machine's npmrc; cloudready must add nothing to stderr.
      expect(run.stderr.split('\n').filter((line) => line && !line.startsWith('npm warn'))).toEqual([]);
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as { applications: { id: string }[]; rulePacks: { source: string }[] };
      expect(result.applications).toHaveLength(9);
      expect(result.rulePacks.every((pack) => pack.source === 'built-in')).toBe(true);
    },
  );
});
