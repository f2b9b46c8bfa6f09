import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { buildFingerprint } from '../build-fingerprint.js';
import { sealKey, SealedReader, SealedWriter, type SealedEntry } from '../util/cache-seal.js';

const FORMAT = 'cloudready-fact-cache-5';

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

/** A sealed cache file's index: the header, each entry's key, its place and length (two numbers each), and their SHA-256s end to end. */
interface Index extends Header {
  keys: string[];
  places: Float64Array;
  shas: Uint8Array;
}

/** A cache file opened: where each entry is, read only when asked for. */
interface Stored {
  id: string;
  reader?: SealedReader;
  entries: Map<string, SealedEntry>;
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
 * until the end); it is read from its file and deserialised only when got: opening the cache reads
 * its index, not its entries (an application read back whole, application-cache.ts, keeps its
 * files' entries unread; after 1 % of the benchmark tree changed, reading and checking the whole
 * 120 MB took 0.5 s).
 */
export class FactCache implements FactStore {
  /** Keys used this run (got, kept or set): what the next cache holds. */
  private readonly used = new Set<string>();
  /** Keys set this run (not read back): what a delta file holds besides the delta entries still used. */
  private readonly setThisRun = new Set<string>();
  /** Where each entry set this run was written. */
  private readonly written = new Map<string, SealedEntry>();
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
    /** The base file (its id empty and no entries when there is none). */
    private readonly base: Stored,
    /** The delta file written against that base. */
    private readonly delta: Stored,
    /** Why an existing cache file was not used (not sealed for this user), if so. */
    readonly note?: string,
  ) {}

  /**
   * The cache for these roots under `folder`; empty when there is none, it is unreadable, or the
   * tool changed, or what else the facts depend on (`depends`: the extractors' catalogue) changed.
   */
  static async open(folder: string, roots: string[], depends = ''): Promise<FactCache> {
    const salt = `${await buildFingerprint()}\0${depends}`;
    const file = path.join(
      folder,
      `facts-${createHash('sha256').update(roots.join('\0')).digest('hex').slice(0, 16)}.bin`,
    );
    // Only bytes sealed with this user's key are ever deserialised (util/cache-seal.ts).
    const base = await readStored(file, salt);
    let delta = base.content.id ? await readStored(deltaFile(file), salt) : { content: none() };
    if (delta.content.id !== base.content.id) {
      delta.content.reader?.close();
      delta = { ...delta, content: none() };
    }
    return new FactCache(file, salt, await sealKey(), base.content, delta.content, base.note ?? delta.note);
  }

  /** A key for a value that depends on these strings (path, language, text ...). */
  key(...parts: string[]): string {
    // One update of the parts each followed by NUL: the same digest as one update per part and
    // per NUL, without the 100,000 calls an application's key and its files' keys made.
    return createHash('sha256')
      .update(`${parts.join('\0')}\0`)
      .digest('base64url');
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
    if (!this.written.has(key) && !this.base.entries.has(key) && !this.delta.entries.has(key)) return false;
    this.used.add(key);
    return true;
  }

  set(key: string, value: unknown): void {
    const writer = this.open();
    if (!writer) return;
    try {
      this.written.set(key, writer.add(v8.serialize(value)));
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

  /** The cache is done: its files are closed (before the next takes their place) and its indexes let go. */
  private release(): void {
    for (const stored of [this.base, this.delta]) {
      stored.reader?.close();
      stored.entries.clear();
    }
    this.written.clear();
  }

  /** An entry's bytes: written this run, or in the delta or base file (undefined when its bytes no longer match its seal). */
  private bytes(key: string): Uint8Array | undefined {
    const written = this.written.get(key);
    if (written) return this.writer!.read(written);
    for (const stored of [this.delta, this.base]) {
      const entry = stored.entries.get(key);
      if (entry) return stored.reader!.read(entry);
    }
    return undefined;
  }

  /**
   * Finishes the next cache with the entries this scan used (entries of files gone are dropped in
   * time): a delta file of what is new since the base, or the base afresh once that grows; returns
   * why it could not be written, if so.
   */
  async save(): Promise<string | undefined> {
    const stored = this.base.entries.size + this.delta.entries.size;
    // Every entry read back and none set: the files on disk already say exactly this.
    if (this.setThisRun.size === 0 && this.used.size === stored) return this.close();
    const writer = this.open();
    if (!writer) return this.close();
    try {
      let fromBase = 0;
      for (const key of this.used) if (this.base.entries.has(key) && !this.setThisRun.has(key)) fromBase++;
      const added = this.used.size - fromBase;
      const unused = this.base.entries.size - fromBase;
      const asDelta =
        this.base.id !== '' && added <= DELTA_SHARE * this.used.size && unused <= DELTA_SHARE * this.base.entries.size;
      // Entries set this run are in the file already; the others used are copied from the files read.
      const keys: string[] = [];
      const entries: SealedEntry[] = [];
      for (const key of this.used) {
        if (asDelta && !this.setThisRun.has(key) && this.base.entries.has(key)) continue;
        let entry = this.written.get(key);
        if (!entry) {
          const bytes = this.bytes(key);
          // Changed on disk since it was opened: dropped, the next scan extracts that file again.
          if (bytes === undefined) continue;
          entry = writer.add(bytes);
        }
        keys.push(key);
        entries.push(entry);
      }
      const index: Index = {
        format: FORMAT,
        salt: this.salt,
        id: asDelta ? this.base.id : randomUUID(),
        keys,
        places: new Float64Array(entries.flatMap(({ at, length }) => [at, length])),
        shas: Buffer.concat(entries.map(({ sha }) => sha)),
      };
      this.release();
      writer.finish(asDelta ? deltaFile(this.file) : this.file, v8.serialize(index));
      this.writer = undefined;
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
    return this.problem
      ? `the cache in ${path.dirname(this.file)} could not be written (${this.problem}); the next scan parses every file again`
      : undefined;
  }
}

function deltaFile(file: string): string {
  return file.replace(/\.bin$/, '.delta.bin');
}

function none(): Stored {
  return { id: '', entries: new Map() };
}

/** A sealed cache file of this format and build, opened (its entries unread), if there is one. */
async function readStored(file: string, salt: string): Promise<{ content: Stored; note?: string }> {
  const { reader, note } = await SealedReader.open(file);
  const noted = note ? { note } : {};
  if (!reader) return { content: none(), ...noted };
  try {
    const index = v8.deserialize(reader.index) as Index;
    if (index.format === FORMAT && index.salt === salt) {
      const entries = new Map<string, SealedEntry>();
      index.keys.forEach((key, at) =>
        entries.set(key, {
          at: index.places[2 * at]!,
          length: index.places[2 * at + 1]!,
          sha: index.shas.subarray(32 * at, 32 * at + 32),
        }),
      );
      return { content: { id: index.id ?? '', reader, entries }, ...noted };
    }
  } catch {
    // A damaged one: start afresh.
  }
  reader.close();
  return { content: none(), ...noted };
}
