export type TimedStage = 'discover' | 'extract' | 'inventories' | 'model' | 'assess' | 'plan';

/** Adds the milliseconds since the last call to a stage's total, for the benchmark; does nothing without a table. */
export function stageTimer(timings: Partial<Record<TimedStage, number>> | undefined): (stage: TimedStage) => void {
  let stageStart = performance.now();
  return (stage) => {
    const at = performance.now();
    if (timings) timings[stage] = (timings[stage] ?? 0) + (at - stageStart);
    stageStart = at;
  };
}
