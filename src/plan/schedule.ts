import type { WaveSchedule } from '../result/schema.js';

export interface ScheduleOptions {
  /** The first working day of wave 1, as YYYY-MM-DD. */
  start: string;
  /** People working on the migration at once: person-days of effort done per working day. */
  capacity: number;
}

const DAY_MS = 86_400_000;
const isWeekend = (date: Date) => date.getUTCDay() === 0 || date.getUTCDay() === 6;
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The first working day on or after a date. */
function workingDayFrom(date: Date): Date {
  let day = date;
  while (isWeekend(day)) day = new Date(day.getTime() + DAY_MS);
  return day;
}

/** The date `count` working days after `from` (Monday to Friday; holidays are the planner's to add). */
function addWorkingDays(from: Date, count: number): Date {
  let day = from;
  for (let left = count; left > 0;) {
    day = new Date(day.getTime() + DAY_MS);
    if (!isWeekend(day)) left--;
  }
  return day;
}

/**
 * Dates for the waves: each takes its effort divided by the team's capacity, in whole working
 * days (at least one), and starts on the working day after the one before it ends. A wave that
 * moves only servers still takes a day for its cut-over.
 */
export function scheduleWaves(waves: { number: number; effort: number }[], options: ScheduleOptions): WaveSchedule {
  let next = workingDayFrom(new Date(`${options.start}T00:00:00Z`));
  const scheduled = waves.map((wave) => {
    const workingDays = Math.max(1, Math.ceil(wave.effort / options.capacity));
    const start = next;
    const end = addWorkingDays(start, workingDays - 1);
    next = addWorkingDays(end, 1);
    return { number: wave.number, start: iso(start), end: iso(end), workingDays };
  });
  return {
    start: options.start,
    capacity: options.capacity,
    end: scheduled.at(-1)?.end ?? options.start,
    waves: scheduled,
  };
}
