import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Caches are sealed with an HMAC whose key lives in the user's own cache folder, never in a
 * scanned tree: a `.cloudready/cache` shipped inside a repository (or edited by hand) carries no
 * valid seal, is never deserialised, and cannot make a scan report what its files do not say.
 */
const MAGIC = Buffer.from('cloudready-sealed-2\n');
const MAC_BYTES = 32;

/** Where the key is kept: $XDG_CACHE_HOME (or the platform's user cache folder)/cloudready/cache-key. */
export function sealKeyFile(): string {
  const base =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32'
      ? process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local')
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Caches')
        : path.join(os.homedir(), '.cache'));
  return path.join(base, 'cloudready', 'cache-key');
}

let key: Promise<Buffer | undefined> | undefined;

/** This user's key, made on first use (readable by the user only); undefined when it can be neither read nor made. */
export function sealKey(): Promise<Buffer | undefined> {
  key ??= (async () => {
    const file = sealKeyFile();
    try {
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Two scans starting together: one writes, the other finds it written and reads it.
      await fs.writeFile(file, randomBytes(32), { flag: 'wx', mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      const stored = await fs.readFile(file);
      return stored.length >= 32 ? stored : undefined;
    } catch {
      return undefined;
    }
  })();
  return key;
}

/** Where an entry of a sealed file is, and the SHA-256 of its bytes (which the sealed index binds). */
export interface SealedEntry {
  at: number;
  length: number;
  sha: Uint8Array;
}

/** The trailer: the index's length, then the MAC of the index. */
const TRAILER_BYTES = 4 + MAC_BYTES;

/**
 * A sealed file is read an entry at a time, as asked for: only its index (where each entry is and
 * the SHA-256 of its bytes, sealed with this user's key) is read and checked when it is opened, and
 * each entry's bytes are checked against their SHA-256 when read. A scan after a small change thus
 * reads the entries it uses, not the whole 100 MB fact cache of a large tree, and a forged or
 * changed entry is refused all the same.
 */
export class SealedReader {
  private constructor(
    private readonly fd: number,
    /** The caller's index, whose seal was checked: the one thing read whole. */
    readonly index: Buffer,
  ) {}

  /** A sealed file's reader; `note` says why an existing file is not used (a missing one is no news). Sealed with this user's key unless `key` is given. */
  static async open(file: string, key?: Buffer): Promise<{ reader?: SealedReader; note?: string }> {
    let fd: number;
    try {
      // Not blocking on a FIFO planted at the name: the folder may be inside the scanned tree.
      fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch {
      return {};
    }
    const refused = {
      note: `${file} was not written by cloudready for this user on this machine; it is ignored and written afresh`,
    };
    try {
      const secret = key ?? (await sealKey());
      if (!secret)
        return {
          note: `${sealKeyFile()} could not be read or made, so the cache in ${path.dirname(file)} is not used`,
        };
      const stat = fstatSync(fd);
      const size = stat.size;
      if (!stat.isFile() || size < MAGIC.length + TRAILER_BYTES || !readAt(fd, 0, MAGIC.length).equals(MAGIC))
        return refused;
      const trailer = readAt(fd, size - TRAILER_BYTES, TRAILER_BYTES);
      const indexLength = trailer.readUInt32LE(0);
      if (MAGIC.length + indexLength > size - TRAILER_BYTES) return refused;
      const index = readAt(fd, size - TRAILER_BYTES - indexLength, indexLength);
      if (!timingSafeEqual(trailer.subarray(4), createHmac('sha256', secret).update(index).digest())) return refused;
      const reader = new SealedReader(fd, index);
      fd = -1;
      return { reader };
    } catch {
      return refused;
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }

  /** An entry's bytes; undefined when they are not what the index says (the file changed since). */
  read(entry: SealedEntry): Buffer | undefined {
    try {
      const bytes = readAt(this.fd, entry.at, entry.length);
      return timingSafeEqual(createHash('sha256').update(bytes).digest(), entry.sha) ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Closed already.
    }
  }
}

/**
 * A sealed file written entry by entry while its content is made, so that the content is never all
 * in memory (the fact cache of the 1,000,000-line benchmark tree is 100 MB): the magic, the
 * entries, then the caller's index of them, its length and its MAC. Writes are synchronous:
 * entries come mid-scan.
 */
export class SealedWriter {
  private offset = MAGIC.length;

  private constructor(
    private readonly fd: number,
    private readonly temporary: string,
    private readonly secret: Buffer,
  ) {}

  /** Starts `file`'s next version beside it; throws when the folder cannot be written. */
  static create(file: string, secret: Buffer): SealedWriter {
    removeAbandoned(file);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    // Never through a link or over a file planted there: the folder may be inside the scanned tree.
    const fd = openSync(temporary, 'wx+', 0o600);
    const writer = new SealedWriter(fd, temporary, secret);
    try {
      writeAll(fd, MAGIC, 0);
    } catch (error) {
      writer.abort();
      throw error;
    }
    return writer;
  }

  /** Appends an entry; returns where it is, for the index. */
  add(bytes: Uint8Array): SealedEntry {
    const at = this.offset;
    writeAll(this.fd, bytes, at);
    this.offset += bytes.length;
    return { at, length: bytes.length, sha: createHash('sha256').update(bytes).digest() };
  }

  /** An entry added earlier, read back. */
  read(entry: SealedEntry): Buffer {
    return readAt(this.fd, entry.at, entry.length);
  }

  /** Appends the index of the entries and its seal, and puts the file in place of `file`. */
  finish(file: string, index: Uint8Array): void {
    const trailer = Buffer.alloc(TRAILER_BYTES);
    trailer.writeUInt32LE(index.length, 0);
    createHmac('sha256', this.secret).update(index).digest().copy(trailer, 4);
    writeAll(this.fd, index, this.offset);
    writeAll(this.fd, trailer, this.offset + index.length);
    closeSync(this.fd);
    renameSync(this.temporary, file);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Closed already.
    }
    rmSync(this.temporary, { force: true });
  }
}

function readAt(fd: number, at: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const read = readSync(fd, bytes, done, length - done, at + done);
    if (read === 0) throw new RangeError('a sealed file ends before its entry');
    done += read;
  }
  return bytes;
}

function writeAll(fd: number, bytes: Uint8Array, at: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
}

/** Temporary files of `file` left by runs that were killed mid-scan (their process is gone). */
function removeAbandoned(file: string): void {
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    const pid =
      name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid || running(pid)) continue;
    rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
