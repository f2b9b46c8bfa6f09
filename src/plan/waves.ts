import type { PortfolioGraph } from '../model/portfolio-graph-types.js';
import type { Application, Server, ServerFinding } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { ServerUnits } from './server-units.js';
import { crossingLinks } from './waves/crossing-links.js';
import { moveGroups } from './waves/move-groups.js';
import { orderWaves } from './waves/wave-order.js';
import type { WaveOptions, WavePlan } from './waves/wave-types.js';

export type { Bond } from './server-units.js';
export type { CrossingLink, MoveGroup, Wave, WaveOptions, WavePlan } from './waves/wave-types.js';

/**
 * Move groups and migration waves (docs/waves.md). Applications that share a datastore, run on
 * one host, or talk over a latency-sensitive or high-volume link move together; retained and
 * retired applications stay, and the links to them cross the hybrid boundary. Groups go into
 * waves: a pilot of small, ready, low-criticality groups first, then dependencies before their
 * dependents, less critical before more, within the size and effort limits.
 */
export function planWaves(
  graph: PortfolioGraph,
  applications: Application[],
  options: WaveOptions = {},
  servers: Server[] = [],
  serverFindings: Pick<ServerFinding, 'serverId' | 'effort'>[] = [],
): WavePlan {
  const maxPerWave = options.maxPerWave ?? 5;
  const maxServersPerWave = options.maxServersPerWave ?? 25;
  const byId = new Map(applications.map((app) => [app.id, app]));
  const staying: WavePlan['staying'] = [];
  const moving = new Set<string>();
  for (const app of [...applications].sort((a, b) => compareStrings(a.id, b.id))) {
    if (app.strategy === 'retain')
      staying.push({
        application: app.id,
        reason: `retain: ${app.strategyReasons[0] ?? 'its findings keep it in place'}`,
      });
    else if (app.strategy === 'retire')
      staying.push({ application: app.id, reason: 'retire: decommissioned, not moved' });
    else moving.add(app.id);
  }
  // Servers no application runs on move as units of their own (server-units.ts).
  const serverUnits = new ServerUnits(graph, servers, serverFindings);
  for (const unit of serverUnits.units.keys()) moving.add(unit);
  const groups = moveGroups(graph, moving, [...byId.keys()], serverUnits, maxServersPerWave);
  const waves = orderWaves(graph, groups, byId, serverUnits, { ...options, maxPerWave, maxServersPerWave });
  return { waves, staying, stayingServers: serverUnits.staying, crossingLinks: crossingLinks(graph, waves) };
}
