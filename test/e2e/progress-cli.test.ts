import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canAnimate, startProgress, type ProgressStream } from '../../src/cli/progress.js';
import { BIN, REPO } from '../helpers/run-cli.js';

/** A terminal stand-in: a stream that says it is a TTY of some width, and keeps what is written. */
function terminal(columns: number | undefined): ProgressStream & { written: () => string } {
  const stream = new PassThrough() as PassThrough & ProgressStream & { written: () => string };
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.isTTY = true;
  // What ora asks of a tty.WriteStream besides write.
  Object.assign(stream, {
    cursorTo: (x: number) => stream.write(`\u001b[${x + 1}G`),
    clearLine: () => stream.write('\u001b[2K'),
    moveCursor: (_dx: number, dy: number) => stream.write(dy < 0 ? `\u001b[${-dy}A` : ''),
  });
  if (columns !== undefined) stream.columns = columns;
  stream.written = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

describe('the progress spinner', () => {
  it('draws only on a terminal of a known width', () => {
    expect(canAnimate(terminal(80))).toBe(true);
    expect(canAnimate(terminal(0))).toBe(false);
    expect(canAnimate(terminal(undefined))).toBe(false);
    expect(canAnimate(new PassThrough() as ProgressStream)).toBe(false);
  });

  it('writes nothing to a terminal of width 0', () => {
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      const narrow = terminal(0);
      const progress = startProgress(true, true, narrow);
      progress.listener('discover', 'walking files');
      progress.stop();
      expect(narrow.written()).toBe('');
      const wide = terminal(100);
      const drawn = startProgress(true, true, wide);
      drawn.listener('extract', '3/12 applications');
      drawn.stop();
      expect(wide.written()).toContain('extract: 3/12 applications');
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
  });

  // util-linux script gives the command a pseudo-terminal of width 0: the spinner hung there and wrote tens of MB.
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  const underTerminal = (setup: string, extraEnv: Record<string, string> = {}) => {
    const env: Record<string, string | undefined> = { ...process.env, ...extraEnv };
    delete env.CI;
    const command = `${setup}${process.execPath} ${BIN} scan ${path.join(REPO, 'fixtures/monolith-shop')} --no-cache`;
    return spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
      encoding: 'utf8',
      env,
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  };
  it.skipIf(!hasScript)(
    'a scan under a pseudo-terminal of width 0 finishes, with its table and no flood of escapes',
    () => {
      const run = underTerminal('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('monolith');
      expect(run.stdout.length).toBeLessThan(200_000);
    },
  );

  it.skipIf(!hasScript)('NO_COLOR takes the colour out of the spinner on a real terminal', () => {
    const coloured = underTerminal('stty cols 100; ');
    expect(coloured.status).toBe(0);
    expect(coloured.stdout).toContain('\u001b[36m');
    const plain = underTerminal('stty cols 100; ', { NO_COLOR: '1' });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/extract: /);
    // Progress counts files, not applications: the one application of the shop moves the line too.
    expect(plain.stdout).toMatch(/extract: reading files \d+ of \d+ \(\d+ %\)/);
    expect(plain.stdout).not.toMatch(new RegExp(`${String.fromCharCode(27)}\\[3\\dm`));
  });
});
