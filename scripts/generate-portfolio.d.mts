/** Writes a seeded synthetic polyglot portfolio of about `lines` lines under `root`. */
export function generatePortfolio(
  root: string,
  options?: { lines?: number; seed?: number },
): { files: number; lines: number };
