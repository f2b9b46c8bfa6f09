import { CLOUDS, type Cloud } from '../../assess/servers/clouds.js';
import type { Server } from '../../result/schema.js';
import type { PriceList } from './instance-prices.js';

export type Target = NonNullable<NonNullable<Server['targets']>[Cloud]>;

/** Head-room over measured use, as Azure Migrate's performance-based sizing applies by default. */
export const COMFORT_FACTOR = 1.3;

/**
 * What a server needs: its measured use with head-room where the inventory gives it (never more
 * than it is allocated), else what it is allocated.
 */
export function neededCapacity(
  server: Server,
): { vcpus: number; memoryGiB: number; basis: Target['basis'] } | undefined {
  if (!server.cores || !server.memoryGiB) return undefined;
  const { cpuPercent, memoryPercent } = server.utilisation ?? {};
  const vcpus =
    cpuPercent !== undefined
      ? Math.min(server.cores, Math.max(1, Math.ceil((server.cores * cpuPercent * COMFORT_FACTOR) / 100)))
      : server.cores;
  const memoryGiB =
    memoryPercent !== undefined
      ? Math.min(server.memoryGiB, Math.max(0.5, (server.memoryGiB * memoryPercent * COMFORT_FACTOR) / 100))
      : server.memoryGiB;
  return {
    vcpus,
    memoryGiB,
    basis: cpuPercent !== undefined || memoryPercent !== undefined ? 'utilisation' : 'allocation',
  };
}

/**
 * The cheapest size of each cloud that holds what a server needs (neededCapacity) and attaches its
 * data disks, and what it
 * costs a month at the list's prices: compute (with the Windows licence for Windows guests) and
 * its provisioned storage. Only servers whose system runs on x86 are sized.
 */
export function targetSizes(server: Server, prices: PriceList): Server['targets'] {
  const needed = neededCapacity(server);
  // Only x86 systems fit the clouds' ordinary VMs: AIX on Power is rehosted on Power, not resized.
  if (!server.readiness || !needed || (server.os?.architecture ?? 'x86') !== 'x86') return undefined;
  const windows = /windows/i.test(server.os?.name ?? '');
  const targets: Partial<Record<Cloud, Target>> = {};
  for (const cloud of CLOUDS) {
    const list = prices.clouds[cloud];
    if (!list || server.readiness[cloud].status === 'not-ready') continue;
    // Every disk but the boot disk is a data disk the size must attach.
    const dataDisks = Math.max(0, (server.disks?.count ?? 0) - 1);
    const size = prices
      .sizes(cloud)
      .find(
        (candidate) =>
          candidate.vcpus >= needed.vcpus &&
          candidate.memoryGiB >= needed.memoryGiB &&
          (candidate.dataDisks ?? Infinity) >= dataDisks,
      );
    if (!size) continue;
    const compute = (size.hourly + (windows ? list.windowsPerVcpuHour * size.vcpus : 0)) * prices.hoursPerMonth;
    const storage = (server.storageGiB ?? 0) * list.storage.perGiBMonth;
    targets[cloud] = {
      instance: size.name,
      family: size.family,
      vcpus: size.vcpus,
      memoryGiB: size.memoryGiB,
      basis: needed.basis,
      monthly: { compute: cents(compute), storage: cents(storage), total: cents(compute + storage) },
    };
  }
  return Object.keys(targets).length > 0 ? (targets as Server['targets']) : undefined;
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
