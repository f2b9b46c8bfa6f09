import type { InventoryBuilder } from '../inventory-builder.js';
import type { Disk, Host } from '../inventory-schema-types.js';
import { Columns, hasColumns, type Table } from '../tables.js';
import { plural } from '../../../util/plural.js';
import { parseBoolean, parsePositiveInteger, platformOf, splitAddresses, tenths } from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * RVTools exports (VMware vSphere inventories), as an .xlsx workbook or as one CSV per sheet
 * ("RVTools_tabvInfo.csv"). Column names differ between RVTools versions (MB became MiB, "IP
 * Address" became "IPv4 Address"), so each is looked up by all its known names.
 */
export type RvToolsSheet =
  'vInfo' | 'vHost' | 'vNetwork' | 'vPartition' | 'vDisk' | 'vSnapshot' | 'vCPU' | 'vMemory' | 'vTools' | 'other';
/** The order sheets are read in: hosts, then VMs (which say which are templates), then what completes them. */
const SHEETS: RvToolsSheet[] = [
  'vHost',
  'vInfo',
  'vNetwork',
  'vDisk',
  'vPartition',
  'vSnapshot',
  'vCPU',
  'vMemory',
  'vTools',
];
/** RVTools sheets that describe no server by themselves: recognised, so that none is taken for another. */
const OTHER_SHEETS = [
  'vCluster',
  'vDatastore',
  'vSource',
  'vLicense',
  'vHealth',
  'vNIC',
  'vSwitch',
  'vPort',
  'dvSwitch',
  'dvPort',
  'vSC_VMK',
  'vMultiPath',
  'vFloppy',
  'vCD',
  'vUSB',
  'vRP',
  'vFileInfo',
  'vMetaData',
];

/** Which RVTools sheet a table is, by its sheet or file name, else by its columns. */
export function rvToolsSheet(table: Table): RvToolsSheet | undefined {
  const name = (table.sheet ?? /tab(v\w+)\.csv$/i.exec(table.file)?.[1])?.toLowerCase();
  const named = SHEETS.find((sheet) => sheet.toLowerCase() === name);
  if (named) return named;
  if (OTHER_SHEETS.some((sheet) => sheet.toLowerCase() === name)) return 'other';
  const { header } = table;
  // vCPU and vMemory name the VM and its power state too: their own columns tell them apart first.
  if (hasColumns(header, ['VM', 'CPUs', 'Sockets'])) return 'vCPU';
  if (hasColumns(header, ['VM', 'Ballooned'])) return 'vMemory';
  if (hasColumns(header, ['VM', 'Tools Version'])) return 'vTools';
  if (hasColumns(header, ['VM', 'Powerstate', 'CPUs', 'Memory'])) return 'vInfo';
  if (hasColumns(header, ['VM', 'Date / time', 'Name'])) return 'vSnapshot';
  if (hasColumns(header, ['Host', '# Cores', 'ESX Version'])) return 'vHost';
  if (hasColumns(header, ['VM', 'Mac Address', 'Network'])) return 'vNetwork';
  if (hasColumns(header, ['VM', 'Disk', 'Consumed MB']) || hasColumns(header, ['VM', 'Disk', 'Consumed MiB']))
    return 'vPartition';
  if (hasColumns(header, ['VM', 'Disk', 'Disk Mode'])) return 'vDisk';
  return undefined;
}

const MIB = ['MiB', 'MB'];
const mib = (base: string) => MIB.map((unit) => `${base} ${unit}`);

export function importRvTools(tables: Table[], builder: InventoryBuilder) {
  const sheets = tables.flatMap((table) => {
    const sheet = rvToolsSheet(table);
    return sheet && sheet !== 'other' ? [{ table, sheet }] : [];
  });
  sheets.sort((a, b) => SHEETS.indexOf(a.sheet) - SHEETS.indexOf(b.sheet));
  const esxVersions = new Map<string, string>();
  const diskMiB = new Map<string, number>();
  /** VMs vInfo marks as templates: other sheets may not say so. */
  const templates = new Set<string>();
  const snapshots = new Map<string, number>();
  for (const { table, sheet } of sheets) {
    const columns = new Columns(table);
    if (!checkColumns(table, sheet, columns, builder)) continue;
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
        const memory = columns.number(row, '# Memory');
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
            kind: 'hypervisor',
            cluster: cell('Cluster') || undefined,
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
      if (parseBoolean(cell('Template')) === true || templates.has(vm)) {
        templates.add(vm);
        builder.template(where, vm);
        return;
      }
      if (sheet === 'vInfo') {
        const configured = cell('OS according to the configuration file');
        const reported = cell('OS according to the VMware Tools');
        const os = reported || configured || cell('OS');
        const firmware = cell('Firmware').toLowerCase();
        const cores = parsePositiveInteger(cell('CPUs'));
        const memory = columns.number(row, 'Memory', ...mib('Memory'));
        const provisioned = columns.number(row, ...mib('Provisioned'));
        const inUse = columns.number(row, ...mib('In Use'));
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
            ...(memory ? { memoryGiB: tenths(memory / 1024) } : {}),
            ...(provisioned ? { storageGiB: tenths(provisioned / 1024) } : {}),
            ...(inUse !== undefined ? { storageUsedGiB: tenths(inUse / 1024) } : {}),
            location: cell('Datacenter') || undefined,
            virtualisation: esx ? `VMware vSphere (ESXi ${esx})` : 'VMware vSphere',
            environment: cell('Environment') || undefined,
            kind: 'vm',
            powerState: powerState(cell('Powerstate')),
            osConfigured: configured || undefined,
            osReported: reported || undefined,
            firmware: firmware === 'efi' || firmware === 'bios' ? firmware : undefined,
            cluster: cell('Cluster') || undefined,
            hypervisor: cell('Host') || undefined,
          },
          where,
        );
      } else if (sheet === 'vSnapshot') {
        snapshots.set(vm, (snapshots.get(vm) ?? 0) + 1);
        builder.host({ id: vm }, where, false);
      } else if (sheet === 'vNetwork') {
        const adapter = cell('Adapter');
        const nic = {
          name: cell('NIC label', 'Network adapter') || `row ${row.line}`,
          ...(adapter ? { adapter } : {}),
          ...(cell('Network') ? { network: cell('Network') } : {}),
        };
        builder.host(
          { id: vm, ips: splitAddresses(cell('IPv4 Address', 'IP Address', 'IPv6 Address')), nics: [nic] },
          where,
          false,
        );
      } else if (sheet === 'vCPU' || sheet === 'vMemory') {
        // What the VM used when the export was taken: one moment, not a peak; nothing for a VM that is off.
        const [used, of] =
          sheet === 'vCPU'
            ? [columns.number(row, 'Overall'), columns.number(row, 'Max')]
            : [columns.number(row, 'Active'), columns.number(row, ...mib('Size'))];
        const percent =
          powerState(cell('Powerstate')) !== 'off' && used !== undefined && of
            ? Math.min(100, tenths((100 * used) / of))
            : undefined;
        const source = 'RVTools vCPU and vMemory (one moment)';
        builder.host(
          {
            id: vm,
            ...(percent !== undefined
              ? { utilisation: sheet === 'vCPU' ? { cpuPercent: percent, source } : { memoryPercent: percent, source } }
              : {}),
          },
          where,
          false,
        );
      } else if (sheet === 'vTools') {
        const tools = TOOLS_STATES[cell('Tools').toLowerCase()];
        builder.host({ id: vm, ...(tools ? { tools } : {}) }, where, false);
      } else {
        // vDisk and vPartition: provisioned capacity, for VMs whose vInfo row is missing.
        const capacity = columns.number(row, ...mib('Capacity'));
        if (capacity === undefined) {
          builder.reject(where, `no Capacity MB/MiB for ${vm}`);
          return;
        }
        if (sheet === 'vDisk') {
          diskMiB.set(vm, (diskMiB.get(vm) ?? 0) + capacity);
          const mode = cell('Disk Mode');
          const disk: Disk = { name: cell('Disk') || `row ${row.line}`, capacityGiB: tenths(capacity / 1024) };
          const raw = parseBoolean(cell('Raw'));
          if (raw !== undefined) disk.raw = raw;
          if (/multi-?writer/i.test(cell('Sharing mode'))) disk.shared = true;
          if (/independent/i.test(mode)) disk.independent = true;
          builder.host({ id: vm, disks: [disk] }, where, false);
        } else builder.host({ id: vm }, where, false);
      }
      builder.accepted();
    });
  }
  for (const [vm, capacity] of diskMiB)
    builder.host({ id: vm, storageGiB: tenths(capacity / 1024) }, { line: 0 }, false);
  for (const [vm, count] of snapshots) builder.host({ id: vm, snapshots: count }, { line: 0 }, false);
  return sheets.length;
}

/** Columns without which a sheet's rows say nothing, and columns without which every VM lacks a fact. */
const REQUIRED: Partial<Record<RvToolsSheet, string[][]>> = {
  vHost: [['Host']],
  vInfo: [['VM']],
  vNetwork: [['VM']],
  vDisk: [['VM'], mib('Capacity')],
  vPartition: [['VM'], mib('Capacity')],
  vSnapshot: [['VM']],
  vCPU: [['VM']],
  vMemory: [['VM']],
  vTools: [['VM']],
};
const WANTED: Partial<Record<RvToolsSheet, { names: string[]; fact: string }[]>> = {
  vInfo: [
    { names: ['CPUs'], fact: 'vCPUs' },
    { names: ['Memory', ...mib('Memory')], fact: 'memory' },
    {
      names: ['OS according to the VMware Tools', 'OS according to the configuration file', 'OS'],
      fact: 'operating system',
    },
  ],
};

/**
 * Says once per sheet what its header lacks (never once per row): a sheet without a column it
 * cannot do without is skipped with an error naming the column and the columns found; one
 * without a column some fact comes from is read, with a warning that the fact is unknown.
 */
function checkColumns(table: Table, sheet: RvToolsSheet, columns: Columns, builder: InventoryBuilder): boolean {
  const where = { line: table.titleRows ?? 1, sheet: table.sheet };
  const label = table.sheet ? 'the sheet' : `this ${sheet} export`;
  if (table.titleRows) builder.note(where, `${plural(table.titleRows, 'title line')} above the header skipped`);
  const found = table.header.filter(Boolean);
  const listed = `${found.slice(0, 12).join(', ')}${found.length > 12 ? `, … (${found.length} columns)` : ''}`;
  const missing = (REQUIRED[sheet] ?? []).filter((names) => !columns.has(...names));
  if (missing.length > 0) {
    builder.problem(
      where,
      `${label} has no ${missing.map((names) => names.join(' or ')).join(', no ')} column, so none of its rows is read; its columns: ${listed}`,
    );
    return false;
  }
  for (const { names, fact } of WANTED[sheet] ?? [])
    if (!columns.has(...names))
      builder.note(
        where,
        `${label} has no ${names[0]} column: the ${fact} of every VM is unknown; its columns: ${listed}`,
        'warning',
      );
  return true;
}

/** The Tools column of vTools. */
const TOOLS_STATES: Record<string, Host['tools']> = {
  toolsok: 'ok',
  toolsold: 'old',
  toolsnotrunning: 'not-running',
  toolsnotinstalled: 'not-installed',
};

/** RVTools writes poweredOn, poweredOff, suspended. */
function powerState(text: string): Host['powerState'] {
  const state = text.trim().toLowerCase();
  return state === 'poweredon'
    ? 'on'
    : state === 'poweredoff'
      ? 'off'
      : state === 'suspended'
        ? 'suspended'
        : undefined;
}

/** RVTools exports of a vSphere estate: a workbook, or its sheets saved one CSV each. */
export default {
  reads: 'tables',
  format: 'rvtools',
  help: 'RVTools (.xlsx or per-sheet CSV)',
  precedence: 30,
  priority: 10,
  recognises: (tables) => tables.some((table) => rvToolsSheet(table)),
  read: (tables, context) => built(context, 'rvtools', (builder) => importRvTools(tables, builder)),
} satisfies InventoryFormatDescriptor;
