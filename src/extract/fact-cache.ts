import { createHash } from 'node:crypto';
import path from 'node:path';
import v8 from 'node:v8';
import { buildFingerprint } from '../build-fingerprint.js';
import { readSealed, writeSealed } from '../util/cache-seal.js';

const FORMAT = 'cloudready-fact-cache-1';

/**
 * What extraction found in a file, kept by a hash of everything it depends on: the file's text,
 * its path and language, and the code that extracted it. A scan whose files did not change reads
 * the facts back instead of parsing again. Rules are not cached: they run on every scan.
 *
 * One file per set of scanned roots, written whole to a temporary file and renamed into place:
 * a killed run leaves the previous cache, and a cache that cannot be read is started afresh.
 */
export class FactCache {
  private readonly fresh = new Map<string, unknown>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly salt: string,
    private readonly stored: Map<string, unknown>,
    /** Why an existing cache file was not used (not sealed for this user), if so. */
    readonly note?: string,
  ) {}

  /** The cache for these roots under `folder`; empty when there is none, it is unreadable, or the tool changed. */
  static async open(folder: string, roots: string[]): Promise<FactCache> {
    const salt = await buildFingerprint();
    const file = path.join(folder, `facts-${createHash('sha256').update(roots.join('\0')).digest('hex').slice(0, 16)}.bin`);
    let stored = new Map<string, unknown>();
    // Only bytes sealed with this user's key are ever deserialised (util/cache-seal.ts).
    const { bytes, note } = await readSealed(file);
    try {
      const content = bytes ? (v8.deserialize(bytes) as { format?: string; salt?: string; entries?: Map<string, unknown> }) : undefined;
      if (content?.format === FORMAT && content.salt === salt && content.entries instanceof Map) stored = content.entries;
    } catch {
      // A damaged one: start afresh.
    }
    return new FactCache(file, salt, stored, note);
  }

  /** A key for a value that depends on these strings (path, language, text ...). */
  key(...parts: string[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('base64url');
  }

  get<T>(key: string): T | undefined {
    const value = this.fresh.get(key) ?? this.stored.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.fresh.set(key, value);
    return value as T;
  }

  set(key: string, value: unknown): void {
    this.fresh.set(key, value);
  }

  /** Writes what this scan used (entries of files gone are dropped); returns why it could not, if so. */
  async save(): Promise<string | undefined> {
    // Every entry read back and none added: the file on disk already says exactly this.
    if (this.misses === 0 && this.fresh.size === this.stored.size) return undefined;
    try {
      await writeSealed(this.file, v8.serialize({ format: FORMAT, salt: this.salt, entries: this.fresh }));
      return undefined;
    } catch (error) {
      return `the cache in ${path.dirname(this.file)} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next scan parses every file again`;
    }
  }
}
