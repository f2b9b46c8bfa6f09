import type { ProgressListener } from './scan-options.js';

/** How often the line is redrawn at most: often enough to move, rarely enough to cost nothing. */
const REDRAW_MS = 150;
/** An estimate needs this much behind it to mean anything. */
const ESTIMATE_AFTER_MS = 2_000;
const ESTIMATE_AFTER_SHARE = 0.05;

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/**
 * Files read out of files to read, as the extraction stage's progress line: "reading files 1,234
 * of 10,000 (12 %), about 40 s left · order-management". Counted per file, so one large
 * application moves the line too; files of applications the cache gives back count at once.
 */
export class FileProgress {
  private done = 0;
  private current = '';
  private lastDrawn = 0;
  private readonly started: number;

  constructor(
    private readonly total: number,
    private readonly progress: ProgressListener,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** The application being read: named on the line. */
  reading(name: string): void {
    this.current = name;
    this.draw(true);
  }

  /** Files read (or given back by the cache). */
  advance(files = 1): void {
    this.done += files;
    this.draw(false);
  }

  /** The line as it stands; exported for the tests. */
  line(): string {
    const total = Math.max(this.total, this.done);
    const share = total ? this.done / total : 1;
    const elapsed = this.now() - this.started;
    const estimate =
      elapsed >= ESTIMATE_AFTER_MS && share >= ESTIMATE_AFTER_SHARE && share < 1
        ? `, about ${duration((elapsed / share) * (1 - share))} left`
        : '';
    return `reading files ${this.done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${Math.floor(share * 100)} %)${estimate}${this.current ? ` · ${this.current}` : ''}`;
  }

  private draw(always: boolean): void {
    const now = this.now();
    if (!always && now - this.lastDrawn < REDRAW_MS) return;
    this.lastDrawn = now;
    this.progress('extract', this.line());
  }
}
