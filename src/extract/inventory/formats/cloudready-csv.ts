import type { z } from 'zod';
import type { InventoryBuilder } from '../inventory-builder.js';
import { Connection, Host, InventoryApplication, Software } from '../inventory-schema.js';
import { Columns, hasColumns, type Table, type TableRow } from '../tables.js';
import { parseBoolean, parseNumber, platformOf, splitAddresses, splitList } from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * cloudready's inventory as CSV (docs/inventory.md): one file per record kind, told apart by
 * their header. Column names follow the YAML fields in snake_case.
 */
export type CloudreadyCsvKind = 'hosts' | 'software' | 'applications' | 'connections';

export function cloudreadyCsvKind(header: string[]): CloudreadyCsvKind | undefined {
  if (hasColumns(header, ['source', 'target'])) return 'connections';
  if (hasColumns(header, ['host', 'name', 'licence_model']) || hasColumns(header, ['host', 'name', 'vendor']))
    return 'software';
  if (hasColumns(header, ['id', 'hosts'])) return 'applications';
  if (hasColumns(header, ['id', 'hostname']) && (hasColumns(header, ['platform']) || hasColumns(header, ['os'])))
    return 'hosts';
  return undefined;
}

/** First zod issue as "field: message". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/** Only cells that hold something: a blank cell is an absent field, not an empty string. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as T;
}

/** A number cell that is filled but not a number stays text, so that validation names it. */
function numberCell(text: string): number | string | undefined {
  if (!text) return undefined;
  return parseNumber(text) ?? text;
}

export function importCloudreadyCsv(table: Table, kind: CloudreadyCsvKind, builder: InventoryBuilder) {
  const columns = new Columns(table);
  table.eachRow((row) => {
    const where = { line: row.line };
    const result = parseRow(kind, columns, row);
    if (!result.success) {
      builder.reject(where, firstIssue(result.error));
      return;
    }
    builder.accepted();
    const data = result.data;
    if (kind === 'hosts') builder.host(data as z.infer<typeof Host>, where);
    else if (kind === 'software') {
      const { host, ...software } = data as z.infer<typeof Software> & { host: string };
      builder.host({ id: host }, where, false);
      builder.software(host, software);
    } else if (kind === 'applications') builder.application(data as z.infer<typeof InventoryApplication>, where);
    else builder.connection(data as z.infer<typeof Connection>, where);
  });
}

function parseRow(kind: CloudreadyCsvKind, columns: Columns, row: TableRow) {
  const cell = (...names: string[]) => columns.get(row, ...names);
  if (kind === 'hosts') {
    const os = cell('os', 'os_name');
    const cores = numberCell(cell('cpu_cores', 'cores'));
    const cpuPercent = numberCell(cell('cpu_utilisation_percent', 'cpu_utilization_percent'));
    const memoryPercent = numberCell(cell('memory_utilisation_percent', 'memory_utilization_percent'));
    return Host.safeParse(
      defined({
        id: cell('id'),
        hostname: cell('hostname'),
        aliases: splitList(cell('aliases')),
        ips: splitAddresses(cell('ips', 'ip')),
        os: os ? defined({ name: os, version: cell('os_version') }) : undefined,
        platform: cell('platform') || platformOf(os),
        hardware: cell('hardware'),
        cpu:
          cores !== undefined ? defined({ cores, architecture: cell('cpu_architecture', 'architecture') }) : undefined,
        memoryGiB: numberCell(cell('memory_gib')),
        storageGiB: numberCell(cell('storage_gib')),
        storageUsedGiB: numberCell(cell('storage_used_gib')),
        environment: cell('environment'),
        location: cell('location'),
        virtualisation: cell('virtualisation', 'virtualization'),
        groups: splitList(cell('groups')),
        utilisation:
          cpuPercent !== undefined || memoryPercent !== undefined
            ? defined({ cpuPercent, memoryPercent, source: cell('utilisation_source', 'utilization_source') })
            : undefined,
      }),
    );
  }
  if (kind === 'software') {
    const model = cell('licence_model', 'license_model');
    const byol = cell('byol');
    const parsed = Software.extend({ host: Host.shape.id }).safeParse(
      defined({
        host: cell('host'),
        name: cell('name'),
        vendor: cell('vendor'),
        version: cell('version'),
        licence: model
          ? defined({
              model,
              metric: cell('licence_metric'),
              cores: numberCell(cell('licence_cores')),
              byol: byol ? (parseBoolean(byol) ?? byol) : undefined,
              server: cell('licence_server'),
              hostId: cell('licence_host_id'),
            })
          : undefined,
      }),
    );
    return parsed;
  }
  if (kind === 'applications') {
    const sla = defined({
      availability: numberCell(cell('availability')),
      rtoMinutes: numberCell(cell('rto_minutes')),
      rpoMinutes: numberCell(cell('rpo_minutes')),
      criticality: cell('criticality'),
      dataClassification: cell('data_classification'),
    });
    return InventoryApplication.safeParse(
      defined({ id: cell('id'), hosts: splitList(cell('hosts')), sla: Object.keys(sla).length ? sla : undefined }),
    );
  }
  const latency = cell('latency_sensitive');
  return Connection.safeParse(
    defined({
      source: cell('source'),
      target: cell('target'),
      port: numberCell(cell('port')),
      protocol: cell('protocol'),
      volume: cell('volume'),
      latencySensitive: latency ? (parseBoolean(latency) ?? latency) : undefined,
      observations: numberCell(cell('observations')),
    }),
  );
}

/** cloudready's own CSV: one file each for hosts, software, applications and connections. */
export default {
  reads: 'tables',
  format: 'cloudready-csv',
  help: 'cloudready CSV',
  precedence: 20,
  priority: 40,
  recognises: ([table]) => table !== undefined && cloudreadyCsvKind(table.header) !== undefined,
  read: ([table], context) =>
    built(context, 'cloudready-csv', (builder) =>
      importCloudreadyCsv(table!, cloudreadyCsvKind(table!.header)!, builder),
    ),
} satisfies InventoryFormatDescriptor;
