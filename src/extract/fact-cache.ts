import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { buildFingerprint } from '../build-fingerprint.js';
import { readSealed, writeSealed } from '../util/cache-seal.js';

const FORMAT = 'cloudready-fact-cache-3';

/**
 * New entries are appended in a second file while they stay at most this share of the whole and
 * the entries no longer used stay below it too; past that, the whole cache is written afresh.
 */
const DELTA_SHARE = 0.2;

interface Header {
  format?: string;
  salt?: string;
  /** Names the base file a delta file was written against. */
  id?: string;
}

/** A cache file's content: each value serialised on its own, read only when asked for. */
interface Stored extends Header {
  entries: Map<string, Uint8Array>;
}

/** Where values that depend on their key alone are kept between scans: the fact cache, or a view of it. */
export interface FactStore {
  /** A key for a value that depends on these strings (path, language, text ...). */
  key(...parts: string[]): string;
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/**
 * What extraction found in a file, kept by a hash of everything it depends on: the file's text,
 * its path and language, and the code that extracted it. A scan whose files did not change reads
 * the facts back instead of parsing again. What the rules' text conditions found in each file is
 * kept the same way (assess/rules/text-memo.ts).
 *
 * One base file per set of scanned roots, and beside it a delta file of the entries added since:
 * a scan after a small change writes only those (on the 1,000,000-line benchmark tree, 1 % of
 * files changed, rewriting everything cost 1.5 s). Each is written whole to a temporary file and
 * renamed into place: a killed run leaves the previous cache, and a cache that cannot be read is
 * started afresh.
 *
 * Each value is serialised as it is set and deserialised as it is got: what is kept cannot change
 * with what later reads it, and opening the cache costs only its bytes, not the objects of every
 * file (an application read back whole, application-cache.ts, keeps its files' entries unread).
 */
export class FactCache implements FactStore {
  private readonly fresh = new Map<string, Uint8Array>();
  /** Keys set this run (not read back): what a delta file holds besides the delta entries still used. */
  private readonly setThisRun = new Set<string>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly salt: string,
    /** The base file's entries and its id (empty when there is none). */
    private readonly base: { id: string; entries: Map<string, Uint8Array> },
    /** Entries of the delta file written against that base. */
    private readonly delta: Map<string, Uint8Array>,
    /** Why an existing cache file was not used (not sealed for this user), if so. */
    readonly note?: string,
  ) {}

  /**
   * The cache for these roots under `folder`; empty when there is none, it is unreadable, or the
   * tool changed, or what else the facts depend on (`depends`: the extractors' catalogue) changed.
   */
  static async open(folder: string, roots: string[], depends = ''): Promise<FactCache> {
    const salt = `${await buildFingerprint()}\0${depends}`;
    const file = path.join(folder, `facts-${createHash('sha256').update(roots.join('\0')).digest('hex').slice(0, 16)}.bin`);
    // Only bytes sealed with this user's key are ever deserialised (util/cache-seal.ts).
    const base = await readStored(file, salt);
    const delta = base.content && base.content.id ? await readStored(deltaFile(file), salt) : {};
    const entries = base.content?.entries ?? new Map<string, Uint8Array>();
    const added = delta.content?.id === base.content?.id ? (delta.content?.entries ?? new Map<string, Uint8Array>()) : new Map<string, Uint8Array>();
    return new FactCache(file, salt, { id: base.content?.id ?? '', entries }, added, base.note ?? delta.note);
  }

  /** A key for a value that depends on these strings (path, language, text ...). */
  key(...parts: string[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\0');
    return hash.digest('base64url');
  }

  get<T>(key: string): T | undefined {
    const bytes = this.keep(key);
    if (bytes === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return v8.deserialize(bytes) as T;
  }

  /** Keeps an entry for the next scan without reading it; false when there is none. */
  has(key: string): boolean {
    return this.keep(key) !== undefined;
  }

  set(key: string, value: unknown): void {
    this.setThisRun.add(key);
    this.fresh.set(key, v8.serialize(value));
  }

  private keep(key: string): Uint8Array | undefined {
    const bytes = this.fresh.get(key) ?? this.base.entries.get(key) ?? this.delta.get(key);
    if (bytes !== undefined) this.fresh.set(key, bytes);
    return bytes;
  }

  /** Writes what this scan used (entries of files gone are dropped in time); returns why it could not, if so. */
  async save(): Promise<string | undefined> {
    const stored = this.base.entries.size + this.delta.size;
    // Every entry read back and none set: the files on disk already say exactly this.
    if (this.setThisRun.size === 0 && this.fresh.size === stored) return undefined;
    try {
      const added = new Map<string, Uint8Array>();
      let fromBase = 0;
      for (const [key, value] of this.fresh) {
        if (this.base.entries.has(key) && !this.setThisRun.has(key)) fromBase++;
        else added.set(key, value);
      }
      const unused = this.base.entries.size - fromBase;
      if (this.base.id && added.size <= DELTA_SHARE * this.fresh.size && unused <= DELTA_SHARE * this.base.entries.size) {
        await writeSealed(deltaFile(this.file), encode({ format: FORMAT, salt: this.salt, id: this.base.id }, added));
        return undefined;
      }
      await writeSealed(this.file, encode({ format: FORMAT, salt: this.salt, id: randomUUID() }, this.fresh));
      await fs.rm(deltaFile(this.file), { force: true });
      return undefined;
    } catch (error) {
      return `the cache in ${path.dirname(this.file)} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next scan parses every file again`;
    }
  }
}

function deltaFile(file: string): string {
  return file.replace(/\.bin$/, '.delta.bin');
}

/**
 * A cache file's parts: its header, then each entry as the lengths of its key and value, the key
 * and the value. Written part by part and read back as views of the file's bytes, nothing copied.
 */
function encode(header: Header, entries: Map<string, Uint8Array>): Uint8Array[] {
  const head = v8.serialize(header);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  const chunks: Uint8Array[] = [length, head];
  for (const [key, value] of entries) {
    const keyLength = Buffer.byteLength(key);
    const frame = Buffer.allocUnsafe(8 + keyLength);
    frame.writeUInt32LE(keyLength, 0);
    frame.writeUInt32LE(value.length, 4);
    frame.write(key, 8);
    chunks.push(frame, value);
  }
  return chunks;
}

/** The file's header and entries; throws on bytes that do not frame exactly. */
function decode(bytes: Buffer): Stored {
  const headLength = bytes.readUInt32LE(0);
  const header = v8.deserialize(bytes.subarray(4, 4 + headLength)) as Header;
  const entries = new Map<string, Uint8Array>();
  let at = 4 + headLength;
  while (at < bytes.length) {
    const keyLength = bytes.readUInt32LE(at);
    const valueLength = bytes.readUInt32LE(at + 4);
    const valueAt = at + 8 + keyLength;
    if (valueAt + valueLength > bytes.length) throw new RangeError('a cache entry runs past the end of its file');
    entries.set(bytes.toString('utf8', at + 8, valueAt), bytes.subarray(valueAt, valueAt + valueLength));
    at = valueAt + valueLength;
  }
  return { ...header, entries };
}

/** A sealed cache file of this format and build, if there is one. */
async function readStored(file: string, salt: string): Promise<{ content?: Stored; note?: string }> {
  const { bytes, note } = await readSealed(file);
  try {
    const content = bytes ? decode(bytes) : undefined;
    if (content?.format === FORMAT && content.salt === salt) return { content, ...(note ? { note } : {}) };
  } catch {
    // A damaged one: start afresh.
  }
  return note ? { note } : {};
}
