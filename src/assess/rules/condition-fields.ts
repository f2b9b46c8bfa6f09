import { z } from 'zod';

/** One glob or a list of them; always a list once read. */
export const Globs = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

export const Languages = z.array(z.string()).optional().describe('Language ids; default: all');
