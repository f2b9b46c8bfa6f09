/** One of N parts of a portfolio, numbered from 1. */
export interface ShardSpec {
  index: number;
  count: number;
}

export const MAX_SHARDS = 10_000;

/** `--shard 2/8`; undefined when the text is not I/N with 1 ≤ I ≤ N ≤ MAX_SHARDS. */
export function parseShard(value: string): ShardSpec | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  return match && count >= 1 && count <= MAX_SHARDS && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * Which shard (1..count) does each piece of work, given its weight (bytes to read): the heaviest
 * piece first, each to the lightest shard so far (longest-processing-time first), ties to the
 * lower number. Every shard computes the same plan from the same tree, without talking to the others.
 */
export function assignShards(weights: number[], count: number): number[] {
  const order = weights
    .map((weight, index) => ({ weight, index }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const load = new Array<number>(count).fill(0);
  const owner = new Array<number>(weights.length);
  for (const { weight, index } of order) {
    let lightest = 0;
    for (let shard = 1; shard < count; shard++) if (load[shard]! < load[lightest]!) lightest = shard;
    load[lightest]! += weight;
    owner[index] = lightest + 1;
  }
  return owner;
}
