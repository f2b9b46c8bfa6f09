import type { InventoryBuilder } from '../inventory-builder.js';
import type { Connection } from '../inventory-schema-types.js';
import { Columns, hasColumns, type Table } from '../tables.js';
import { isAnonymousAddress, normaliseAddress, parsePort } from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * Azure Migrate dependency analysis export: one row per connection seen in a time slot
 * (Time slot, Source server name, Source IP, Source application, Source process, Destination
 * server name, Destination IP, Destination application, Destination process, Destination port).
 * Servers Azure Migrate names become hosts; a destination with only an IP is traffic to a
 * machine Azure Migrate does not know, kept as such.
 */
export function isAzureMigrateDependencies(header: string[]): boolean {
  return hasColumns(header, ['Source IP', 'Destination IP', 'Destination port']);
}

export function importAzureMigrate(table: Table, builder: InventoryBuilder) {
  const columns = new Columns(table);
  // Exports repeat each server on thousands of rows: describe it once per name, address and application.
  const described = new Set<string>();
  // A connection is seen once per time slot however many rows (processes, sockets) show it there:
  // the connections seen in each slot (a set of objects per slot, not a million slot keys).
  const seen = new Map<string, Set<Connection>>();
  table.eachRow((row) => {
    const where = { line: row.line, sheet: table.sheet };
    const cell = (name: string) => columns.get(row, name);
    const source = endpoint(cell('Source server name'), cell('Source IP'));
    const target = endpoint(cell('Destination server name'), cell('Destination IP'));
    if (!source || !target) {
      builder.reject(where, `no ${source ? 'destination' : 'source'} server name or IP`);
      return;
    }
    const portText = cell('Destination port');
    const port = parsePort(portText);
    if (portText && port === undefined) {
      builder.reject(where, `destination port "${portText}" is not a port number`);
      return;
    }
    if (isAnonymousAddress(source.address ?? '') && isAnonymousAddress(target.address ?? '')) {
      builder.ignore(where, 'loopback traffic within one server');
      return;
    }
    for (const [side, application] of [
      [source, cell('Source application')],
      [target, cell('Destination application')],
    ] as const) {
      if (!side.name) continue;
      const key = [side.name, side.address ?? '', application].join('\0');
      if (described.has(key)) continue;
      described.add(key);
      builder.host(
        {
          id: side.name,
          hostname: side.name,
          ips: side.address && !isAnonymousAddress(side.address) ? [side.address] : [],
        },
        where,
        false,
      );
      // Azure Migrate's "application" is the product the process belongs to (SQL Server, IIS ...).
      if (application && !/^(unknown|-)$/i.test(application)) builder.software(side.name, { name: application });
    }
    const [from, to] = [source.name ?? source.address!, target.name ?? target.address!];
    const kept = builder.connection(
      {
        source: from,
        target: to,
        ...(port ? { port } : {}),
        observations: 0,
        ...(cell('Source process') ? { sourceProcess: cell('Source process') } : {}),
        ...(cell('Destination process') ? { targetProcess: cell('Destination process') } : {}),
      },
      where,
    );
    const slot = cell('Time slot');
    const inSlot = seen.get(slot) ?? new Set<Connection>();
    seen.set(slot, inSlot);
    if (!inSlot.has(kept)) {
      inSlot.add(kept);
      kept.observations = (kept.observations ?? 0) + 1;
    }
    builder.accepted();
  });
}

function endpoint(name: string, ip: string): { name?: string; address?: string } | undefined {
  const address = ip ? normaliseAddress(ip) : undefined;
  const server = name && !/^(unknown|-)$/i.test(name) ? name : undefined;
  if (!server && !address) return undefined;
  return { ...(server ? { name: server } : {}), ...(address ? { address } : {}) };
}

/** Azure Migrate dependency analysis export: connections between servers. */
export default {
  reads: 'tables',
  format: 'azure-migrate',
  help: 'Azure Migrate dependencies CSV',
  precedence: 50,
  priority: 30,
  recognises: ([table]) => table !== undefined && isAzureMigrateDependencies(table.header),
  read: ([table], context) => built(context, 'azure-migrate', (builder) => importAzureMigrate(table!, builder)),
} satisfies InventoryFormatDescriptor;
