export type TimedStage = 'discover' | 'extract' | 'inventories' | 'model' | 'assess' | 'plan';

/** Milliseconds per stage, and the process's peak resident memory (MiB) by the end of each. */
export type StageTimings = Partial<Record<TimedStage | `${TimedStage} peak RSS MiB`, number>>;

/** Adds the milliseconds since the last call to a stage's total, for the benchmark; does nothing without a table. */
export function stageTimer(timings: StageTimings | undefined): (stage: TimedStage) => void {
  let stageStart = performance.now();
  return (stage) => {
    const at = performance.now();
    if (timings) {
      timings[stage] = (timings[stage] ?? 0) + (at - stageStart);
      timings[`${stage} peak RSS MiB`] = process.resourceUsage().maxRSS / 1024;
    }
    stageStart = at;
  };
}
