import type { z } from 'zod';
import type { Host as HostSchema, Sla as SlaSchema, Software as SoftwareSchema } from './inventory-schema.js';

export type Host = z.infer<typeof HostSchema>;
export type Software = z.infer<typeof SoftwareSchema>;
export type Sla = z.infer<typeof SlaSchema>;
