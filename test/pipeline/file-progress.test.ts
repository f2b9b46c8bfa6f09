import { describe, expect, it } from 'vitest';
import { FileProgress } from '../../src/pipeline/file-progress.js';

describe('the progress line while files are read', () => {
  it('counts files, names the application, and estimates what is left once there is enough to go on', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = new FileProgress(
      10_000,
      (_, detail) => lines.push(detail),
      () => clock,
    );
    progress.reading('order-management');
    expect(lines.at(-1)).toBe('reading files 0 of 10,000 (0 %) · order-management');
    // Too early for an estimate: a second and a few files say nothing of the rest.
    clock = 1_000;
    progress.advance(100);
    expect(progress.line()).toBe('reading files 100 of 10,000 (1 %) · order-management');
    // 1,000 files in 4 s: 9,000 more take about 36 s.
    clock = 4_000;
    progress.advance(900);
    expect(lines.at(-1)).toBe('reading files 1,000 of 10,000 (10 %), about 36 s left · order-management');
    clock = 64_000;
    progress.advance(1_000);
    expect(progress.line()).toBe('reading files 2,000 of 10,000 (20 %), about 4 min left · order-management');
  });

  it('redraws at most every 150 ms however many files go by, but always on a new application', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = new FileProgress(
      1_000,
      (_, detail) => lines.push(detail),
      () => clock,
    );
    progress.reading('billing');
    for (let file = 0; file < 500; file++) progress.advance();
    expect(lines).toHaveLength(1);
    clock = 151;
    progress.advance();
    expect(lines).toHaveLength(2);
    progress.reading('ledger');
    expect(lines.at(-1)).toBe('reading files 501 of 1,000 (50 %) · ledger');
  });

  it('never shows more than all: files given back by the cache count at once', () => {
    const progress = new FileProgress(
      10,
      () => {},
      () => 0,
    );
    progress.advance(12);
    expect(progress.line()).toBe('reading files 12 of 12 (100 %)');
  });
});
