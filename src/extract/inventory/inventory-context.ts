import { slugify } from '../../discover/find-applications.js';
import type { OwnAddress } from '../config/own-addresses.js';
import { connectionVolume, type Estate, type EstateConnection, type Place } from './estate.js';
import type { Connection, Host, Sla } from './inventory-schema-types.js';

export interface PlacedHost extends Place {
  host: Host;
  /** How cloudready knows the application runs there. */
  via: 'inventory' | 'group' | 'own-address';
}

/** A connection of one of the application's hosts, seen from the application. */
export interface ApplicationConnection extends Place {
  direction: 'outbound' | 'inbound';
  /** The application's host on this connection. */
  local: Host;
  /** The other side: a described host, or an address no inventory describes. */
  peer: { name: string; host?: Host | undefined };
  port?: number | undefined;
  protocol?: string | undefined;
  volume?: Connection['volume'];
  latencySensitive: boolean;
  observations?: number | undefined;
}

/** What the inventories say about one application: where it runs, the service level it owes, what its hosts talk to. */
export interface InventoryContext {
  hosts: PlacedHost[];
  sla?: ({ sla: Sla } & Place) | undefined;
  connections: ApplicationConnection[];
}

/**
 * Places an application on hosts: as an inventory lists it, through a host group named like it
 * (an Ansible group "order-management"), or through its own configuration naming the machine
 * it binds to (server.address=10.30.5.40).
 */
export function inventoryContext(applicationId: string, own: OwnAddress[], estate: Estate): InventoryContext {
  const context: InventoryContext = { hosts: [], connections: [] };
  const placed = new Set<string>();
  const place = (id: string, via: PlacedHost['via'], where?: Place) => {
    const entry = estate.host(id);
    if (!entry || placed.has(id)) return;
    placed.add(id);
    context.hosts.push({ host: entry.host, file: where?.file ?? entry.file, line: where ? where.line : entry.line, via });
  };
  const listed = estate.applications.find((app) => app.id === applicationId);
  for (const id of listed?.hosts ?? []) place(id, 'inventory');
  if (listed?.sla) context.sla = listed.sla;
  for (const { host } of estate.hosts) if (host.groups.some((group) => slugify(group) === applicationId)) place(host.id, 'group');
  for (const address of own) {
    const id = estate.resolve(address.host);
    if (id) place(id, 'own-address', { file: address.file, line: address.line });
  }
  for (const connection of estate.connections) {
    const outbound = connection.sourceHost !== undefined && placed.has(connection.sourceHost);
    const inbound = connection.targetHost !== undefined && placed.has(connection.targetHost);
    if (outbound) context.connections.push(seenFrom(connection, 'outbound', estate));
    if (inbound && !outbound) context.connections.push(seenFrom(connection, 'inbound', estate));
  }
  return context;
}

function seenFrom(connection: EstateConnection, direction: ApplicationConnection['direction'], estate: Estate): ApplicationConnection {
  const [localId, peerId, peerName] = direction === 'outbound' ? [connection.sourceHost!, connection.targetHost, connection.target] : [connection.targetHost!, connection.sourceHost, connection.source];
  const volume = connectionVolume(connection);
  return {
    direction,
    local: estate.host(localId)!.host,
    peer: { name: peerId ?? peerName, host: peerId ? estate.host(peerId)?.host : undefined },
    port: connection.port,
    protocol: connection.protocol,
    ...(volume ? { volume } : {}),
    latencySensitive: connection.latencySensitive ?? false,
    observations: connection.observations,
    file: connection.file,
    line: connection.line,
  };
}
