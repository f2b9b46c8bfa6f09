import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { buildFingerprint } from '../build-fingerprint.js';
import { readSealed, sealKey, SealedWriter } from '../util/cache-seal.js';

const FORMAT = 'cloudready-fact-cache-4';

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
 * files changed, rewriting everything cost 1.5 s). Each is written to a temporary file and
 * renamed into place: a killed run leaves the previous cache, and a cache that cannot be read is
 * started afresh.
 *
 * Each value is serialised as it is set and written to that temporary file at once (what is kept
 * cannot change with what later reads it, and a cold scan does not hold its 100 MB of entries
 * until the end); it is deserialised only when got: opening the cache costs its bytes, not the
 * objects of every file (an application read back whole, application-cache.ts, keeps its files'
 * entries unread).
 */
export class FactCache implements FactStore {
  /** Keys used this run (got, kept or set): what the next cache holds. */
  private readonly used = new Set<string>();
  /** Keys set this run (not read back): what a delta file holds besides the delta entries still used. */
  private readonly setThisRun = new Set<string>();
  /** Where each entry set this run was written. */
  private readonly written = new Map<string, { at: number; length: number }>();
  private writer: SealedWriter | undefined;
  /** Why the next cache cannot be written (the folder is not writable ...), once that is known. */
  private problem: string | undefined;
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly salt: string,
    /** This user's sealing key; none when it can be neither read nor made. */
    private readonly secret: Buffer | undefined,
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
    return new FactCache(file, salt, await sealKey(), { id: base.content?.id ?? '', entries }, added, base.note ?? delta.note);
  }

  /** A key for a value that depends on these strings (path, language, text ...). */
  key(...parts: string[]): string {
    // One update of the parts each followed by NUL: the same digest as one update per part and
    // per NUL, without the 100,000 calls an application's key and its files' keys made.
    return createHash('sha256').update(`${parts.join('\0')}\0`).digest('base64url');
  }

  get<T>(key: string): T | undefined {
    const bytes = this.bytes(key);
    if (bytes === undefined) {
      this.misses++;
      return undefined;
    }
    this.used.add(key);
    this.hits++;
    return v8.deserialize(bytes) as T;
  }

  /** Keeps an entry for the next scan without reading it; false when there is none. */
  has(key: string): boolean {
    if (!this.written.has(key) && !this.base.entries.has(key) && !this.delta.has(key)) return false;
    this.used.add(key);
    return true;
  }

  set(key: string, value: unknown): void {
    const writer = this.open();
    if (!writer) return;
    try {
      const [frame, bytes] = framed(key, v8.serialize(value));
      const at = writer.append(frame) + frame.length;
      writer.append(bytes);
      this.written.set(key, { at, length: bytes.length });
      this.setThisRun.add(key);
      this.used.add(key);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The temporary file of the next cache, started on first use; none once writing it failed. */
  private open(): SealedWriter | undefined {
    if (this.writer || this.problem) return this.writer;
    if (!this.secret) {
      this.problem = 'no key to seal it with';
      return undefined;
    }
    try {
      this.writer = SealedWriter.create(this.file, this.secret);
    } catch (error) {
      this.fail(error);
    }
    return this.writer;
  }

  private fail(error: unknown): void {
    this.problem = `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    this.writer?.abort();
    this.writer = undefined;
    this.written.clear();
  }

  /** The bytes of the files read (100 MB on the 1,000,000-line tree) can go before the scan goes on; the cache is done. */
  private release(): void {
    this.base.entries.clear();
    this.delta.clear();
    this.written.clear();
  }

  private bytes(key: string): Uint8Array | undefined {
    const written = this.written.get(key);
    if (written) return this.writer!.read(written.at, written.length);
    return this.base.entries.get(key) ?? this.delta.get(key);
  }

  /**
   * Finishes the next cache with the entries this scan used (entries of files gone are dropped in
   * time): a delta file of what is new since the base, or the base afresh once that grows; returns
   * why it could not be written, if so.
   */
  async save(): Promise<string | undefined> {
    const stored = this.base.entries.size + this.delta.size;
    // Every entry read back and none set: the files on disk already say exactly this.
    if (this.setThisRun.size === 0 && this.used.size === stored) return this.close();
    const writer = this.open();
    if (!writer) return this.close();
    try {
      let fromBase = 0;
      for (const key of this.used) if (this.base.entries.has(key) && !this.setThisRun.has(key)) fromBase++;
      const added = this.used.size - fromBase;
      const unused = this.base.entries.size - fromBase;
      const asDelta = this.base.id !== '' && added <= DELTA_SHARE * this.used.size && unused <= DELTA_SHARE * this.base.entries.size;
      // Entries set this run are in the file already; the others used are copied from the files read.
      for (const key of this.used) {
        if (this.setThisRun.has(key) || (asDelta && this.base.entries.has(key))) continue;
        for (const part of framed(key, (this.base.entries.get(key) ?? this.delta.get(key))!)) writer.append(part);
      }
      const header = v8.serialize({ format: FORMAT, salt: this.salt, id: asDelta ? this.base.id : randomUUID() } satisfies Header);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      writer.append(header);
      writer.append(length);
      writer.finish(asDelta ? deltaFile(this.file) : this.file);
      this.writer = undefined;
      this.release();
      if (!asDelta) rmSync(deltaFile(this.file), { force: true });
      return undefined;
    } catch (error) {
      this.fail(error);
      return this.close();
    }
  }

  /** Lets the temporary file go unused; says why the cache could not be written, if it could not. */
  private close(): string | undefined {
    this.writer?.abort();
    this.writer = undefined;
    this.release();
    return this.problem ? `the cache in ${path.dirname(this.file)} could not be written (${this.problem}); the next scan parses every file again` : undefined;
  }
}

function deltaFile(file: string): string {
  return file.replace(/\.bin$/, '.delta.bin');
}

/**
 * A cache file's content, after the seal: each entry as the lengths of its key and value, the key
 * and the value; then the header (format, build, base id) and its length. Entries are appended
 * as they are set and read back as views of the file's bytes, nothing copied.
 */
function framed(key: string, value: Uint8Array): [Buffer, Uint8Array] {
  const keyLength = Buffer.byteLength(key);
  const frame = Buffer.allocUnsafe(8 + keyLength);
  frame.writeUInt32LE(keyLength, 0);
  frame.writeUInt32LE(value.length, 4);
  frame.write(key, 8);
  return [frame, value];
}

/** The file's header and entries; throws on bytes that do not frame exactly. */
function decode(bytes: Buffer): Stored {
  const headLength = bytes.readUInt32LE(bytes.length - 4);
  const end = bytes.length - 4 - headLength;
  if (end < 0) throw new RangeError('a cache header runs past the start of its file');
  const header = v8.deserialize(bytes.subarray(end, bytes.length - 4)) as Header;
  const entries = new Map<string, Uint8Array>();
  for (let at = 0; at < end; ) {
    const keyLength = bytes.readUInt32LE(at);
    const valueLength = bytes.readUInt32LE(at + 4);
    const valueAt = at + 8 + keyLength;
    if (valueAt + valueLength > end) throw new RangeError('a cache entry runs past the end of its entries');
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
