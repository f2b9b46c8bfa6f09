import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCoChange } from '../../src/extract/git-history.js';

/**
 * A repository that tries to make git run a program of its own choosing while its history is
 * read: every configuration key that names a program points at a script that leaves a marker.
 */
describe('reading git history of a hostile repository', () => {
  let root: string;
  let repo: string;
  let marker: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    })
      .toString()
      .trim();

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'cloudready-git-'));
    repo = path.join(root, 'repo');
    marker = path.join(root, 'ran');
    const evil = path.join(root, 'evil.sh');
    writeFileSync(evil, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 0\n`);
    chmodSync(evil, 0o755);
    execFileSync('git', ['init', '-q', repo]);
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'dev');
    for (const round of ['1', '2']) {
      writeFileSync(path.join(repo, 'Order.java'), `class Order { int v = ${round}; }\n`);
      writeFileSync(path.join(repo, 'OrderLine.java'), `class OrderLine { int v = ${round}; }\n`);
      git('add', '.');
      git('commit', '-qm', `round ${round}`);
    }
    // A commit carrying a (forged) signature that changes a file, so `log` would verify it.
    writeFileSync(path.join(repo, 'Order.java'), 'class Order { int v = 3; }\n');
    git('add', '.');
    const commit = `tree ${git('write-tree')}\nparent ${git('rev-parse', 'HEAD')}\nauthor dev <dev@example.com> 1700000000 +0000\ncommitter dev <dev@example.com> 1700000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n`;
    writeFileSync(path.join(root, 'commit.txt'), commit);
    git('update-ref', 'HEAD', git('hash-object', '-t', 'commit', '-w', path.join(root, 'commit.txt')));
    for (const key of [
      'gpg.program',
      'gpg.ssh.program',
      'gpg.x509.program',
      'core.pager',
      'pager.log',
      'diff.external',
      'core.fsmonitor',
      'core.sshCommand',
      'core.askPass',
      'credential.helper',
    ])
      git('config', key, evil);
    git('config', 'log.showSignature', 'true');
    git('config', 'diff.java.textconv', evil);
    writeFileSync(path.join(repo, '.gitattributes'), '*.java diff=java\n');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the planted configuration is live: a plain git log runs the planted program', () => {
    execFileSync('git', ['log', '--name-only', '-n5'], {
      cwd: repo,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      stdio: 'ignore',
    });
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
  });

  it('readCoChange reads the history and runs nothing the repository names', async () => {
    const history = await readCoChange(repo);
    expect(existsSync(marker)).toBe(false);
    expect(history?.commits).toBe(3);
    expect(history?.pairs).toEqual([{ a: 'Order.java', b: 'OrderLine.java', together: 2, strength: 2 / 3 }]);
  });
});
