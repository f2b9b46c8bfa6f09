import { describe, expect, it } from 'vitest';
import { assignShards, parseShard } from '../../src/pipeline/shard-plan.js';

describe('parseShard', () => {
  it('reads I/N', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it('refuses what is not a part of a whole', () => {
    for (const wrong of ['0/3', '4/3', '1/0', '2', '1/2/3', 'a/b', '-1/2', '1/10001', '1.5/3'])
      expect(parseShard(wrong), wrong).toBeUndefined();
  });
});

describe('assignShards', () => {
  it('gives every piece to exactly one shard, and no shard nothing while another has two', () => {
    const weights = [5, 5, 5, 5, 5];
    const owners = assignShards(weights, 5);
    expect([...owners].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('balances bytes, heaviest first: one huge repository gets a shard of its own', () => {
    const weights = [100, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    const owners = assignShards(weights, 2);
    expect(owners[0]).toBe(1);
    expect(owners.slice(1).every((owner) => owner === 2)).toBe(true);
    const load = (shard: number) =>
      weights.reduce((sum, weight, index) => sum + (owners[index] === shard ? weight : 0), 0);
    expect(load(1)).toBe(100);
    expect(load(2)).toBe(100);
  });

  it('is the same plan on every machine, whatever order ties come in', () => {
    const weights = Array.from({ length: 200 }, (_, index) => (index * 7919) % 97);
    expect(assignShards(weights, 7)).toEqual(assignShards([...weights], 7));
    const loads = Array.from({ length: 7 }, (_, shard) =>
      weights.reduce((sum, weight, index) => sum + (assignShards(weights, 7)[index] === shard + 1 ? weight : 0), 0),
    );
    // Longest-processing-time first is within 4/3 of the best split; here every shard is close to the mean.
    const mean = weights.reduce((a, b) => a + b, 0) / 7;
    for (const load of loads) expect(Math.abs(load - mean)).toBeLessThanOrEqual(97);
  });

  it('leaves shards empty when there are more shards than pieces', () => {
    expect(assignShards([3, 1], 4)).toEqual([1, 2]);
    expect(assignShards([], 3)).toEqual([]);
  });
});
