import type { Host } from '../../extract/inventory/inventory-schema-types.js';
import { platformOf } from '../../extract/inventory/inventory-values.js';
import { CLOUD_NAMES, CLOUDS, type Cloud } from './clouds.js';
import type { OsSystem, OsTable } from './os-lifecycle.js';

export type ReadinessStatus = 'ready' | 'ready-with-conditions' | 'not-ready' | 'unknown';

export interface CloudReadiness {
  status: ReadinessStatus;
  /** Why, blockers first: each names the fact and what it takes. */
  reasons: string[];
}

/** Kinds of machine that are not moved as they are: a hypervisor is replaced by the cloud, an appliance by its vendor's offer. */
const NOT_MOVED = new Set<Host['kind']>(['hypervisor', 'appliance']);

/** The operating system a host runs, as the inventory names it: what the guest reports, else what it is configured for. */
export function hostOs(host: Host): string | undefined {
  const named = host.os ? [host.os.name, host.os.version].filter(Boolean).join(' ') : undefined;
  return host.osReported || named || host.osConfigured;
}

/**
 * Whether a server can be rehosted on each cloud as it is, from the inventory alone: its
 * operating system (supported there, and by its vendor on the table's date), then its disks
 * (count, size, raw or shared or independent) and snapshots. Undefined for machines that are
 * not moved (hypervisors, appliances).
 */
export function hostReadiness(host: Host, table: OsTable): Record<Cloud, CloudReadiness> | undefined {
  if (NOT_MOVED.has(host.kind)) return undefined;
  const os = hostOs(host);
  const system = os ? table.find(os) : undefined;
  const common = commonConditions(host, table, system);
  return Object.fromEntries(
    CLOUDS.map((cloud) => {
      const blockers: string[] = [];
      const conditions: string[] = [];
      if (system) {
        const support = system.clouds[cloud];
        if (support === 'unsupported') blockers.push(`${CLOUD_NAMES[cloud]} runs no ${system.name}${system.note ? `: ${system.note}` : ''}`);
        else if (support === 'conditional') conditions.push(`${system.name} runs on ${CLOUD_NAMES[cloud]} only with conditions${system.note ? `: ${system.note}` : ''}`);
      }
      diskReasons(host, table.limits[cloud], CLOUD_NAMES[cloud], blockers);
      conditions.push(...common);
      const status: ReadinessStatus = blockers.length > 0 ? 'not-ready' : !system ? 'unknown' : conditions.length > 0 ? 'ready-with-conditions' : 'ready';
      const unknown = !system ? [os ? `operating system "${os}" is not in the lifecycle table of ${table.asOf}` : 'the inventory names no operating system'] : [];
      return [cloud, { status, reasons: [...blockers, ...unknown, ...conditions] }];
    }),
  ) as Record<Cloud, CloudReadiness>;
}

/** Conditions that hold on every cloud: the operating system's support dates, disks to convert, snapshots. */
function commonConditions(host: Host, table: OsTable, system: OsSystem | undefined): string[] {
  const conditions: string[] = [];
  if (system) {
    const { endOfSupport, extendedUntil } = system;
    if (endOfSupport && endOfSupport < table.asOf) {
      if (extendedUntil && extendedUntil >= table.asOf) conditions.push(`${system.name}: vendor support ended ${endOfSupport}; security updates only with paid extended support, until ${extendedUntil}`);
      else conditions.push(`${system.name}: no security updates since ${extendedUntil ?? endOfSupport}; upgrade before or during the move`);
    } else if (endOfSupport && endOfSupport < addYear(table.asOf)) conditions.push(`${system.name}: vendor support ends ${endOfSupport}; plan the upgrade with the move`);
  }
  const configured = host.osConfigured ? table.find(host.osConfigured) : undefined;
  // A generic setting ("Ubuntu Linux (64-bit)") or another minor release is no conflict; another system is.
  if (host.osConfigured && host.osReported && system && ((configured && configured.id !== system.id) || platformOf(host.osConfigured) !== platformOf(host.osReported)))
    conditions.push(`configured as "${host.osConfigured}", but the guest tools report "${host.osReported}": the tools are taken; correct the VM's setting before replication`);
  const raw = host.disks.filter((disk) => disk.raw).map((disk) => disk.name);
  if (raw.length > 0) conditions.push(`raw device mapping (${raw.join(', ')}): copy the LUN's data to a cloud disk; snapshot-based replication does not carry physical-mode RDMs`);
  const shared = host.disks.filter((disk) => disk.shared).map((disk) => disk.name);
  if (shared.length > 0) conditions.push(`shared disk (${shared.join(', ')}): a cluster needs the cloud's shared or multi-attach disks`);
  const independent = host.disks.filter((disk) => disk.independent).map((disk) => disk.name);
  if (independent.length > 0) conditions.push(`independent disk (${independent.join(', ')}): left out of snapshots, so snapshot-based replication skips it`);
  if (host.snapshots) conditions.push(`${host.snapshots} snapshot${host.snapshots === 1 ? '' : 's'}: consolidate before replication`);
  return conditions;
}

function diskReasons(host: Host, limits: OsTable['limits'][Cloud], cloud: string, blockers: string[]) {
  if (host.disks.length > limits.maxDisks) blockers.push(`${host.disks.length} disks, more than the ${limits.maxDisks} a ${cloud} VM attaches`);
  for (const disk of host.disks) if (disk.capacityGiB > limits.maxDiskGiB) blockers.push(`${disk.name} is ${disk.capacityGiB} GiB, over ${cloud}'s largest disk (${limits.maxDiskGiB} GiB)`);
  const boot = host.disks[0];
  if (boot && limits.maxOsDiskGiB && boot.capacityGiB > limits.maxOsDiskGiB) blockers.push(`${boot.name} (the boot disk) is ${boot.capacityGiB} GiB, over ${cloud}'s ${limits.maxOsDiskGiB} GiB limit for OS disks`);
}

function addYear(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
}
