import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Commits that touch more files than this are bulk changes (renames, formatting): no coupling signal. */
const MAX_FILES_PER_COMMIT = 30;
const MAX_COMMITS = 2000;

export interface CoChange {
  /** Commits read. */
  commits: number;
  /** File pairs (paths relative to the folder) changed together in at least two commits, with Jaccard strength. */
  pairs: { a: string; b: string; together: number; strength: number }[];
}

/**
 * Settings given on git's command line, which outrank every configuration file: none of the keys
 * that name a program (a pager, a signature verifier, an external diff or text converter, a
 * file-system monitor, hooks) can be set by the scanned repository's own `.git/config` or the
 * files it includes.
 */
const NEUTRAL_CONFIG = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'pager.log=false',
  'log.showSignature=false',
  'gpg.program=false',
  'gpg.openpgp.program=false',
  'gpg.x509.program=false',
  'gpg.ssh.program=false',
  'diff.external=',
  'core.sshCommand=false',
  'core.askPass=',
  'credential.helper=',
  'core.untrackedCache=false',
  'log.mailmap=false',
  'core.quotePath=true',
].flatMap((setting) => ['-c', setting]);

/** An environment with nothing of the user's git set-up: no system or global config, no pager, no prompts. */
function neutralEnvironment(): NodeJS.ProcessEnv {
  const { PATH, SYSTEMROOT, TMPDIR, TEMP, TMP } = process.env;
  return {
    ...(PATH ? { PATH } : {}),
    ...(SYSTEMROOT ? { SYSTEMROOT } : {}),
    ...(TMPDIR ? { TMPDIR } : {}),
    ...(TEMP ? { TEMP } : {}),
    ...(TMP ? { TMP } : {}),
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
  };
}

/**
 * Files changed together in a folder's git history (docs/split.md), read with `git log` only. A
 * scanned repository is untrusted: its configuration cannot make git run anything (NEUTRAL_CONFIG,
 * `--no-show-signature`, no external diff or text conversion), and git sees none of the user's own
 * configuration either. Undefined when the folder is not in a git repository or git is not installed.
 */
export async function readCoChange(folder: string): Promise<CoChange | undefined> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      'git',
      [
        ...NEUTRAL_CONFIG,
        '--no-pager',
        'log',
        '--no-show-signature',
        '--no-ext-diff',
        '--no-textconv',
        '--no-merges',
        '--relative',
        '--name-only',
        `-n${MAX_COMMITS}`,
        '--format=%x00commit',
        '--',
        '.',
      ],
      { cwd: folder, timeout: 30_000, maxBuffer: 64 * 1024 * 1024, env: neutralEnvironment(), windowsHide: true },
    ));
  } catch {
    return undefined;
  }
  const commits = stdout
    .split('\0commit')
    .map((block) => [
      ...new Set(
        block
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ])
    .filter((files) => files.length > 0);
  const touched = new Map<string, number>();
  const together = new Map<string, number>();
  for (const files of commits) {
    for (const file of files) touched.set(file, (touched.get(file) ?? 0) + 1);
    if (files.length > MAX_FILES_PER_COMMIT) continue;
    const sorted = [...files].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}\0${sorted[j]}`;
        together.set(key, (together.get(key) ?? 0) + 1);
      }
  }
  const pairs = [...together]
    .filter(([, count]) => count >= 2)
    .map(([key, count]) => {
      const [a, b] = key.split('\0') as [string, string];
      return { a, b, together: count, strength: count / (touched.get(a)! + touched.get(b)! - count) };
    })
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return { commits: commits.length, pairs };
}
