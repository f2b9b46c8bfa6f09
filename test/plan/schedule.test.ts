import { describe, expect, it } from 'vitest';
import { scheduleWaves } from '../../src/plan/schedule.js';
import { WaveSchedule } from '../../src/result/schema.js';

describe('scheduleWaves: dates from a start day and a team', () => {
  it('gives each wave its effort over the capacity in working days, one after another, skipping weekends', () => {
    // Monday 4 January 2027, four people: 29 person-days take 8 working days (7.25 rounded up).
    const schedule = scheduleWaves(
      [
        { number: 1, effort: 29 },
        { number: 2, effort: 217 },
      ],
      { start: '2027-01-04', capacity: 4 },
    );
    expect(schedule).toEqual({
      start: '2027-01-04',
      capacity: 4,
      end: '2027-03-31',
      waves: [
        { number: 1, start: '2027-01-04', end: '2027-01-13', workingDays: 8 },
        // Thursday 14 January; 55 working days is 11 weeks: Wednesday 31 March.
        { number: 2, start: '2027-01-14', end: '2027-03-31', workingDays: 55 },
      ],
    });
    expect(WaveSchedule.safeParse(schedule).success).toBe(true);
  });

  it('starts on the next Monday when the start day is a weekend, and carries a wave over a weekend', () => {
    // Saturday 2 January 2027; five days from Monday end on Friday; the next wave starts Monday.
    const schedule = scheduleWaves(
      [
        { number: 1, effort: 10 },
        { number: 2, effort: 3 },
      ],
      { start: '2027-01-02', capacity: 2 },
    );
    expect(schedule.waves).toEqual([
      { number: 1, start: '2027-01-04', end: '2027-01-08', workingDays: 5 },
      { number: 2, start: '2027-01-11', end: '2027-01-12', workingDays: 2 },
    ]);
  });

  it('gives a wave with no effort (servers only) a day for its cut-over, and a portfolio without waves no dates', () => {
    expect(scheduleWaves([{ number: 1, effort: 0 }], { start: '2027-01-04', capacity: 3 }).waves).toEqual([
      { number: 1, start: '2027-01-04', end: '2027-01-04', workingDays: 1 },
    ]);
    expect(scheduleWaves([], { start: '2027-01-04', capacity: 3 })).toEqual({
      start: '2027-01-04',
      capacity: 3,
      end: '2027-01-04',
      waves: [],
    });
  });

  it('takes half a person: effort doubles in time', () => {
    expect(
      scheduleWaves([{ number: 1, effort: 2 }], { start: '2027-01-04', capacity: 0.5 }).waves[0]!.workingDays,
    ).toBe(4);
  });
});
