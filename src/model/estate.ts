import { slugify } from '../discover/find-applications.js';
import type { Diagnostic } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import {
  mergeConnection,
  mergeHost,
  type InventoryFormat,
  type LoadedInventory,
} from '../extract/inventory/inventory-builder.js';
import { precedenceOf } from '../extract/inventory/inventory-formats.js';
import type { Connection, Host, Sla } from '../extract/inventory/inventory-schema-types.js';
import { isAnonymousAddress, isIpAddress, normaliseAddress } from '../extract/inventory/inventory-values.js';

/** Where a fact came from, for evidence. */
export interface Place {
  file: string;
  line?: number | undefined;
}

export interface EstateHost extends Place {
  host: Host;
  /** Inventory formats that describe this host. */
  formats: InventoryFormat[];
  /** Each inventory record merged into this host (file and the id it gave): how the match was made shows. */
  records: { file: string; id: string }[];
}

export interface EstateApplication extends Place {
  id: string;
  hosts: string[];
  sla?: { sla: Sla } & Place;
}

/** A connection between two resolved hosts or, where no inventory describes a side, an address. */
export interface EstateConnection extends Connection, Place {
  /** Host id of each side, when an inventory describes it. */
  sourceHost?: string | undefined;
  targetHost?: string | undefined;
}

export interface InventoryFileSummary {
  file: string;
  format: InventoryFormat;
  imported: number;
  ignored: number;
  rejected: number;
}

/**
 * The estate as all inventories together describe it: one host per machine however many
 * exports name it (matched by id, hostname, alias or IP), applications with their hosts, and
 * connections between hosts aggregated by port.
 */
export interface Estate {
  hosts: EstateHost[];
  host(id: string): EstateHost | undefined;
  /** The host a name, FQDN, short name or IP address belongs to. */
  resolve(name: string): string | undefined;
  applications: EstateApplication[];
  connections: EstateConnection[];
  files: InventoryFileSummary[];
  /** Sources that reach most servers on management ports: discovery appliances and such tools, by host id or address. */
  appliances: Set<string>;
}

/** Ports discovery appliances and management tools reach servers on: SSH, RPC/WMI, HTTPS, VMware's 902, WinRM. */
const MANAGEMENT_PORTS = new Set([22, 135, 443, 902, 5985, 5986]);

/**
 * Sources that reach at least half the described servers (and ten) on management ports: Azure
 * Migrate's appliance, a discovery or monitoring tool. Their traffic says what they look at, not
 * what depends on what.
 */
function findAppliances(connections: Iterable<EstateConnection>, hosts: number): Map<string, number> {
  const reach = new Map<string, Set<string>>();
  for (const connection of connections) {
    if (!connection.port || !MANAGEMENT_PORTS.has(connection.port)) continue;
    const targets = reach.get(connection.source) ?? new Set<string>();
    targets.add(connection.target);
    reach.set(connection.source, targets);
  }
  const limit = Math.max(10, Math.ceil(hosts / 2));
  return new Map(
    [...reach].filter(([, targets]) => targets.size >= limit).map(([source, targets]) => [source, targets.size]),
  );
}

/** Names a host is known by, in one namespace: ids, hostnames and aliases compare case-insensitively. */
function hostKeys(host: Host): string[] {
  const names = [host.id, host.hostname, ...host.aliases]
    .filter((name): name is string => Boolean(name) && !isPlaceholderName(name!))
    .map((name) => `name:${name.toLowerCase()}`);
  const ips = host.ips
    .map(normaliseAddress)
    .filter((ip) => !isAnonymousAddress(ip))
    .map((ip) => `ip:${ip}`);
  return [...names, ...ips];
}

/** Names that guests left unconfigured all carry (localhost.localdomain ...): they name no machine. */
function isPlaceholderName(name: string): boolean {
  return /^localhost\d*(\.\S*)?$/i.test(name.trim());
}

/** The first label of a name, lower-case: what decides whether two names can be one machine. */
function shortName(name: string | undefined): string | undefined {
  return name && !isPlaceholderName(name) && !isIpAddress(name) ? name.toLowerCase().split('.')[0] : undefined;
}

export function buildEstate(inventories: LoadedInventory[], diagnostics: Diagnostic[]): Estate {
  const ordered = [...inventories].sort(
    (a, b) => precedenceOf(a.format) - precedenceOf(b.format) || compareStrings(a.file, b.file),
  );
  // A template one file of an export marks is no server in the export's other files either.
  const templates = new Set(
    ordered.flatMap((loaded) => (loaded.templates ?? []).map((id) => `${loaded.format}\0${id.toLowerCase()}`)),
  );
  const records = ordered.flatMap((loaded) =>
    loaded.inventory.hosts
      .filter((host) => !templates.has(`${loaded.format}\0${host.id.toLowerCase()}`))
      .map((host) => ({ host, loaded })),
  );

  // Union-find over host records that share a name or an address.
  const parent = records.map((_, index) => index);
  // Iterative with path halving: a recursive find overflows the stack on long chains of records.
  const find = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] = parent[parent[at]!]!;
    return at;
  };
  const owner = new Map<string, number>();
  const keys = records.map(({ host }) => hostKeys(host));
  // An address alone joins two records only from different files whose names do not disagree:
  // one export's two rows are two machines, and reused private addresses are common across sites.
  const named = (index: number) => shortName(records[index]!.host.hostname);
  records.forEach((_, index) => {
    for (const key of keys[index]!) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, index);
      else if (
        !key.startsWith('ip:') ||
        (records[other]!.loaded !== records[index]!.loaded &&
          !(named(other) && named(index) && named(other) !== named(index)))
      )
        parent[find(index)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  records.forEach((_, index) => {
    const root = find(index);
    const members = groups.get(root);
    if (members) members.push(index);
    else groups.set(root, [index]);
  });

  const hosts: EstateHost[] = [];
  const byKey = new Map<string, string>();
  for (const members of groups.values()) {
    // The record that names the machine best: one with a hostname, else the first.
    const representative = members.find((index) => records[index]!.host.hostname) ?? members[0]!;
    const { host: first, loaded } = records[representative]!;
    // A machine of one record is that record, shared with the file's facts and never changed; one of
    // several is a copy the others are merged into.
    const alone = members.length === 1 && !first.aliases.includes(first.id);
    const host: Host = alone
      ? first
      : {
          ...first,
          aliases: [...first.aliases],
          ips: [...first.ips],
          disks: first.disks.map((disk) => ({ ...disk })),
          nics: first.nics.map((nic) => ({ ...nic })),
          software: [...first.software],
          groups: [...first.groups],
        };
    const formats = new Set<InventoryFormat>([loaded.format]);
    for (const index of members) {
      if (index === representative) continue;
      const { host: other, loaded: from } = records[index]!;
      if (other.id !== host.id && !host.aliases.includes(other.id)) host.aliases.push(other.id);
      mergeHost(host, { ...other, id: host.id });
      formats.add(from.format);
    }
    if (!alone) host.aliases = host.aliases.filter((alias) => alias !== host.id);
    const merged = members.map((index) => ({ file: records[index]!.loaded.file, id: records[index]!.host.id }));
    hosts.push({
      host,
      file: loaded.file,
      line: loaded.lines.get(`host:${first.id}`),
      formats: [...formats].sort(),
      records: merged.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.id, b.id)),
    });
    for (const index of members) for (const key of keys[index]!) byKey.set(key, host.id);
  }
  hosts.sort((a, b) => compareStrings(a.host.id, b.host.id));
  const hostById = new Map(hosts.map((entry) => [entry.host.id, entry]));

  const resolve = resolver(byKey);

  const applications = new Map<string, EstateApplication>();
  for (const loaded of ordered) {
    for (const entry of loaded.inventory.applications) {
      const id = slugify(entry.id) || entry.id;
      const place = { file: loaded.file, line: loaded.lines.get(`app:${entry.id}`) };
      const app = applications.get(id) ?? { id, hosts: [], ...place };
      for (const name of entry.hosts) {
        const host = resolve(name);
        if (!host) {
          diagnostics.push({
            level: 'warning',
            code: 'inventory-reference',
            file: loaded.file,
            ...(place.line ? { line: place.line } : {}),
            message: `application ${entry.id} names host "${name}", which no inventory describes`,
          });
          continue;
        }
        if (!app.hosts.includes(host)) app.hosts.push(host);
      }
      if (entry.sla && !app.sla) app.sla = { sla: entry.sla, ...place };
      applications.set(id, app);
    }
  }

  const connections = joinConnections(ordered, resolve);
  const appliances = findAppliances(connections, hosts.length);
  for (const [source, reached] of appliances) {
    const described = hostById.get(source);
    // A described machine that only looks at others (often a VM of the export) is not moved: the cloud's own tools replace it.
    if (described && described.host.kind !== 'hypervisor') described.host = { ...described.host, kind: 'appliance' };
    diagnostics.push({
      level: 'info',
      code: 'inventory-appliance',
      ...(described ? { file: described.file, ...(described.line ? { line: described.line } : {}) } : {}),
      message: `${source} reaches ${reached} of the ${hosts.length} servers described on management ports: taken for a discovery appliance or management tool; its traffic binds no move group and is not traffic to an unknown machine`,
    });
  }
  return {
    appliances: new Set(appliances.keys()),
    hosts,
    host: lookupIn(hostById),
    resolve,
    applications: [...applications.values()].sort((a, b) => compareStrings(a.id, b.id)),
    connections: connections.sort(
      (a, b) =>
        compareStrings(a.source, b.source) || compareStrings(a.target, b.target) || (a.port ?? 0) - (b.port ?? 0),
    ),
    files: ordered
      .map(({ file, format, records: counts }) => ({ file, format, ...counts }))
      .sort((a, b) => compareStrings(a.file, b.file)),
  };
}

/*
 * The estate's functions (host, resolve) and the connection join are made outside buildEstate: a
 * closure keeps its whole enclosing scope alive, and made inside, they kept every working map of
 * the build with the estate (the union-find's keys, a million connection keys on a large export).
 */

/** A map's get, as a function that keeps nothing else alive. */
function lookupIn<T>(map: Map<string, T>): (id: string) => T | undefined {
  return (id) => map.get(id);
}

/** The host a name, FQDN, short name or address belongs to, each name resolved once. */
function resolver(byKey: Map<string, string>): (name: string) => string | undefined {
  const shortNames = new Map<string, string>();
  for (const [key, id] of byKey)
    if (key.startsWith('name:') && !isIpAddress(key.slice(5))) shortNames.set(key.slice(5).split('.')[0]!, id);
  const resolveName = (name: string): string | undefined => {
    const text = normaliseAddress(name);
    if (isIpAddress(text)) return isAnonymousAddress(text) ? undefined : byKey.get(`ip:${text}`);
    // A short name matches an FQDN's first label and the other way round.
    return byKey.get(`name:${text}`) ?? byKey.get(`name:${text.split('.')[0]}`) ?? shortNames.get(text.split('.')[0]!);
  };
  // Connections name the same few machines over and over.
  const resolved = new Map<string, string | undefined>();
  return (name) => {
    if (resolved.has(name)) return resolved.get(name);
    const id = resolveName(name);
    resolved.set(name, id);
    return id;
  };
}

/** Every file's connections between resolved hosts (or addresses), one per source, target and port. */
function joinConnections(
  ordered: LoadedInventory[],
  resolve: (name: string) => string | undefined,
): EstateConnection[] {
  const connections = new Map<string, EstateConnection>();
  for (const loaded of ordered) {
    loaded.inventory.connections.forEach((connection, index) => {
      const sourceHost = resolve(connection.source);
      const targetHost = resolve(connection.target);
      if (sourceHost && sourceHost === targetHost) return;
      const source = sourceHost ?? normaliseAddress(connection.source);
      const target = targetHost ?? normaliseAddress(connection.target);
      const key = [source, target, connection.port ?? ''].join('\0');
      const existing = connections.get(key);
      if (existing) mergeConnection(existing, connection);
      // Every field in one order: one object shape for a million connections.
      else
        connections.set(key, {
          source,
          target,
          port: connection.port,
          protocol: connection.protocol,
          volume: connection.volume,
          latencySensitive: connection.latencySensitive,
          observations: connection.observations,
          sourceProcess: connection.sourceProcess,
          targetProcess: connection.targetProcess,
          sourceHost,
          targetHost,
          file: loaded.file,
          line: loaded.connectionLines[index],
        });
    });
  }
  return [...connections.values()];
}

const VOLUME_BY_OBSERVATIONS: [number, Connection['volume']][] = [
  [100, 'high'],
  [10, 'medium'],
  [1, 'low'],
];

/** The volume a connection was given, else one derived from how often it was seen (docs/inventory.md). */
export function connectionVolume(connection: Connection): Connection['volume'] {
  if (connection.volume) return connection.volume;
  if (connection.observations === undefined) return undefined;
  return VOLUME_BY_OBSERVATIONS.find(([least]) => connection.observations! >= least)?.[1];
}
