import { InputError } from '../errors.js';
import type { GatheredFacts } from './gathered-facts.js';
import { readShard, type ShardFile, type ShardHeader } from './shard-file.js';

const RESCAN = 'Run every shard of one scan (same paths, settings and cloudready version), then merge all N files.';

/** The facts of a whole portfolio from the files of all its shards, checked to belong together. */
export async function mergeShards(files: string[]): Promise<GatheredFacts> {
  const shards: (ShardFile & { file: string })[] = [];
  for (const file of files) shards.push({ file, ...(await readShard(file)) });
  checkTogether(shards);

  const first = shards.find((shard) => shard.header.shard.index === 1)!;
  const position = new Map(first.header.applications.map((id, index) => [id, index]));
  const applications = shards
    .flatMap((shard) => shard.gathered.applications)
    .sort((a, b) => position.get(a.facts.app.id)! - position.get(b.facts.app.id)!);
  const inventories = shards.flatMap((shard) => shard.gathered.inventories).sort((a, b) => a.index - b.index);
  return { ...first.gathered, applications, inventories };
}

/** Same scan, same build, same settings, every shard exactly once, every application exactly once. */
function checkTogether(shards: (ShardFile & { file: string })[]): void {
  const first = shards[0]!;
  const sameScan = (header: ShardHeader) => ({
    count: header.shard.count,
    roots: header.roots,
    files: header.files,
    applications: header.applications,
    inventories: header.inventories,
  });
  const expected = JSON.stringify(sameScan(first.header));
  for (const shard of shards.slice(1)) {
    if (shard.header.settings !== first.header.settings) {
      throw new InputError(
        `${shard.file}: scanned with other settings than ${first.file} (cloudready.yaml or rule packs differ)`,
        RESCAN,
      );
    }
    if (JSON.stringify(sameScan(shard.header)) !== expected) {
      const what =
        shard.header.shard.count !== first.header.shard.count
          ? `is shard ${shard.header.shard.index}/${shard.header.shard.count}, ${first.file} one of ${first.header.shard.count}`
          : 'comes from a scan of other paths or another version of the tree';
      throw new InputError(`${shard.file}: ${what}`, RESCAN);
    }
  }
  const count = first.header.shard.count;
  const byIndex = new Map<number, string>();
  for (const shard of shards) {
    const { index } = shard.header.shard;
    const earlier = byIndex.get(index);
    if (earlier) throw new InputError(`shard ${index}/${count} given twice: ${earlier} and ${shard.file}`, RESCAN);
    byIndex.set(index, shard.file);
  }
  const missing = Array.from({ length: count }, (_, at) => at + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    const listed = missing
      .slice(0, 10)
      .map((index) => `${index}/${count}`)
      .join(', ');
    throw new InputError(
      `${missing.length === 1 ? 'shard' : 'shards'} ${listed}${missing.length > 10 ? ` … and ${missing.length - 10} more` : ''} missing: a merge needs all ${count}`,
      RESCAN,
    );
  }
  const owned = shards.flatMap((shard) => shard.header.owned);
  const inventories = shards.flatMap((shard) => shard.header.ownedInventories);
  if (
    owned.length !== new Set(owned).size ||
    owned.length !== first.header.applications.length ||
    inventories.length !== new Set(inventories).size ||
    inventories.length !== first.header.inventories
  ) {
    throw new InputError(
      'the shards do not cover the portfolio exactly once (were they scanned from different trees?)',
      RESCAN,
    );
  }
}
