import { z } from 'zod';
import { Severity } from '../result/schema.js';

/** cloudready.yaml. Strict: a misspelt key is an error, not a silently ignored setting. */
export const Config = z.strictObject({
  exclude: z.array(z.string()).default([]).describe('gitignore-style patterns, relative to the scanned root, of files not to scan'),
  applications: z
    .array(
      z.strictObject({
        path: z.string().min(1).describe('Folder of the application, relative to the scanned root'),
        name: z.string().min(1).optional().describe('Display name; default: the folder name'),
      }),
    )
    .default([])
    .describe('Applications to declare explicitly; their folders win over detected manifests'),
  inventories: z.array(z.string()).default([]).describe('Inventory files outside the scanned folder, relative to the working directory'),
  rules: z
    .strictObject({
      disable: z.array(z.string()).default([]).describe('Rule ids to turn off'),
      severity: z.record(z.string(), Severity).default({}).describe('Rule id → severity override'),
    })
    .default({ disable: [], severity: {} }),
});
export type Config = z.infer<typeof Config>;

export const DEFAULT_CONFIG: Config = Config.parse({});
