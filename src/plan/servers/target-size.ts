import { CLOUDS, type Cloud } from '../../assess/servers/clouds.js';
import type { Server } from '../../result/schema.js';
import type { PriceList } from './instance-prices.js';

export type Target = NonNullable<Server['targets']>[Cloud];

/**
 * The cheapest size of each cloud that holds a server's allocated vCPUs and memory, and what it
 * costs a month at the list's prices: compute (with the Windows licence for Windows guests) and
 * its provisioned storage. Only servers whose system runs on x86 are sized. Allocation, not use:
 * RVTools' point-in-time use figures are no peak, and a size picked from them would starve the
 * busy hour.
 */
export function targetSizes(server: Server, prices: PriceList): Server['targets'] {
  // Only x86 systems fit the clouds' ordinary VMs: AIX on Power is rehosted on Power, not resized.
  if (!server.readiness || !server.cores || !server.memoryGiB || (server.os?.architecture ?? 'x86') !== 'x86') return undefined;
  const windows = /windows/i.test(server.os?.name ?? '');
  const targets: Partial<Record<Cloud, Target>> = {};
  for (const cloud of CLOUDS) {
    const list = prices.clouds[cloud];
    if (!list || server.readiness[cloud].status === 'not-ready') continue;
    const size = prices.sizes(cloud).find((candidate) => candidate.vcpus >= server.cores! && candidate.memoryGiB >= server.memoryGiB!);
    if (!size) continue;
    const compute = (size.hourly + (windows ? list.windowsPerVcpuHour * size.vcpus : 0)) * prices.hoursPerMonth;
    const storage = (server.storageGiB ?? 0) * list.storage.perGiBMonth;
    targets[cloud] = {
      instance: size.name,
      family: size.family,
      vcpus: size.vcpus,
      memoryGiB: size.memoryGiB,
      basis: 'allocation',
      monthly: { compute: cents(compute), storage: cents(storage), total: cents(compute + storage) },
    };
  }
  return Object.keys(targets).length > 0 ? (targets as Server['targets']) : undefined;
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
