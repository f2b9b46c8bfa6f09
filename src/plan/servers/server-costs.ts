import { CLOUDS, type Cloud } from '../../assess/servers/clouds.js';
import type { Server, ServerCosts } from '../../result/schema.js';
import type { PriceList } from './instance-prices.js';

type CloudCost = NonNullable<ServerCosts['clouds'][Cloud]>;

/** What the servers would cost a month on each cloud at the list's prices: powered-on and powered-off apart, and how many could not be sized. */
export function serverCosts(servers: Server[], prices: PriceList): ServerCosts | undefined {
  const moved = servers.filter((server) => server.readiness);
  if (moved.length === 0) return undefined;
  const clouds: Partial<Record<Cloud, CloudCost>> = {};
  for (const cloud of CLOUDS) {
    const list = prices.clouds[cloud];
    if (!list) continue;
    const cost: CloudCost = {
      region: list.region,
      storage: list.storage.name,
      servers: 0,
      monthly: 0,
      poweredOff: { servers: 0, monthly: 0 },
      unsized: 0,
    };
    for (const server of moved) {
      const target = server.targets?.[cloud];
      if (!target) cost.unsized++;
      else if (server.powerState === 'off') {
        cost.poweredOff.servers++;
        cost.poweredOff.monthly += target.monthly.total;
      } else {
        cost.servers++;
        cost.monthly += target.monthly.total;
      }
    }
    cost.monthly = Math.round(cost.monthly * 100) / 100;
    cost.poweredOff.monthly = Math.round(cost.poweredOff.monthly * 100) / 100;
    clouds[cloud] = cost;
  }
  return {
    currency: prices.currency,
    priceDate: prices.asOf,
    source: prices.source,
    hoursPerMonth: prices.hoursPerMonth,
    clouds,
  };
}
