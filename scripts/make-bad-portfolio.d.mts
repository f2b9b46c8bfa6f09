/** Paths of the heavy cases inside the bad portfolio. */
export const HEAVY: { hugeFile: string; millionRows: string; zipBomb: string };
/** Writes the bad-input portfolio into `dir` (which must not exist); returns the cases this system could not make. */
export function makeBadPortfolio(dir: string, options?: { small?: boolean }): Promise<string[]>;
