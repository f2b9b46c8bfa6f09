/** Paths of the heavy cases inside the bad portfolio. */
export const HEAVY: { hugeFile: string; millionRows: string; zipBomb: string };
/** Writes the bad-input portfolio into `dir` (which must not exist); returns the cases this system could not make. */
export function makeBadPortfolio(dir: string, options?: { small?: boolean }): Promise<string[]>;
/** An entry for zipArchive: the bytes deflated, with their size and CRC. */
export function deflatedEntry(bytes: Buffer): { data: Buffer; size: number; crc: number };
/** A zip archive of deflated entries in the order given. */
export function zipArchive(entries: [name: string, entry: { data: Buffer; size: number; crc: number }][]): Buffer;
