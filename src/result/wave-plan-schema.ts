/** The migration plan of a result: waves of move groups, what stays, the links that cross, and their dates. */
import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Dates for the waves from a start date and a team's capacity (--start, --capacity; docs/waves.md). */
export const WaveSchedule = z
  .strictObject({
    start: IsoDate.describe('The first working day of wave 1'),
    capacity: z.number().positive().describe('People on the migration at once: person-days done per working day'),
    end: IsoDate.describe('The last working day of the last wave'),
    waves: z.array(
      z.strictObject({
        number: z.number().int().positive(),
        start: IsoDate,
        end: IsoDate,
        workingDays: z.number().int().positive(),
      }),
    ),
  })
  .describe(
    'Each wave takes its effort divided by the capacity, in whole working days (Monday to Friday), one after another',
  );
export type WaveSchedule = z.infer<typeof WaveSchedule>;

/** Move groups and migration waves (plan/waves.ts); the dates when --start and --capacity are given. */
export const WavePlan = z
  .strictObject({
    waves: z.array(
      z.strictObject({
        number: z.number().int().positive(),
        groups: z.array(
          z.strictObject({
            id: z.string(),
            applications: z.array(z.string()),
            hosts: z.array(z.string()),
            datastores: z.array(z.string()),
            bonds: z.array(
              z.strictObject({
                kind: z.enum(['shared-datastore', 'co-location', 'chatty-link', 'connection']),
                between: z.tuple([z.string(), z.string()]),
                detail: z.string(),
              }),
            ),
          }),
        ),
        applications: z.array(z.string()),
        hosts: z.array(z.string()),
        effort: z.number().nonnegative(),
        reasons: z.array(z.string()),
      }),
    ),
    staying: z.array(z.strictObject({ application: z.string(), reason: z.string() })),
    stayingServers: z
      .array(z.strictObject({ server: z.string(), reason: z.string() }))
      .default([])
      .describe('Servers no application runs on that are not ready on any cloud'),
    crossingLinks: z.array(
      z.strictObject({
        from: z.string(),
        to: z.string(),
        port: z.number().optional(),
        volume: z.string().optional(),
        latencySensitive: z.boolean(),
        until: z.string(),
      }),
    ),
    schedule: WaveSchedule.optional(),
  })
  .describe('Move groups and migration waves with default limits (docs/waves.md); cloudready waves takes other limits');
