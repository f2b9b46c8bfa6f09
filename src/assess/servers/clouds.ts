import { z } from 'zod';

/** The clouds servers are judged, sized and costed for. */
export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export type Cloud = (typeof CLOUDS)[number];

export const CLOUD_NAMES: Record<Cloud, string> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** A day in a data file: YYYY-MM-DD, as YAML writes it unquoted or quoted. */
export const Day = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
  .transform((day) => (typeof day === 'string' ? day : day.toISOString().slice(0, 10)));
