/**
 * An error in what the user gave us (a path, a flag, a config or rule file): printed as one
 * line with a hint and mapped to exit code 2, never as a stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** Where in which file, and the problem without the place: for a diagnostic when the scan goes on without the input. */
    readonly place?: { file: string; line?: number | undefined; problem: string },
  ) {
    super(message);
    this.name = 'InputError';
  }
}
