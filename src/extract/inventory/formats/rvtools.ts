import type { InventoryBuilder } from '../inventory-builder.js';
import { Columns, hasColumns, type Table } from '../tables.js';
import { parseBoolean, parseNumber, parsePositiveInteger, platformOf, splitAddresses } from '../inventory-values.js';

/**
 * RVTools exports (VMware vSphere inventories), as an .xlsx workbook or as one CSV per sheet
 * ("RVTools_tabvInfo.csv"). Column names differ between RVTools versions (MB became MiB, "IP
 * Address" became "IPv4 Address"), so each is looked up by all its known names.
 */
export type RvToolsSheet = 'vInfo' | 'vHost' | 'vNetwork' | 'vPartition' | 'vDisk';
const SHEETS: RvToolsSheet[] = ['vHost', 'vInfo', 'vNetwork', 'vDisk', 'vPartition'];

/** Which RVTools sheet a table is, by its sheet or file name, else by its columns. */
export function rvToolsSheet(table: Table): RvToolsSheet | undefined {
  const name = table.sheet ?? /tab(v\w+)\.csv$/i.exec(table.file)?.[1];
  const named = SHEETS.find((sheet) => sheet.toLowerCase() === name?.toLowerCase());
  if (named) return named;
  const { header } = table;
  if (hasColumns(header, ['VM', 'Powerstate', 'CPUs'])) return 'vInfo';
  if (hasColumns(header, ['Host', '# Cores', 'ESX Version'])) return 'vHost';
  if (hasColumns(header, ['VM', 'Mac Address', 'Network'])) return 'vNetwork';
  if (hasColumns(header, ['VM', 'Disk', 'Consumed MB']) || hasColumns(header, ['VM', 'Disk', 'Consumed MiB'])) return 'vPartition';
  if (hasColumns(header, ['VM', 'Disk', 'Disk Mode'])) return 'vDisk';
  return undefined;
}

const MIB = ['MiB', 'MB'];
const mib = (base: string) => MIB.map((unit) => `${base} ${unit}`);

export function importRvTools(tables: Table[], builder: InventoryBuilder) {
  const sheets = tables.flatMap((table) => {
    const sheet = rvToolsSheet(table);
    return sheet ? [{ table, sheet }] : [];
  });
  sheets.sort((a, b) => SHEETS.indexOf(a.sheet) - SHEETS.indexOf(b.sheet));
  const esxVersions = new Map<string, string>();
  const diskMiB = new Map<string, number>();
  for (const { table, sheet } of sheets) {
    const columns = new Columns(table);
    table.eachRow((row) => {
      const where = { line: row.line, sheet: table.sheet };
      const cell = (...names: string[]) => columns.get(row, ...names);
      if (sheet === 'vHost') {
        const name = cell('Host');
        if (!name) {
          builder.reject(where, 'the Host column is blank');
          return;
        }
        const version = cell('ESX Version');
        if (version) esxVersions.set(name.toLowerCase(), version.replace(/^VMware ESXi\s*/i, ''));
        const cores = parsePositiveInteger(cell('# Cores'));
        const memory = parseNumber(cell('# Memory'));
        builder.host(
          {
            id: name,
            hostname: name,
            ...(version ? { os: { name: version } } : {}),
            platform: 'other',
            hardware: [cell('Vendor'), cell('Model')].filter(Boolean).join(' ') || undefined,
            ...(cores ? { cpu: { cores } } : {}),
            ...(memory ? { memoryGiB: Math.round(memory / 1024) } : {}),
            location: cell('Datacenter') || undefined,
            virtualisation: 'VMware ESXi hypervisor',
            groups: ['vmware-esxi-host'],
          },
          where,
        );
        builder.accepted();
        return;
      }
      const vm = cell('VM');
      if (!vm) {
        builder.reject(where, 'the VM column is blank');
        return;
      }
      if (parseBoolean(cell('Template')) === true) {
        builder.ignore(where, `${vm} is a VM template, not a server`);
        return;
      }
      if (sheet === 'vInfo') {
        const os = cell('OS according to the VMware Tools', 'OS according to the configuration file', 'OS');
        const cores = parsePositiveInteger(cell('CPUs'));
        const memory = parseNumber(cell('Memory', ...mib('Memory')));
        const provisioned = parseNumber(cell(...mib('Provisioned')));
        const esx = esxVersions.get(cell('Host').toLowerCase());
        builder.host(
          {
            id: vm,
            hostname: cell('DNS Name') || undefined,
            aliases: [cell('VM UUID', 'VI SDK UUID', 'UUID')].filter(Boolean),
            ips: splitAddresses(cell('Primary IP Address', 'IP Address')),
            ...(os ? { os: { name: os } } : {}),
            platform: platformOf(os),
            ...(cores ? { cpu: { cores } } : {}),
            ...(memory ? { memoryGiB: round(memory / 1024) } : {}),
            ...(provisioned ? { storageGiB: round(provisioned / 1024) } : {}),
            location: cell('Datacenter') || undefined,
            virtualisation: esx ? `VMware vSphere (ESXi ${esx})` : 'VMware vSphere',
            environment: cell('Environment') || undefined,
          },
          where,
        );
      } else if (sheet === 'vNetwork') {
        builder.host({ id: vm, ips: splitAddresses(cell('IPv4 Address', 'IP Address', 'IPv6 Address')) }, where, false);
      } else {
        // vDisk and vPartition: provisioned capacity, for VMs whose vInfo row is missing.
        const capacity = parseNumber(cell(...mib('Capacity')));
        if (capacity === undefined) {
          builder.reject(where, `no Capacity MB/MiB for ${vm}`);
          return;
        }
        if (sheet === 'vDisk') diskMiB.set(vm, (diskMiB.get(vm) ?? 0) + capacity);
        builder.host({ id: vm }, where, false);
      }
      builder.accepted();
    });
  }
  for (const [vm, capacity] of diskMiB) builder.host({ id: vm, storageGiB: round(capacity / 1024) }, { line: 0 }, false);
  return sheets.length;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
