import { z } from 'zod';

/** Which CMDB column holds which host field (cloudready.yaml, inventories: [{ format: cmdb-csv, columns }]). */
export const CmdbColumns = z.strictObject({
  id: z.string().describe('Column with the host id (CI name); required'),
  hostname: z.string().optional(),
  ips: z.string().optional().describe('Column with one or more IP addresses'),
  os: z.string().optional(),
  osVersion: z.string().optional(),
  platform: z.string().optional(),
  hardware: z.string().optional(),
  cores: z.string().optional(),
  memoryGiB: z.string().optional(),
  memoryMiB: z.string().optional(),
  storageGiB: z.string().optional(),
  environment: z.string().optional(),
  location: z.string().optional(),
  virtualisation: z.string().optional(),
  groups: z.string().optional().describe('Column with groups or roles, comma-separated'),
  application: z
    .string()
    .optional()
    .describe('Column with the application (business service) running on the host; comma-separated for several'),
});
export type CmdbColumns = z.infer<typeof CmdbColumns>;
