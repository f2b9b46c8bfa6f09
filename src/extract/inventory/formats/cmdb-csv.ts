import { z } from 'zod';
import type { InventoryBuilder } from '../inventory-builder.js';
import { Columns, type Table } from '../tables.js';
import { parseNumber, parsePositiveInteger, platformOf, splitAddresses, splitList } from '../inventory-values.js';

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
  application: z.string().optional().describe('Column with the application (business service) running on the host; comma-separated for several'),
});
export type CmdbColumns = z.infer<typeof CmdbColumns>;

/** Columns the mapping names that the file does not have: a typo in the mapping, said once. */
export function missingCmdbColumns(table: Table, mapping: CmdbColumns): string[] {
  const columns = new Columns(table);
  return Object.values(mapping).filter((column) => !columns.has(column));
}

export function importCmdbCsv(table: Table, mapping: CmdbColumns, builder: InventoryBuilder) {
  const columns = new Columns(table);
  const missing = missingCmdbColumns(table, mapping);
  if (missing.length) builder.note({ line: 1 }, `the column mapping names ${missing.map((name) => `"${name}"`).join(', ')}, which the header does not have`, 'warning');
  table.eachRow((row) => {
    const where = { line: row.line, sheet: table.sheet };
    const cell = (field: keyof CmdbColumns) => (mapping[field] ? columns.get(row, mapping[field]) : '');
    const id = cell('id');
    if (!id) {
      builder.reject(where, `the id column "${mapping.id}" is blank`);
      return;
    }
    const os = cell('os');
    const cores = parsePositiveInteger(cell('cores'));
    const memoryGiB = parseNumber(cell('memoryGiB')) ?? (parseNumber(cell('memoryMiB')) ?? 0) / 1024;
    const storageGiB = parseNumber(cell('storageGiB'));
    const platform = platformOf(cell('platform') || os);
    builder.host(
      {
        id,
        hostname: cell('hostname') || undefined,
        ips: splitAddresses(cell('ips')),
        ...(os ? { os: { name: os, ...(cell('osVersion') ? { version: cell('osVersion') } : {}) } } : {}),
        platform,
        hardware: cell('hardware') || undefined,
        ...(cores ? { cpu: { cores } } : {}),
        ...(memoryGiB ? { memoryGiB: Math.round(memoryGiB * 10) / 10 } : {}),
        ...(storageGiB ? { storageGiB } : {}),
        environment: cell('environment') || undefined,
        location: cell('location') || undefined,
        virtualisation: cell('virtualisation') || undefined,
        groups: splitList(cell('groups')),
      },
      where,
    );
    for (const app of splitList(cell('application'))) builder.application({ id: app, hosts: [id] }, where);
    builder.accepted();
  });
}
