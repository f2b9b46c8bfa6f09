import type { Host, Sla } from './inventory-schema-types.js';
import type { LoadedInventory } from './load-inventory.js';

export interface PlacedHost {
  host: Host;
  file: string;
  line?: number | undefined;
}

/** What the inventories say about one application: where it runs and the service level it owes. */
export interface InventoryContext {
  hosts: PlacedHost[];
  sla?: { sla: Sla; file: string; line?: number | undefined } | undefined;
}

export function inventoryContext(applicationId: string, inventories: LoadedInventory[]): InventoryContext {
  const context: InventoryContext = { hosts: [] };
  for (const { inventory, file, lines } of inventories) {
    const entry = inventory.applications.find((app) => app.id === applicationId);
    if (!entry) continue;
    for (const id of entry.hosts) {
      const host = inventory.hosts.find((candidate) => candidate.id === id);
      if (host) context.hosts.push({ host, file, line: lines.get(`host:${id}`) });
    }
    if (entry.sla && !context.sla) context.sla = { sla: entry.sla, file, line: lines.get(`app:${applicationId}`) };
  }
  return context;
}
