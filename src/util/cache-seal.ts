import { createHmac, randomBytes, timingSafeEqual, type Hmac } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Caches are sealed with an HMAC whose key lives in the user's own cache folder, never in a
 * scanned tree: a `.cloudready/cache` shipped inside a repository (or edited by hand) carries no
 * valid seal, is never deserialised, and cannot make a scan report what its files do not say.
 */
const MAGIC = Buffer.from('cloudready-sealed-1\n');
const MAC_BYTES = 32;

/** Where the key is kept: $XDG_CACHE_HOME (or the platform's user cache folder)/cloudready/cache-key. */
export function sealKeyFile(): string {
  const base =
    process.env.XDG_CACHE_HOME ||
    (process.platform === 'win32' ? process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local') : process.platform === 'darwin' ? path.join(os.homedir(), 'Library', 'Caches') : path.join(os.homedir(), '.cache'));
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

/** Bytes as a sealed file holds them (SealedWriter writes the same, part by part). */
export function seal(secret: Buffer, bytes: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, createHmac('sha256', secret).update(bytes).digest(), bytes]);
}

/** The sealed bytes, or undefined when the seal is missing or does not match. */
export function unseal(secret: Buffer, sealed: Buffer): Buffer | undefined {
  if (sealed.length < MAGIC.length + MAC_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const mac = sealed.subarray(MAGIC.length, MAGIC.length + MAC_BYTES);
  const bytes = sealed.subarray(MAGIC.length + MAC_BYTES);
  return timingSafeEqual(mac, createHmac('sha256', secret).update(bytes).digest()) ? bytes : undefined;
}

/** A sealed cache file's bytes; `note` says why an existing file is not used (a missing one is no news). */
export async function readSealed(file: string): Promise<{ bytes?: Buffer; note?: string }> {
  let sealed: Buffer;
  try {
    sealed = await fs.readFile(file);
  } catch {
    return {};
  }
  const secret = await sealKey();
  if (!secret) return { note: `${sealKeyFile()} could not be read or made, so the cache in ${path.dirname(file)} is not used` };
  const bytes = unseal(secret, sealed);
  return bytes ? { bytes } : { note: `${file} was not written by cloudready for this user on this machine; it is ignored and written afresh` };
}

/**
 * A sealed cache file written part by part while its content is made, so that the content is
 * never all in memory (the fact cache of the 1,000,000-line benchmark tree is 100 MB); the MAC
 * goes in front once the last part is written. Writes are synchronous: parts come mid-scan.
 */
export class SealedWriter {
  private offset = MAGIC.length + MAC_BYTES;

  private constructor(
    private readonly fd: number,
    private readonly temporary: string,
    private readonly mac: Hmac,
  ) {}

  /** Starts `file`'s next version beside it; throws when the folder cannot be written. */
  static create(file: string, secret: Buffer): SealedWriter {
    removeAbandoned(file);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    // Never through a link or over a file planted there: the folder may be inside the scanned tree.
    const fd = openSync(temporary, 'wx+', 0o600);
    const writer = new SealedWriter(fd, temporary, createHmac('sha256', secret));
    try {
      writeAll(fd, MAGIC, 0);
      writeAll(fd, Buffer.alloc(MAC_BYTES), MAGIC.length);
    } catch (error) {
      writer.abort();
      throw error;
    }
    return writer;
  }

  /** Appends bytes; returns where in the file they start. */
  append(bytes: Uint8Array): number {
    const at = this.offset;
    writeAll(this.fd, bytes, at);
    this.mac.update(bytes);
    this.offset += bytes.length;
    return at;
  }

  /** Bytes appended earlier, read back. */
  read(at: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) done += readSync(this.fd, bytes, done, length - done, at + done);
    return bytes;
  }

  /** Seals what was appended and puts it in place of `file`. */
  finish(file: string): void {
    writeAll(this.fd, this.mac.digest(), MAGIC.length);
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

function writeAll(fd: number, bytes: Uint8Array, at: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
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
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -'.tmp'.length)) : NaN;
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
