import ora, { type Ora } from 'ora';
import type { ProgressListener } from '../scan.js';

export interface Progress {
  listener: ProgressListener;
  stop(): void;
}

/** A spinner on stderr, only for a person at a terminal: never in CI logs, pipes or files. */
export function startProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || process.env.CI) return { listener: () => {}, stop: () => {} };
  let spinner: Ora | undefined;
  return {
    listener: (stage, detail) => {
      const text = `${stage}: ${detail}`;
      if (spinner) spinner.text = text;
      else spinner = ora({ text, stream: process.stderr }).start();
    },
    stop: () => spinner?.stop(),
  };
}
