import type { PlacedApplication } from '../../model/inventory-context.js';
import type { Estate } from '../../model/estate.js';
import type { Host } from '../../extract/inventory/inventory-schema-types.js';
import type { Server } from '../../result/schema.js';
import { compareStrings } from '../../util/compare.js';
import { hostOs, hostReadiness } from './host-readiness.js';
import { builtInOsTable, type OsTable } from './os-lifecycle.js';

/**
 * Every server the inventories describe, as the result lists it: what it is, what it runs on and
 * with, the applications placed on it, and whether it can be rehosted on each cloud. An estate
 * with no code at all still gets a verdict per machine.
 */
export function serversOf(estate: Estate, facts: PlacedApplication[], table?: OsTable): Server[] {
  if (estate.hosts.length === 0) return [];
  const lifecycle = table ?? builtInOsTable();
  const applications = new Map<string, Set<string>>();
  const place = (host: string, app: string) => applications.set(host, (applications.get(host) ?? new Set()).add(app));
  for (const app of estate.applications) for (const host of app.hosts) place(host, app.id);
  for (const fact of facts) for (const placed of fact.inventory?.hosts ?? []) place(placed.host.id, fact.app.id);
  return estate.hosts.map(({ host, records }): Server => {
    const os = hostOs(host);
    const system = os ? lifecycle.find(os) : undefined;
    const readiness = hostReadiness(host, lifecycle);
    const count = (flag: 'raw' | 'shared' | 'independent') => host.disks.filter((disk) => disk[flag]).length;
    return {
      id: host.id,
      name: host.hostname ?? host.id,
      kind: host.kind ?? kindOf(host),
      ...(host.powerState ? { powerState: host.powerState } : {}),
      ...(os
        ? {
            os: {
              name: os,
              ...(host.osConfigured ? { configured: host.osConfigured } : {}),
              ...(host.osReported ? { reported: host.osReported } : {}),
              ...(system ? { lifecycle: system.id, architecture: system.architecture } : {}),
              ...(system?.endOfSupport ? { endOfSupport: system.endOfSupport } : {}),
              ...(system?.extendedUntil ? { extendedUntil: system.extendedUntil } : {}),
            },
          }
        : {}),
      ...(host.cpu ? { cores: host.cpu.cores } : {}),
      ...(host.memoryGiB ? { memoryGiB: host.memoryGiB } : {}),
      ...(host.storageGiB ? { storageGiB: host.storageGiB } : {}),
      ...(host.storageUsedGiB !== undefined ? { storageUsedGiB: host.storageUsedGiB } : {}),
      ...(host.disks.length > 0
        ? {
            disks: {
              count: host.disks.length,
              raw: count('raw'),
              shared: count('shared'),
              independent: count('independent'),
            },
          }
        : {}),
      ...(host.snapshots !== undefined ? { snapshots: host.snapshots } : {}),
      ...(host.nics.length > 0 ? { nics: host.nics.map((nic) => ({ ...nic })) } : {}),
      ...(host.tools ? { tools: host.tools } : {}),
      ...(host.utilisation ? { utilisation: utilisationOf(host.utilisation) } : {}),
      ...(host.firmware ? { firmware: host.firmware } : {}),
      addresses: [...host.ips].sort(compareStrings),
      ...(host.location ? { datacenter: host.location } : {}),
      ...(host.cluster ? { cluster: host.cluster } : {}),
      ...(host.hypervisor ? { hypervisor: host.hypervisor } : {}),
      ...(host.environment ? { environment: host.environment } : {}),
      applications: [...(applications.get(host.id) ?? [])].sort(compareStrings),
      records,
      ...(readiness ? { readiness } : {}),
    };
  });
}

/** Measured use in a fixed order, whichever sheet gave which figure first. */
function utilisationOf({
  cpuPercent,
  memoryPercent,
  source,
}: NonNullable<Host['utilisation']>): NonNullable<Server['utilisation']> {
  return {
    ...(cpuPercent !== undefined ? { cpuPercent } : {}),
    ...(memoryPercent !== undefined ? { memoryPercent } : {}),
    ...(source ? { source } : {}),
  };
}

/** What a machine is when the inventory does not say: from its platform and virtualisation. */
function kindOf(host: { platform?: string | undefined; virtualisation?: string | undefined }): Server['kind'] {
  if (host.platform === 'z/OS') return 'mainframe';
  const virtualisation = host.virtualisation ?? '';
  if (/bare.?metal|physical/i.test(virtualisation)) return 'physical';
  if (/vmware|vsphere|hyper-?v|kvm|xen|lpar|virtual|ec2|azure|gce/i.test(virtualisation)) return 'vm';
  return 'unknown';
}
