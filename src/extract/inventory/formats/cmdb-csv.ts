import type { CmdbColumns } from './cmdb-columns.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';
import type { InventoryBuilder } from '../inventory-builder.js';
import { Columns, type Table } from '../tables.js';
import { parseNumber, parsePositiveInteger, platformOf, splitAddresses, splitList } from '../inventory-values.js';

/** Columns the mapping names that the file does not have: a typo in the mapping, said once. */
export function missingCmdbColumns(table: Table, mapping: CmdbColumns): string[] {
  const columns = new Columns(table);
  return Object.values(mapping).filter((column) => !columns.has(column));
}

export function importCmdbCsv(table: Table, mapping: CmdbColumns, builder: InventoryBuilder) {
  const columns = new Columns(table);
  const missing = missingCmdbColumns(table, mapping);
  if (missing.length)
    builder.note(
      { line: 1 },
      `the column mapping names ${missing.map((name) => `"${name}"`).join(', ')}, which the header does not have`,
      'warning',
    );
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

/** A CMDB export: no header says it is one, so cloudready.yaml names it and maps its columns. */
export default {
  reads: 'tables',
  format: 'cmdb-csv',
  help: 'CMDB CSV with a column mapping',
  precedence: 60,
  priority: 90,
  recognises: undefined,
  read(tables, context) {
    const { columns } = context;
    if (!columns) {
      context.diagnostics.push({
        level: 'error',
        code: 'inventory-format',
        file: context.file,
        message: 'format cmdb-csv needs a columns: mapping in cloudready.yaml (docs/inventory.md)',
      });
      return undefined;
    }
    return built(context, 'cmdb-csv', (builder) => tables.forEach((table) => importCmdbCsv(table, columns, builder)));
  },
} satisfies InventoryFormatDescriptor;
