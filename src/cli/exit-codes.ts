/** Fixed exit codes, never counts (a count wraps at 256 and lies). */
export const ExitCode = {
  ok: 0,
  /** A CI gate (threshold, baseline) failed. */
  gateFailed: 1,
  /** Bad usage, an unreadable path or config, or input the scan could not read. */
  inputError: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
