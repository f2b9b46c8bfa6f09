import type { InventoryBuilder } from '../inventory-builder.js';
import type { Disk } from '../inventory-schema-types.js';
import { Columns, hasColumns, type Table } from '../tables.js';
import { parsePositiveInteger, platformOf, splitAddresses, tenths } from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * Azure Migrate's server import (the CSV template of import-based discovery, also what teams fill
 * from a CMDB for an Azure Migrate assessment): one row per server with its cores, memory in MB,
 * OS, boot type, disks and, where measured, CPU and memory utilisation in percent, which size the
 * server on use (docs/inventory.md, "Target size and cost").
 */
export function isAzureMigrateServers(header: string[]): boolean {
  return (
    hasColumns(header, ['Server name', 'Cores']) &&
    (hasColumns(header, ['Memory (In MB)']) || hasColumns(header, ['Memory (MB)']))
  );
}

/** "Disk 3 size (In GB)": the disk columns the template repeats per disk. */
const DISK_SIZE = /^disk\s*(\d+)\s*size\s*\(?in\s*gb\)?/i;

export function importAzureMigrateServers(table: Table, builder: InventoryBuilder) {
  const columns = new Columns(table);
  const diskColumns = table.header.flatMap((name) => {
    const match = DISK_SIZE.exec(name.trim());
    return match ? [{ name, label: `Disk ${match[1]}` }] : [];
  });
  table.eachRow((row) => {
    const where = { line: row.line, sheet: table.sheet };
    const cell = (...names: string[]) => columns.get(row, ...names);
    const name = cell('Server name');
    if (!name) {
      builder.reject(where, 'the Server name column is blank');
      return;
    }
    const os = [cell('OS name'), cell('OS version')].filter(Boolean).join(' ');
    const cores = parsePositiveInteger(cell('Cores'));
    const memoryMb = columns.number(row, 'Memory (In MB)', 'Memory (MB)');
    const cpuPercent = percent(columns.number(row, 'CPU utilization percentage', 'CPU utilisation percentage'));
    const memoryPercent = percent(
      columns.number(row, 'Memory utilization percentage', 'Memory utilisation percentage'),
    );
    const disks = diskColumns.flatMap(({ name: column, label }): Disk[] => {
      const size = columns.number(row, column);
      return size ? [{ name: label, capacityGiB: size }] : [];
    });
    const boot = cell('Boot type').toLowerCase();
    builder.host(
      {
        id: name,
        hostname: name,
        ips: splitAddresses(cell('IP addresses', 'IP address')),
        ...(os ? { os: { name: os } } : {}),
        platform: platformOf(os),
        ...(cores ? { cpu: { cores } } : {}),
        ...(memoryMb ? { memoryGiB: tenths(memoryMb / 1024) } : {}),
        ...(disks.length > 0 ? { disks, storageGiB: disks.reduce((sum, disk) => sum + disk.capacityGiB, 0) } : {}),
        firmware: boot === 'uefi' || boot === 'efi' ? 'efi' : boot === 'bios' ? 'bios' : undefined,
        ...(cpuPercent !== undefined || memoryPercent !== undefined
          ? {
              utilisation: {
                ...(cpuPercent !== undefined ? { cpuPercent } : {}),
                ...(memoryPercent !== undefined ? { memoryPercent } : {}),
                source: 'Azure Migrate import (CPU and memory utilization)',
              },
            }
          : {}),
      },
      where,
    );
    builder.accepted();
  });
}

/** A utilisation in percent, or nothing when blank or out of range. */
function percent(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 && value <= 100 ? value : undefined;
}

/** Azure Migrate server import CSV: the servers an assessment starts from. */
export default {
  reads: 'tables',
  format: 'azure-migrate',
  help: 'Azure Migrate server import CSV',
  precedence: 50,
  priority: 31,
  recognises: ([table]) => table !== undefined && isAzureMigrateServers(table.header),
  read: ([table], context) => built(context, 'azure-migrate', (builder) => importAzureMigrateServers(table!, builder)),
} satisfies InventoryFormatDescriptor;
