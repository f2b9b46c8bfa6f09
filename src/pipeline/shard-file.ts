import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { buildFingerprint } from '../build-fingerprint.js';
import { TOOL_VERSION } from '../version.js';
import type { GatheredFacts } from './gathered-facts.js';
import type { ShardSpec } from './shard-plan.js';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** First line of every shard file: what it is, and the layout version of what follows. */
const MAGIC = 'CLOUDREADY-SHARD 1\n';

/**
 * The second line: a JSON header that merge checks before it unpacks anything, so that a file of
 * another build, another portfolio or other settings is refused with a reason, not misread.
 */
export const ShardHeader = z.object({
  tool: z.object({ name: z.literal('cloudready'), version: z.string() }),
  /** Hash of the tool's code: facts are its internal form, read back only by the same build. */
  build: z.string(),
  /** Hash of the configuration and rule packs: every shard must have assessed with the same. */
  settings: z.string(),
  shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
  roots: z.array(z.string()),
  files: z.number().int().min(0),
  /** Every application of the portfolio, in result order; `owned` are this shard's. */
  applications: z.array(z.string()),
  owned: z.array(z.string()),
  inventories: z.number().int().min(0),
  ownedInventories: z.array(z.number().int().min(0)),
});
export type ShardHeader = z.infer<typeof ShardHeader>;

export interface ShardFile {
  header: ShardHeader;
  /** This shard's share of the gathered facts. */
  gathered: GatheredFacts;
}

/** What a shard writes: everything merge needs to assess the portfolio without the source tree. */
export async function encodeShard(gathered: GatheredFacts, shard: ShardSpec): Promise<Buffer> {
  const header: ShardHeader = {
    tool: { name: 'cloudready', version: TOOL_VERSION },
    build: await buildFingerprint(),
    settings: settingsDigest(gathered),
    shard,
    roots: gathered.roots,
    files: gathered.files,
    applications: gathered.applicationIds,
    owned: gathered.applications.map((app) => app.facts.app.id),
    inventories: gathered.inventoryCount,
    ownedInventories: gathered.inventories.map((inventory) => inventory.index),
  };
  // Neither texts nor per-file facts travel: the rules' file conditions were evaluated and each
  // application's unit subgraph made where they were read (gather-facts.ts).
  const body = await gzip(v8.serialize(gathered), { level: 1 });
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), body]);
}

/** Reads one shard file; a file that is not one, or of another build, is an InputError naming it. */
export async function readShard(file: string): Promise<ShardFile> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new InputError(
      `${file}: shard file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Pass the files written by cloudready scan --shard I/N --output FILE.',
    );
  }
  const headerEnd = bytes.indexOf('\n', MAGIC.length);
  if (!bytes.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC)) || headerEnd < 0) {
    throw new InputError(
      `${file}: not a cloudready shard file`,
      'Pass the files written by cloudready scan --shard I/N --output FILE (a JSON result cannot be merged: it holds no facts).',
    );
  }
  let header: ShardHeader;
  try {
    header = ShardHeader.parse(JSON.parse(bytes.subarray(MAGIC.length, headerEnd).toString('utf8')));
  } catch {
    throw new InputError(`${file}: the shard file's header is damaged`, 'Scan this shard again.');
  }
  if (header.tool.version !== TOOL_VERSION || header.build !== (await buildFingerprint())) {
    const writer =
      header.tool.version === TOOL_VERSION
        ? `another build of cloudready ${TOOL_VERSION}`
        : `cloudready ${header.tool.version}, this is ${TOOL_VERSION}`;
    throw new InputError(
      `${file}: written by ${writer}; shards are read only by the build that wrote them`,
      'Scan every shard and merge with the same cloudready version (pin it in CI).',
    );
  }
  let payload: GatheredFacts;
  try {
    payload = v8.deserialize(await gunzip(bytes.subarray(headerEnd + 1))) as typeof payload;
  } catch {
    throw new InputError(
      `${file}: the shard file is truncated or damaged`,
      'Scan this shard again (was the upload or download cut short?).',
    );
  }
  return { header, gathered: payload };
}

/** Configuration and rule packs, by content (pack files' own paths differ between machines). */
export function settingsDigest(gathered: Pick<GatheredFacts, 'config' | 'packs' | 'prices'>): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        config: gathered.config,
        packs: gathered.packs.map((loaded) => loaded.pack),
        prices: gathered.prices ?? null,
      }),
    )
    .digest('hex');
}
