import type { Reporter } from './reporter.js';

/** The result document itself: the contract described in docs/result-schema.md. */
export const jsonReport: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
