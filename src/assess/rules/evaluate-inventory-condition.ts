import type { ApplicationFacts } from '../../extract/application-facts.js';
import type { Evidence } from '../../result/schema.js';
import type { ConditionMatch, MatcherCache } from './evaluate-condition.js';
import type { ApplicationConnection } from '../../extract/inventory/inventory-context.js';
import type { Host } from '../../extract/inventory/inventory-schema-types.js';
import type { InventoryCondition } from './rule-schema.js';

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

/**
 * Conditions over what inventories say about an application: the hosts it runs on, the
 * software and licences installed there, and its service level. Evidence points into the
 * inventory file at the host or application entry.
 */
export function evaluateInventoryCondition(condition: InventoryCondition, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const context = facts.inventory;
  const evidence: Evidence[] = [];
  const at = (file: string, line: number | undefined, snippet: string): Evidence => ({ file, ...(line ? { line } : {}), snippet });
  if (!context) return { matched: false, evidence };
  if ('host' in condition) {
    const { platform, os, coresAbove, memoryGiBAbove } = condition.host;
    const osPattern = os ? cache.regex(os, 'i') : undefined;
    for (const { host, file, line } of context.hosts) {
      const osText = host.os ? `${host.os.name} ${host.os.version ?? ''}`.trim() : '';
      if (platform && !(host.platform && platform.includes(host.platform))) continue;
      if (osPattern && !osPattern.test(osText)) continue;
      if (coresAbove !== undefined && !((host.cpu?.cores ?? 0) > coresAbove)) continue;
      if (memoryGiBAbove !== undefined && !((host.memoryGiB ?? 0) > memoryGiBAbove)) continue;
      const size = host.cpu ? `, ${host.cpu.cores} cores` : '';
      const memory = host.memoryGiB ? `, ${host.memoryGiB} GiB` : '';
      evidence.push(at(file, line, `host ${host.id}: ${host.platform ?? 'unknown platform'}${osText ? ` (${osText})` : ''}${size}${memory}`));
    }
  } else if ('licence' in condition) {
    const { model, byol, software } = condition.licence;
    const name = software ? cache.regex(software, 'i') : undefined;
    for (const { host, file, line } of context.hosts) {
      for (const item of host.software) {
        if (!item.licence) continue;
        if (model && !model.includes(item.licence.model)) continue;
        if (byol !== undefined && item.licence.byol !== byol) continue;
        if (name && !name.test(item.name)) continue;
        evidence.push(at(file, line, `host ${host.id}: ${item.name}${item.version ? ` ${item.version}` : ''}, licence ${item.licence.model}${item.licence.byol === false ? ', not BYOL' : ''}`));
      }
    }
  } else if ('connection' in condition) {
    const { peer, direction, chatty, latencySensitive, volume, port } = condition.connection;
    for (const connection of context.connections) {
      if (direction && connection.direction !== direction) continue;
      if (peer === 'unknown' && connection.peer.host) continue;
      if (peer === 'stays-on-premises' && !(staysOnPremises(connection.peer.host) && !staysOnPremises(connection.local))) continue;
      if (chatty !== undefined && (connection.latencySensitive || connection.volume === 'high') !== chatty) continue;
      if (latencySensitive !== undefined && connection.latencySensitive !== latencySensitive) continue;
      if (volume && !(connection.volume && volume.includes(connection.volume))) continue;
      if (port && !(connection.port && port.includes(connection.port))) continue;
      evidence.push(at(connection.file, connection.line, describeConnection(connection)));
    }
  } else {
    const sla = context.sla;
    const { availabilityAtLeast, rtoMinutesAtMost, rpoMinutesAtMost, criticality } = condition.sla;
    if (!sla) return { matched: false, evidence };
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
  }
  return { matched: evidence.length > 0, evidence };
}
