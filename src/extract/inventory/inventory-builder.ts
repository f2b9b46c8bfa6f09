import type { Diagnostic } from '../../result/schema.js';
import type { Inventory } from './inventory-schema.js';
import type {
  Connection,
  Disk,
  Host,
  InventoryApplication,
  Nic,
  Software,
  Utilisation,
} from './inventory-schema-types.js';

export type InventoryFormat =
  | 'cloudready'
  | 'cloudready-csv'
  | 'rvtools'
  | 'azure-migrate'
  | 'aws-ads'
  | 'aws-cmf'
  | 'ansible'
  | 'cmdb-csv'
  | 'netstat';

/** One imported inventory file, whatever its format, in cloudready's own model. */
export interface LoadedInventory {
  inventory: Inventory;
  file: string;
  format: InventoryFormat;
  /** Line of each host and application entry, keyed host:<id> or app:<id>, for evidence. */
  lines: Map<string, number>;
  /** Line of each connection, by its index (an array: exports hold millions). */
  connectionLines: (number | undefined)[];
  /** imported: used; ignored: not a server or connection by design (templates, loopback); rejected: unusable, with a diagnostic. */
  records: { imported: number; ignored: number; rejected: number };
  /** VM templates the file names: other files of the same export (one CSV per sheet) may list them without saying so. */
  templates?: string[];
}

export type HostInput = Partial<Omit<Host, 'id'>> & { id: string };

/** Where a record sits: a line in a text file, or a row of a workbook sheet. */
export interface RecordPlace {
  line: number;
  sheet?: string | undefined;
}

/**
 * Collects the records an importer reads into one inventory: merges repeated hosts, counts
 * imported and rejected records, and says why each rejected record was rejected.
 */
export class InventoryBuilder {
  private readonly hosts = new Map<string, Host>();
  private readonly applications = new Map<string, InventoryApplication>();
  /** Connections keyed by source, target and port: repeated observations add up instead of piling up. */
  private readonly connections = new Map<string, Connection>();
  /** One copy of each name: a million rows of traffic name a few thousand hosts and processes. */
  private readonly names = new Map<string, string>();
  private readonly lines = new Map<string, number>();
  private readonly connectionLines: (number | undefined)[] = [];
  private readonly primaryLines = new Map<string, RecordPlace>();
  private readonly templates = new Set<string>();
  private imported = 0;
  private ignored = 0;
  private rejected = 0;

  constructor(
    readonly file: string,
    readonly format: InventoryFormat,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private place(where: RecordPlace): { line?: number; prefix: string } {
    // A sheet row is not a line of the file: name it in the message instead.
    return where.sheet ? { prefix: `sheet ${where.sheet}, row ${where.line}: ` } : { line: where.line, prefix: '' };
  }

  /** A record that cannot be used, with the reason; counted in the scan summary. */
  reject(where: RecordPlace, reason: string, level: Diagnostic['level'] = 'warning') {
    this.rejected++;
    const { line, prefix } = this.place(where);
    this.diagnostics.push({
      level,
      code: 'inventory-record',
      file: this.file,
      ...(line ? { line } : {}),
      message: `${prefix}record rejected: ${reason}`,
    });
  }

  /** A sound record that is not part of the estate (a VM template, loopback traffic): counted, noted at info level. */
  ignore(where: RecordPlace, reason: string) {
    this.ignored++;
    const { line, prefix } = this.place(where);
    this.diagnostics.push({
      level: 'info',
      code: 'inventory-record',
      file: this.file,
      ...(line ? { line } : {}),
      message: `${prefix}record ignored: ${reason}`,
    });
  }

  /** A problem with the file as a whole (a column missing): one error, whatever the number of rows. */
  problem(where: RecordPlace, message: string) {
    const { line, prefix } = this.place(where);
    this.diagnostics.push({
      level: 'error',
      code: 'inventory-columns',
      file: this.file,
      ...(line ? { line } : {}),
      message: `${prefix}${message}`,
    });
  }

  /** A note about a record that was imported anyway (a repeated host merged, a value ignored). */
  note(where: RecordPlace, message: string, level: Diagnostic['level'] = 'info') {
    const { line, prefix } = this.place(where);
    this.diagnostics.push({
      level,
      code: 'inventory-record',
      file: this.file,
      ...(line ? { line } : {}),
      message: `${prefix}${message}`,
    });
  }

  accepted() {
    this.imported++;
  }

  /** A VM template: ignored here, and by the estate in every other file that names it. */
  template(where: RecordPlace, id: string) {
    this.templates.add(id);
    this.ignore(where, `${id} is a VM template, not a server`);
  }

  /**
   * Adds or completes a host. `primary` marks the record that describes the host itself (a vInfo
   * row, a CMDB line): a second primary record for the same host is a duplicate, merged and noted.
   */
  host(input: HostInput, where: RecordPlace, primary = true): Host {
    const existing = this.hosts.get(input.id);
    if (primary) {
      const first = this.primaryLines.get(input.id);
      if (first)
        this.note(
          where,
          `host ${input.id} is listed again (first at ${first.sheet ? `row` : 'line'} ${first.line}); the records are merged`,
          'warning',
        );
      else this.primaryLines.set(input.id, where);
    }
    if (!existing) {
      if (!where.sheet && where.line > 0) this.lines.set(`host:${input.id}`, where.line);
      const host = {
        id: input.id,
        aliases: [],
        ips: [],
        disks: [],
        nics: [],
        software: [],
        groups: [],
      } as unknown as Host;
      mergeHost(host, input);
      this.hosts.set(input.id, host);
      return host;
    }
    if (!this.lines.has(`host:${input.id}`) && !where.sheet && where.line > 0)
      this.lines.set(`host:${input.id}`, where.line);
    mergeHost(existing, input);
    return existing;
  }

  software(hostId: string, software: Software) {
    const host = this.hosts.get(hostId);
    if (!host) return;
    if (!host.software.some((item) => item.name === software.name && item.version === software.version))
      host.software.push(software);
  }

  application(entry: InventoryApplication, where: RecordPlace) {
    const existing = this.applications.get(entry.id);
    if (!this.lines.has(`app:${entry.id}`) && !where.sheet) this.lines.set(`app:${entry.id}`, where.line);
    if (!existing) {
      this.applications.set(entry.id, { ...entry, hosts: unique(entry.hosts) });
      return;
    }
    existing.hosts = unique([...existing.hosts, ...entry.hosts]);
    if (!existing.sla && entry.sla) existing.sla = entry.sla;
  }

  /** Adds a connection, or merges it into the one with its source, target and port; returns the one kept. */
  connection(connection: Connection, where: RecordPlace): Connection {
    // join, not a template literal: a template makes a rope that a map keeps beside its flattened copy.
    const key = [connection.source, connection.target, connection.port ?? ''].join('\0');
    const existing = this.connections.get(key);
    if (!existing) {
      this.connectionLines.push(where.sheet ? undefined : where.line);
      const kept = this.kept(connection);
      this.connections.set(key, kept);
      return kept;
    }
    mergeConnection(existing, connection);
    return existing;
  }

  /** A connection as kept: every field in one order (one object shape), names shared. */
  private kept(connection: Connection): Connection {
    const name = (value: string | undefined) => {
      if (value === undefined) return undefined;
      const known = this.names.get(value);
      if (known !== undefined) return known;
      this.names.set(value, value);
      return value;
    };
    return {
      source: name(connection.source)!,
      target: name(connection.target)!,
      port: connection.port,
      protocol: name(connection.protocol),
      volume: connection.volume,
      latencySensitive: connection.latencySensitive,
      observations: connection.observations,
      sourceProcess: name(connection.sourceProcess),
      targetProcess: name(connection.targetProcess),
    };
  }

  build(): LoadedInventory {
    return {
      inventory: {
        version: 1,
        hosts: [...this.hosts.values()],
        applications: [...this.applications.values()],
        connections: [...this.connections.values()],
      },
      file: this.file,
      format: this.format,
      lines: this.lines,
      connectionLines: this.connectionLines,
      records: { imported: this.imported, ignored: this.ignored, rejected: this.rejected },
      ...(this.templates.size > 0 ? { templates: [...this.templates].sort() } : {}),
    };
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Fills what the host lacks from another record of the same machine; lists are united. */
export function mergeHost(into: Host, from: HostInput) {
  const target = into as unknown as Record<string, unknown>;
  const source = from as unknown as Record<string, unknown>;
  // A plain loop: importers call this for every row that names a host, millions of times for big exports.
  for (const key in source) {
    const value = source[key];
    if (value === undefined || key === 'id') continue;
    if (key === 'software') {
      for (const item of value as Software[])
        if (!into.software.some((s) => s.name === item.name && s.version === item.version)) into.software.push(item);
    } else if (key === 'disks') {
      // One entry per disk label: a second sheet naming the disk completes it.
      for (const disk of value as Disk[]) {
        const known = into.disks.find((other) => other.name === disk.name);
        if (known) Object.assign(known, { ...disk, ...known });
        else into.disks.push({ ...disk });
      }
    } else if (key === 'nics') {
      for (const nic of value as Nic[])
        if (!into.nics.some((other) => other.name === nic.name)) into.nics.push({ ...nic });
    } else if (key === 'utilisation') {
      // vCPU gives the processor, vMemory the memory: one figure each.
      into.utilisation = { ...(value as Utilisation), ...into.utilisation };
    } else if (Array.isArray(value)) {
      const current = target[key] as unknown[];
      for (const item of value) if (!current.includes(item)) current.push(item);
    } else if (target[key] === undefined) target[key] = value;
  }
}

const VOLUMES = ['low', 'medium', 'high'] as const;

/** Two records of one connection: observations add up, the higher volume and any latency sensitivity win. */
export function mergeConnection(into: Connection, from: Connection) {
  if (from.observations !== undefined || into.observations !== undefined)
    into.observations = (into.observations ?? 1) + (from.observations ?? 1);
  if (from.volume && (!into.volume || VOLUMES.indexOf(from.volume) > VOLUMES.indexOf(into.volume)))
    into.volume = from.volume;
  if (from.latencySensitive) into.latencySensitive = true;
  into.protocol ??= from.protocol;
  into.sourceProcess ??= from.sourceProcess;
  into.targetProcess ??= from.targetProcess;
}
