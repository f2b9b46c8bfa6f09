import { z } from 'zod';
import type { ApplicationConnection, InventoryContext, PlacedApplication, PlacedHost } from '../../../model/inventory-context.js';
import type { Host } from '../../../extract/inventory/inventory-schema-types.js';
import type { Evidence } from '../../../result/schema.js';
import { defineCondition, regexesOf } from '../condition-kind.js';
import type { ConditionMatch, MatcherCache } from '../matcher-cache.js';
import { builtInOsTable } from '../../servers/os-lifecycle.js';
import { checkTexts, SERVER_CHECKS, serverChecks } from '../../servers/server-checks.js';

/*
 * Conditions over what inventories say about an application: the hosts it runs on, the software
 * and licences installed there, its connections and its service level. Evidence points into the
 * inventory file at the host, connection or application entry.
 */

type HostCondition = z.infer<typeof HostCondition>;
type ServerCondition = z.infer<typeof ServerCondition>;
type LicenceCondition = z.infer<typeof LicenceCondition>;

export const HostCondition = z.strictObject({
  platform: z.array(z.enum(['z/OS', 'AIX', 'HP-UX', 'Solaris', 'IBM i', 'Windows', 'Linux', 'other'])).optional(),
  os: z.string().optional().describe('Regular expression over "<os name> <version>"'),
  coresAbove: z.number().optional(),
  memoryGiBAbove: z.number().optional(),
});

export const ServerCondition = z.strictObject({
  check: z.array(z.enum(SERVER_CHECKS)).min(1).describe('What the server readiness check found on a host (docs/inventory.md, "Servers"): its operating system against the dated lifecycle table, its disks, NICs, snapshots and guest tools'),
});

export const LicenceCondition = z.strictObject({
  model: z.array(z.enum(['per-core', 'per-socket', 'per-user', 'node-locked', 'dongle', 'site', 'subscription', 'free', 'open-source'])).optional(),
  byol: z.boolean().optional().describe('Match only licences that may (true) or may not (false) be brought to a cloud'),
  software: z.string().optional().describe('Regular expression over the software name'),
});

export const SlaCondition = z.strictObject({
  availabilityAtLeast: z.number().optional(),
  rtoMinutesAtMost: z.number().optional(),
  rpoMinutesAtMost: z.number().optional(),
  criticality: z.array(z.enum(['mission-critical', 'business-critical', 'important', 'low'])).optional(),
});

export const ConnectionCondition = z.strictObject({
  peer: z
    .enum(['unknown', 'stays-on-premises'])
    .optional()
    .describe('unknown: no inventory describes the other side; stays-on-premises: the other side runs on a platform with no cloud target (z/OS, AIX, HP-UX, Solaris, IBM i) and this side does not'),
  direction: z.enum(['outbound', 'inbound']).optional(),
  chatty: z.boolean().optional().describe('Latency-sensitive or high-volume'),
  latencySensitive: z.boolean().optional(),
  volume: z.array(z.enum(['low', 'medium', 'high'])).optional().describe('As given, or derived from how often the connection was seen'),
  port: z.array(z.number().int().positive()).optional(),
});

/** Platforms no cloud provider offers as a target: what runs there stays until it is rewritten. */
const NO_CLOUD_TARGET = new Set<Host['platform']>(['z/OS', 'AIX', 'HP-UX', 'Solaris', 'IBM i']);

function staysOnPremises(host: Host | undefined): boolean {
  return host !== undefined && NO_CLOUD_TARGET.has(host.platform);
}

function describeConnection(connection: ApplicationConnection): string {
  const peer = connection.peer.host ? `${connection.peer.name}${connection.peer.host.platform ? ` (${connection.peer.host.platform})` : ''}` : `${connection.peer.name} (described by no inventory)`;
  const arrow = connection.direction === 'outbound' ? `${connection.local.id} → ${peer}` : `${peer} → ${connection.local.id}`;
  const traits = [
    connection.protocol,
    connection.volume ? `${connection.volume} volume` : undefined,
    connection.latencySensitive ? 'latency-sensitive' : undefined,
    connection.observations ? `seen ${connection.observations}×` : undefined,
  ].filter(Boolean);
  return `connection ${arrow}${connection.port ? `:${connection.port}` : ''}${traits.length ? ` (${traits.join(', ')})` : ''}`;
}

function at(file: string, line: number | undefined, snippet: string): Evidence {
  return { file, ...(line ? { line } : {}), snippet };
}

/** What `collect` finds in the application's inventory context; nothing when no inventory describes it. */
function inInventory(facts: PlacedApplication, collect: (context: InventoryContext, evidence: Evidence[]) => void): ConditionMatch {
  const evidence: Evidence[] = [];
  if (facts.inventory) collect(facts.inventory, evidence);
  return { matched: evidence.length > 0, evidence };
}

function hostsMatch(hosts: PlacedHost[], collect: (placed: PlacedHost, evidence: Evidence[]) => void): ConditionMatch {
  const evidence: Evidence[] = [];
  for (const placed of hosts) collect(placed, evidence);
  return { matched: evidence.length > 0, evidence };
}

const onHosts = (body: HostCondition, hosts: PlacedHost[], cache: MatcherCache) => {
  const { platform, os, coresAbove, memoryGiBAbove } = body;
  const osPattern = os ? cache.regex(os, 'i') : undefined;
  return hostsMatch(hosts, ({ host, file, line }, evidence) => {
    const osText = host.os ? `${host.os.name} ${host.os.version ?? ''}`.trim() : '';
    if (platform && !(host.platform && platform.includes(host.platform))) return;
    if (osPattern && !osPattern.test(osText)) return;
    if (coresAbove !== undefined && !((host.cpu?.cores ?? 0) > coresAbove)) return;
    if (memoryGiBAbove !== undefined && !((host.memoryGiB ?? 0) > memoryGiBAbove)) return;
    const size = host.cpu ? `, ${host.cpu.cores} cores` : '';
    const memory = host.memoryGiB ? `, ${host.memoryGiB} GiB` : '';
    evidence.push(at(file, line, `host ${host.id}: ${host.platform ?? 'unknown platform'}${osText ? ` (${osText})` : ''}${size}${memory}`));
  });
};

export const hostCondition = defineCondition({
  key: 'host',
  schema: HostCondition,
  scope: 'application',
  reads: 'inventory hosts',
  regexes: (body) => regexesOf('i', body.os),
  evaluate: (body, facts, cache) => onHosts(body, facts.inventory?.hosts ?? [], cache),
  onHosts,
});

const onServerHosts = (body: ServerCondition, hosts: PlacedHost[]) => {
  const wanted = new Set(body.check);
  return hostsMatch(hosts, ({ host, file, line }, evidence) => {
    const found = serverChecks(host, builtInOsTable()).filter((check) => wanted.has(check.check));
    if (found.length > 0) evidence.push(at(file, line, `host ${host.id}: ${found.flatMap(checkTexts).join('; ')}`));
  });
};

export const serverCondition = defineCondition({
  key: 'server',
  schema: ServerCondition,
  scope: 'application',
  reads: 'server readiness checks',
  evaluate: (body, facts) => onServerHosts(body, facts.inventory?.hosts ?? []),
  onHosts: onServerHosts,
});

const onLicenceHosts = (body: LicenceCondition, hosts: PlacedHost[], cache: MatcherCache) => {
  const { model, byol, software } = body;
  const name = software ? cache.regex(software, 'i') : undefined;
  return hostsMatch(hosts, ({ host, file, line }, evidence) => {
    for (const item of host.software) {
      if (!item.licence) continue;
      if (model && !model.includes(item.licence.model)) continue;
      if (byol !== undefined && item.licence.byol !== byol) continue;
      if (name && !name.test(item.name)) continue;
      evidence.push(at(file, line, `host ${host.id}: ${item.name}${item.version ? ` ${item.version}` : ''}, licence ${item.licence.model}${item.licence.byol === false ? ', not BYOL' : ''}`));
    }
  });
};

export const licenceCondition = defineCondition({
  key: 'licence',
  schema: LicenceCondition,
  scope: 'application',
  reads: 'inventory licences',
  regexes: (body) => regexesOf('i', body.software),
  evaluate: (body, facts, cache) => onLicenceHosts(body, facts.inventory?.hosts ?? [], cache),
  onHosts: onLicenceHosts,
});

export const slaCondition = defineCondition({
  key: 'sla',
  schema: SlaCondition,
  scope: 'application',
  reads: 'service levels',
  evaluate: (body, facts) => inInventory(facts, (context, evidence) => {
    const sla = context.sla;
    const { availabilityAtLeast, rtoMinutesAtMost, rpoMinutesAtMost, criticality } = body;
    if (!sla) return;
    const { availability, rtoMinutes, rpoMinutes } = sla.sla;
    const ok =
      (availabilityAtLeast === undefined || (availability !== undefined && availability >= availabilityAtLeast)) &&
      (rtoMinutesAtMost === undefined || (rtoMinutes !== undefined && rtoMinutes <= rtoMinutesAtMost)) &&
      (rpoMinutesAtMost === undefined || (rpoMinutes !== undefined && rpoMinutes <= rpoMinutesAtMost)) &&
      (criticality === undefined || (sla.sla.criticality !== undefined && criticality.includes(sla.sla.criticality)));
    if (ok) {
      const parts = [availability !== undefined ? `availability ${availability} %` : '', rtoMinutes !== undefined ? `RTO ${rtoMinutes} min` : '', rpoMinutes !== undefined ? `RPO ${rpoMinutes} min` : ''].filter(Boolean);
      evidence.push(at(sla.file, sla.line, `SLA: ${parts.join(', ')}`));
    }
  }),
});

export const connectionCondition = defineCondition({
  key: 'connection',
  schema: ConnectionCondition,
  scope: 'application',
  reads: 'connections',
  evaluate: (body, facts) => inInventory(facts, (context, evidence) => {
    const { peer, direction, chatty, latencySensitive, volume, port } = body;
    for (const connection of context.connections) {
      if (direction && connection.direction !== direction) continue;
      // An address on the internet or a discovery appliance's is no machine an inventory missed.
      if (peer === 'unknown' && (connection.peer.host || connection.peer.role)) continue;
      if (peer === 'stays-on-premises' && !(staysOnPremises(connection.peer.host) && !staysOnPremises(connection.local))) continue;
      if (chatty !== undefined && (connection.latencySensitive || connection.volume === 'high') !== chatty) continue;
      if (latencySensitive !== undefined && connection.latencySensitive !== latencySensitive) continue;
      if (volume && !(connection.volume && volume.includes(connection.volume))) continue;
      if (port && !(connection.port && port.includes(connection.port))) continue;
      evidence.push(at(connection.file, connection.line, describeConnection(connection)));
    }
  }),
});
