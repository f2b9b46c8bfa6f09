import ora, { type Ora } from 'ora';
import type { ProgressListener } from '../scan.js';

export interface Progress {
  listener: ProgressListener;
  stop(): void;
}

/** What a spinner writes to: a stream, and what it knows of the terminal behind it. */
export interface ProgressStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  columns?: number;
}

/** Narrower than this, a spinner line wraps on every redraw. */
const MIN_COLUMNS = 20;

/**
 * Whether a spinner can redraw itself in place: a terminal of a known width. A pseudo-terminal
 * that reports 0 columns (`script -c …`, some CI runners and IDE consoles) made ora clear lines
 * forever, writing tens of MB of escapes; there, and in pipes and files, nothing is drawn.
 */
export function canAnimate(stream: ProgressStream): boolean {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns >= MIN_COLUMNS;
}

/** A spinner on stderr, only for a person at a terminal: never in CI logs, pipes, files or terminals of no width; uncoloured with --no-color or NO_COLOR. */
export function startProgress(enabled: boolean, colour = true, stream: ProgressStream = process.stderr): Progress {
  if (!enabled || !canAnimate(stream) || process.env.CI) return { listener: () => {}, stop: () => {} };
  const coloured = colour && !process.env.NO_COLOR;
  let spinner: Ora | undefined;
  return {
    listener: (stage, detail) => {
      const text = `${stage}: ${detail}`;
      if (spinner) spinner.text = text;
      else spinner = ora({ text, stream, color: coloured ? 'cyan' : false, discardStdin: false }).start();
    },
    stop: () => spinner?.stop(),
  };
}
