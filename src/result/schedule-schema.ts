import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Dates for the waves from a start date and a team's capacity (--start, --capacity; docs/waves.md). */
export const WaveSchedule = z
  .strictObject({
    start: IsoDate.describe('The first working day of wave 1'),
    capacity: z.number().positive().describe('People on the migration at once: person-days done per working day'),
    end: IsoDate.describe('The last working day of the last wave'),
    waves: z.array(z.strictObject({ number: z.number().int().positive(), start: IsoDate, end: IsoDate, workingDays: z.number().int().positive() })),
  })
  .describe('Each wave takes its effort divided by the capacity, in whole working days (Monday to Friday), one after another');
export type WaveSchedule = z.infer<typeof WaveSchedule>;
