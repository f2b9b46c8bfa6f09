import type { Host } from '../../extract/inventory/inventory-schema-types.js';
import { CLOUDS, type Cloud } from './clouds.js';
import type { OsTable } from './os-lifecycle.js';
import { checkText, isMoved, serverChecks } from './server-checks.js';

export { hostOs } from './server-checks.js';

export type ReadinessStatus = 'ready' | 'ready-with-conditions' | 'not-ready' | 'unknown';

export interface CloudReadiness {
  status: ReadinessStatus;
  /** Why, blockers first: each names the fact and what it takes. */
  reasons: string[];
}

/**
 * Whether a server can be rehosted on each cloud as it is, from what its checks found
 * (server-checks.ts): not ready where one blocks, unknown where its system is not in the table,
 * ready with conditions where there is work to do first. Undefined for machines that are not
 * moved (hypervisors, appliances).
 */
export function hostReadiness(host: Host, table: OsTable): Record<Cloud, CloudReadiness> | undefined {
  if (!isMoved(host)) return undefined;
  const checks = serverChecks(host, table);
  return Object.fromEntries(
    CLOUDS.map((cloud) => {
      const blockers = checks.filter((check) => check.blocks.includes(cloud));
      const unknown = checks.filter((check) => check.unknown && check.conditions.includes(cloud));
      const conditions = checks.filter((check) => !check.unknown && check.conditions.includes(cloud));
      const status: ReadinessStatus =
        blockers.length > 0
          ? 'not-ready'
          : unknown.length > 0
            ? 'unknown'
            : conditions.length > 0
              ? 'ready-with-conditions'
              : 'ready';
      return [
        cloud,
        { status, reasons: [...blockers, ...unknown, ...conditions].map((check) => checkText(check, cloud)) },
      ];
    }),
  ) as Record<Cloud, CloudReadiness>;
}
