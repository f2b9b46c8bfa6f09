import { describe, expect, it } from 'vitest';
import { builtInPrices, priceList } from '../../../src/plan/servers/instance-prices.js';
import { serverCosts } from '../../../src/plan/servers/server-costs.js';
import { targetSizes } from '../../../src/plan/servers/target-size.js';
import type { Server } from '../../../src/result/schema.js';
import { EURO_PRICES } from '../../helpers/price-list.js';

const ready = { status: 'ready' as const, reasons: [] };
const server = (id: string, extra: Partial<Server>): Server => ({
  id,
  name: id,
  kind: 'vm',
  addresses: [],
  applications: [],
  records: [],
  readiness: { aws: ready, azure: ready, gcp: ready },
  ...extra,
});

describe('target size and monthly cost', () => {
  it('takes the cheapest size that holds the allocated vCPUs and memory, from any family', () => {
    const targets = targetSizes(
      server('app', { cores: 2, memoryGiB: 12, storageGiB: 100, os: { name: 'Red Hat Enterprise Linux 9' } }),
      builtInPrices(),
    )!;
    expect(targets.aws).toMatchObject({
      instance: 'r7i.large',
      family: 'memory',
      vcpus: 2,
      memoryGiB: 16,
      basis: 'allocation',
    });
    // 0.1323 $/h × 730 h, and 100 GiB of gp3 at 0.08.
    expect(targets.aws!.monthly).toEqual({ compute: 96.58, storage: 8, total: 104.58 });
    expect(targets.azure!.instance).toBe('Standard_E2s_v5');
    expect(targets.gcp!.instance).toBe('n2-highmem-2');
  });

  it('adds the Windows licence per vCPU, and sizes nothing where the server is not ready or its size is unknown', () => {
    const prices = priceList(EURO_PRICES, 'prices.yaml');
    const windows = targetSizes(
      server('win', { cores: 3, memoryGiB: 8, os: { name: 'Microsoft Windows Server 2019 Standard' } }),
      prices,
    )!;
    expect(windows).toEqual({
      azure: {
        instance: 'D4',
        family: 'general',
        vcpus: 4,
        memoryGiB: 16,
        basis: 'allocation',
        monthly: { compute: 292, storage: 0, total: 292 },
      },
    });
    const blocked = server('sol', {
      cores: 2,
      memoryGiB: 4,
      readiness: { aws: ready, azure: { status: 'not-ready', reasons: ['x'] }, gcp: ready },
    });
    expect(targetSizes(blocked, prices)).toBeUndefined();
    expect(targetSizes(server('nocpu', { memoryGiB: 4 }), prices)).toBeUndefined();
    // Larger than every size of the list.
    expect(targetSizes(server('huge', { cores: 64, memoryGiB: 8 }), prices)).toBeUndefined();
  });

  it('picks a size that attaches every data disk, and sizes on measured use with head-room, never above the allocation', () => {
    const prices = builtInPrices();
    // Nine disks: eight data disks, more than a 2-vCPU Azure size attaches (four).
    const disky = targetSizes(
      server('files', { cores: 2, memoryGiB: 8, disks: { count: 9, raw: 0, shared: 0, independent: 0 } }),
      prices,
    )!;
    expect(disky.azure).toMatchObject({ instance: 'Standard_F4s_v2', vcpus: 4 });
    expect(disky.aws!.vcpus).toBe(2);
    // 10 % of 16 vCPUs and 25 % of 64 GiB in use: 3 vCPUs and 20.8 GiB with 30 % head-room.
    const busy = { cpuPercent: 10, memoryPercent: 25, source: 'test' };
    expect(targetSizes(server('quiet', { cores: 16, memoryGiB: 64, utilisation: busy }), prices)!.aws).toMatchObject({
      basis: 'utilisation',
      vcpus: 4,
      memoryGiB: 32,
    });
    // Flat out: the allocation, not more.
    expect(
      targetSizes(
        server('hot', { cores: 4, memoryGiB: 16, utilisation: { cpuPercent: 100, memoryPercent: 100 } }),
        prices,
      )!.aws,
    ).toMatchObject({ basis: 'utilisation', vcpus: 4, memoryGiB: 16 });
  });

  it('adds up a month per cloud, powered-off servers apart, and counts those not sized', () => {
    const prices = priceList(EURO_PRICES, 'prices.yaml');
    const servers = [
      server('a', { cores: 2, memoryGiB: 8 }),
      server('b', { cores: 2, memoryGiB: 8, powerState: 'off' }),
      server('c', {}),
      { ...server('esx', {}), kind: 'hypervisor' as const, readiness: undefined },
    ].map((one) => {
      const targets = targetSizes(one, prices);
      return targets ? { ...one, targets } : one;
    });
    expect(serverCosts(servers, prices)).toEqual({
      currency: 'EUR',
      priceDate: '2026-11-30',
      source: 'prices.yaml',
      hoursPerMonth: 730,
      clouds: {
        azure: {
          region: 'westeurope',
          storage: 'Standard SSD',
          servers: 1,
          monthly: 73,
          poweredOff: { servers: 1, monthly: 73 },
          unsized: 1,
        },
      },
    });
  });

  it('refuses a price list with a wrong field, naming the file and line', () => {
    expect(() => priceList(EURO_PRICES.replace('[D4, 4, 16, 0.20]', '[D4, four, 16, 0.20]'), 'prices.yaml')).toThrow(
      /^prices\.yaml:12: clouds\.azure\.instances\.general\.1\.1: /,
    );
    expect(() => priceList(EURO_PRICES.replace('currency: EUR', 'currency: euro'), 'prices.yaml')).toThrow(
      /^prices\.yaml:2: currency/,
    );
  });
});
