import { slugify } from '../discover/find-applications.js';
import { append } from '../util/multimap.js';
import type { ApplicationFacts } from '../extract/application-facts-types.js';
import type { OwnAddress } from '../extract/config/own-addresses.js';
import { connectionVolume, type Estate, type EstateConnection, type Place } from './estate.js';
import { isPublicAddress } from '../extract/inventory/inventory-values.js';
import type { Connection, Host, Sla } from '../extract/inventory/inventory-schema-types.js';

/**
 * An application's facts with where the inventories place it: what the model and the rules read.
 * Extracted facts stay as the extractors made them; placing an application joins them with every
 * inventory file, which is model work.
 */
export type PlacedApplication = ApplicationFacts & { readonly inventory?: InventoryContext };

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
  /** `role`: the address is on the internet, or is a discovery appliance's: not a machine of the estate an inventory missed. */
  peer: { name: string; host?: Host | undefined; role?: 'public' | 'appliance' };
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
export function inventoryContext(
  application: { id: string; name: string },
  own: OwnAddress[],
  estate: Estate,
): InventoryContext {
  const context: InventoryContext = { hosts: [], connections: [] };
  const placed = new Set<string>();
  const place = (id: string, via: PlacedHost['via'], where?: Place) => {
    const entry = estate.host(id);
    if (!entry || placed.has(id)) return;
    placed.add(id);
    context.hosts.push({
      host: entry.host,
      file: where?.file ?? entry.file,
      line: where ? where.line : entry.line,
      via,
    });
  };
  const index = indexOf(estate);
  // Inventories name an application by its id (a path slug) or by its display name.
  const keys = [...new Set([application.id, slugify(application.name)])];
  const listed = keys.map((key) => index.applications.get(key)).find((entry) => entry !== undefined);
  for (const id of listed?.hosts ?? []) place(id, 'inventory');
  if (listed?.sla) context.sla = listed.sla;
  for (const key of keys) for (const id of index.hostsByGroup.get(key) ?? []) place(id, 'group');
  for (const address of own) {
    const id = estate.resolve(address.host);
    if (id) place(id, 'own-address', { file: address.file, line: address.line });
  }
  // The connections of the placed hosts, in the estate's order.
  const touching = [...new Set([...placed].flatMap((id) => index.connectionsByHost.get(id) ?? []))].sort(
    (a, b) => a - b,
  );
  for (const position of touching) {
    const connection = estate.connections[position]!;
    const outbound = connection.sourceHost !== undefined && placed.has(connection.sourceHost);
    const inbound = connection.targetHost !== undefined && placed.has(connection.targetHost);
    if (outbound) context.connections.push(seenFrom(connection, 'outbound', estate));
    if (inbound && !outbound) context.connections.push(seenFrom(connection, 'inbound', estate));
  }
  return context;
}

interface EstateIndex {
  applications: Map<string, Estate['applications'][number]>;
  /** Host ids by the slug of each group they belong to, in estate order. */
  hostsByGroup: Map<string, string[]>;
  /** Positions in estate.connections of the connections each host is a side of. */
  connectionsByHost: Map<string, number[]>;
}

const indexes = new WeakMap<Estate, EstateIndex>();

/**
 * Lookups built once per estate: every application is placed against the same estate, and
 * scanning every host and connection per application grew as applications × connections
 * (7 s of a 1,000,000-line merge with 297 applications).
 */
function indexOf(estate: Estate): EstateIndex {
  let index = indexes.get(estate);
  if (index) return index;
  index = { applications: new Map(), hostsByGroup: new Map(), connectionsByHost: new Map() };
  for (const app of estate.applications) if (!index.applications.has(app.id)) index.applications.set(app.id, app);
  for (const { host } of estate.hosts) {
    for (const slug of new Set(host.groups.map(slugify))) append(index.hostsByGroup, slug, host.id);
  }
  for (const [position, connection] of estate.connections.entries()) {
    if (connection.sourceHost !== undefined) append(index.connectionsByHost, connection.sourceHost, position);
    if (connection.targetHost !== undefined && connection.targetHost !== connection.sourceHost)
      append(index.connectionsByHost, connection.targetHost, position);
  }
  indexes.set(estate, index);
  return index;
}

function seenFrom(
  connection: EstateConnection,
  direction: ApplicationConnection['direction'],
  estate: Estate,
): ApplicationConnection {
  const [localId, peerId, peerName] =
    direction === 'outbound'
      ? [connection.sourceHost!, connection.targetHost, connection.target]
      : [connection.targetHost!, connection.sourceHost, connection.source];
  const volume = connectionVolume(connection);
  return {
    direction,
    local: estate.host(localId)!.host,
    peer: {
      name: peerId ?? peerName,
      host: peerId ? estate.host(peerId)?.host : undefined,
      ...(peerId
        ? {}
        : estate.appliances.has(peerName)
          ? { role: 'appliance' as const }
          : isPublicAddress(peerName)
            ? { role: 'public' as const }
            : {}),
    },
    port: connection.port,
    protocol: connection.protocol,
    ...(volume ? { volume } : {}),
    latencySensitive: connection.latencySensitive ?? false,
    observations: connection.observations,
    file: connection.file,
    line: connection.line,
  };
}
