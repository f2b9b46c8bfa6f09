import type { z } from 'zod';
import type {
  Connection as ConnectionSchema,
  Disk as DiskSchema,
  Host as HostSchema,
  InventoryApplication as InventoryApplicationSchema,
  Nic as NicSchema,
  Utilisation as UtilisationSchema,
  Sla as SlaSchema,
  Software as SoftwareSchema,
} from './inventory-schema.js';

export type Host = z.infer<typeof HostSchema>;
export type Disk = z.infer<typeof DiskSchema>;
export type Nic = z.infer<typeof NicSchema>;
export type Utilisation = z.infer<typeof UtilisationSchema>;
export type Software = z.infer<typeof SoftwareSchema>;
export type Sla = z.infer<typeof SlaSchema>;
export type Connection = z.infer<typeof ConnectionSchema>;
export type InventoryApplication = z.infer<typeof InventoryApplicationSchema>;
