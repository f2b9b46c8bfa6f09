import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'bin/cloudready.js');
export const DEMO = path.join(REPO, 'fixtures/demo-portfolio');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, without a terminal (so no spinner, no colour unless forced). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
    // A JSON result of a generated portfolio runs past spawnSync's default 1 MiB.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
