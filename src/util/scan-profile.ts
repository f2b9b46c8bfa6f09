import type { StageTimings } from './stage-timer.js';

/** What took a scan's time, for `scan --profile` (like `semgrep --time`): stages, rules and files. */
export interface ProfileSummary {
  /** Milliseconds per stage, and peak resident memory (MiB) by the end of each. */
  stages: StageTimings;
  /** False when the last assessment was reused from the cache: no rule ran. */
  rulesRan: boolean;
  slowestRules: { rule: string; ms: number }[];
  /** The files that took longest, with the extractor or rule that took most of it. */
  slowestFiles: { file: string; ms: number; by: string }[];
  /** Extraction threads started, and the files they extracted (0 and 0: all in the main thread). */
  workers: { threads: number; files: number };
  /** Applications read back whole from the cache, none of their files read again (pipeline/application-cache.ts). */
  reusedApplications: number;
}

const LISTED = 20;

/** Collects timings while one scan runs; cheap enough to leave on, but only filled when asked. */
export class ScanProfile {
  readonly stages: StageTimings = {};
  rulesRan = false;
  workers = { threads: 0, files: 0 };
  reusedApplications = 0;
  private readonly rules = new Map<string, number>();
  private readonly files = new Map<string, { ms: number; by: Map<string, number> }>();

  rule(rule: string, ms: number): void {
    this.rulesRan = true;
    this.rules.set(rule, (this.rules.get(rule) ?? 0) + ms);
  }

  /** Time spent on one file by one extractor or rule. */
  file(file: string, ms: number, by: string): void {
    const entry = this.files.get(file) ?? { ms: 0, by: new Map<string, number>() };
    entry.ms += ms;
    entry.by.set(by, (entry.by.get(by) ?? 0) + ms);
    this.files.set(file, entry);
  }

  summary(): ProfileSummary {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const stages = Object.fromEntries(
      Object.entries(this.stages).map(([key, value]) => [key, round(value)]),
    ) as StageTimings;
    const slowestRules = [...this.rules]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, LISTED)
      .map(([rule, ms]) => ({ rule, ms: round(ms) }));
    const slowestFiles = [...this.files]
      .sort((a, b) => b[1].ms - a[1].ms || (a[0] < b[0] ? -1 : 1))
      .slice(0, LISTED)
      .map(([file, { ms, by }]) => ({ file, ms: round(ms), by: [...by].sort((a, b) => b[1] - a[1])[0]![0] }));
    return {
      stages,
      rulesRan: this.rulesRan,
      slowestRules,
      slowestFiles,
      workers: this.workers,
      reusedApplications: this.reusedApplications,
    };
  }
}
