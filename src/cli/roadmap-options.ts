import { InvalidArgumentError } from 'commander';
import { InputError } from '../errors.js';
import { scheduleWaves } from '../plan/schedule.js';
import type { ScanResult } from '../result/schema.js';

/** --start and --capacity: dates for the migration waves. */
export interface RoadmapOptions {
  start?: string | undefined;
  capacity?: number | undefined;
}

/** A calendar date as YYYY-MM-DD; 2027-02-30 is no date. */
export function parseStartDate(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new InvalidArgumentError('A start date must be a calendar date as YYYY-MM-DD, e.g. 2027-01-04.');
  return value;
}

/** People on the migration at once: 0.5 to 10,000, halves allowed. */
export function parseCapacity(value: string): number {
  const people = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || people < 0.5 || people > 10_000)
    throw new InvalidArgumentError(
      'A capacity is the number of people on the migration at once, from 0.5 to 10000, e.g. 4.',
    );
  return people;
}

/** One without the other gives no dates: said before any work. */
export function checkRoadmap(options: RoadmapOptions): void {
  if ((options.start === undefined) !== (options.capacity === undefined)) {
    throw new InputError(
      `--${options.start === undefined ? 'capacity' : 'start'} needs --${options.start === undefined ? 'start' : 'capacity'} too`,
      'Give the first working day of wave 1 and the number of people working on the migration, e.g. --start 2027-01-04 --capacity 4.',
    );
  }
}

/** The result with dates for its waves, when both options were given. */
export function withSchedule(result: ScanResult, options: RoadmapOptions): ScanResult {
  if (options.start === undefined || options.capacity === undefined) return result;
  return {
    ...result,
    waves: {
      ...result.waves,
      schedule: scheduleWaves(result.waves.waves, { start: options.start, capacity: options.capacity }),
    },
  };
}
