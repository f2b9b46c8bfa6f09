import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SealedReader, SealedWriter } from '../../src/util/cache-seal.js';
import { makeTree } from '../helpers/temp-tree.js';

const key = randomBytes(32);
const REFUSED = /was not written by cloudready for this user on this machine/;

/** A sealed file of three entries, whose index is their places as JSON. */
async function written(): Promise<{ file: string; texts: string[] }> {
  const file = path.join(await makeTree({}), 'cache.bin');
  const texts = ['first entry', 'the second, a little longer', 'third'];
  const writer = SealedWriter.create(file, key);
  const entries = texts.map((text) => writer.add(Buffer.from(text)));
  writer.finish(
    file,
    Buffer.from(
      JSON.stringify(entries.map(({ at, length, sha }) => ({ at, length, sha: Buffer.from(sha).toString('hex') }))),
    ),
  );
  return { file, texts };
}

async function opened(file: string, with_ = key) {
  const { reader, note } = await SealedReader.open(file, with_);
  const entries = reader
    ? (JSON.parse(reader.index.toString()) as { at: number; length: number; sha: string }[]).map((entry) => ({
        ...entry,
        sha: Buffer.from(entry.sha, 'hex'),
      }))
    : [];
  return { reader, note, entries };
}

describe('sealed cache files, read an entry at a time', () => {
  it('read back each entry as written, the index alone read on opening', async () => {
    const { file, texts } = await written();
    const { reader, note, entries } = await opened(file);
    expect(note).toBeUndefined();
    expect(entries.map((entry) => reader!.read(entry)!.toString())).toEqual(texts);
    reader!.close();
  });

  it('refuse a file sealed with another key, or cut short, with a note', async () => {
    const { file } = await written();
    expect((await opened(file, randomBytes(32))).note).toMatch(REFUSED);
    const bytes = await fs.readFile(file);
    await fs.writeFile(file, bytes.subarray(0, bytes.length - 10));
    expect((await opened(file)).note).toMatch(REFUSED);
    await fs.writeFile(file, 'not a cache');
    expect((await opened(file)).note).toMatch(REFUSED);
  });

  it('do not give an entry whose bytes changed after the index was sealed, and still give the others', async () => {
    const { file, texts } = await written();
    const bytes = await fs.readFile(file);
    const at = bytes.indexOf('second');
    bytes.write('SECOND', at);
    await fs.writeFile(file, bytes);
    const { reader, entries } = await opened(file);
    expect(reader!.read(entries[1]!)).toBeUndefined();
    expect(reader!.read(entries[0]!)!.toString()).toBe(texts[0]);
    // An entry the index does not describe (another length) is refused too.
    expect(reader!.read({ ...entries[2]!, length: entries[2]!.length + 1 })).toBeUndefined();
    reader!.close();
  });

  it.skipIf(process.platform === 'win32')(
    'do not wait on a FIFO or open a folder planted at the file name',
    async () => {
      const folder = await makeTree({ 'cache.bin/inside': 'x' });
      expect((await opened(path.join(folder, 'cache.bin'))).note).toMatch(REFUSED);
      const fifo = path.join(folder, 'pipe.bin');
      execFileSync('mkfifo', [fifo]);
      expect((await opened(fifo)).note).toMatch(REFUSED);
    },
  );

  it('say nothing of a file that is not there', async () => {
    expect(await opened(path.join(await makeTree({}), 'none.bin'))).toEqual({
      reader: undefined,
      note: undefined,
      entries: [],
    });
  });
});
