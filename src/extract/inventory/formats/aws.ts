import type { InventoryBuilder } from '../inventory-builder.js';
import { Columns, hasColumns, type Table } from '../tables.js';
import {
  isAnonymousAddress,
  normaliseAddress,
  parsePort,
  parseNumber,
  parsePositiveInteger,
  platformOf,
  splitAddresses,
  splitList,
} from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * AWS exports:
 * - Application Discovery Service agent data, one CSV per kind and agent (<agent>_osInfo.csv,
 *   _networkInterface.csv, _systemPerformance.csv, _sourceProcessConnection.csv,
 *   _destinationProcessConnection.csv), joined on agent_id;
 * - the Migration Hub server import template (ExternalId, HostName, IPAddress, OS.Name ...);
 * - the Cloud Migration Factory intake form (wave_id, app_name, server_name, server_os_family ...).
 */
export type AwsTable = 'ads-os' | 'ads-network' | 'ads-performance' | 'ads-connections' | 'mgn-import' | 'cmf-intake';

export function awsTableKind(header: string[]): AwsTable | undefined {
  if (hasColumns(header, ['app_name', 'server_name', 'server_os_family'])) return 'cmf-intake';
  if (hasColumns(header, ['agent_id', 'destination_ip', 'destination_port'])) return 'ads-connections';
  if (hasColumns(header, ['agent_id', 'os_name'])) return 'ads-os';
  if (hasColumns(header, ['agent_id', 'ip_address'])) return 'ads-network';
  if (hasColumns(header, ['agent_id', 'total_num_cores'])) return 'ads-performance';
  if (hasColumns(header, ['ExternalId', 'HostName']) || hasColumns(header, ['ExternalId', 'IPAddress']))
    return 'mgn-import';
  return undefined;
}

export function importAws(table: Table, kind: AwsTable, builder: InventoryBuilder) {
  const columns = new Columns(table);
  table.eachRow((row) => {
    const where = { line: row.line, sheet: table.sheet };
    const cell = (...names: string[]) => columns.get(row, ...names);
    const problem = importRow(kind, cell, where, builder);
    if (problem?.startsWith('ignored: ')) builder.ignore(where, problem.slice('ignored: '.length));
    else if (problem) builder.reject(where, problem);
    else builder.accepted();
  });
}

type Cell = (...names: string[]) => string;

/** Imports one row; returns why it was rejected, if it was. */
function importRow(
  kind: AwsTable,
  cell: Cell,
  where: { line: number; sheet?: string | undefined },
  builder: InventoryBuilder,
): string | undefined {
  if (kind === 'cmf-intake') {
    const server = cell('server_name');
    if (!server) return 'server_name is blank';
    const os = [cell('server_os_family'), cell('server_os_version')].filter(Boolean).join(' ');
    builder.host(
      {
        id: server,
        hostname: cell('server_fqdn') || undefined,
        ...(os
          ? {
              os: {
                name: cell('server_os_family'),
                ...(cell('server_os_version') ? { version: cell('server_os_version') } : {}),
              },
            }
          : {}),
        platform: platformOf(os),
        environment: cell('server_environment') || undefined,
        groups: [cell('server_tier')].filter(Boolean),
      },
      where,
      false, // one row per application and server: a server on several rows is not a duplicate
    );
    const app = cell('app_name');
    if (app) builder.application({ id: app, hosts: [server] }, where);
    return undefined;
  }
  if (kind === 'mgn-import') {
    const name = cell('HostName', 'VMware.VMName') || cell('ExternalId');
    const ips = splitAddresses(cell('IPAddress'));
    const id = name || ips[0];
    if (!id) return 'no ExternalId, HostName or IPAddress';
    const os = [cell('OS.Name'), cell('OS.Version')].filter(Boolean).join(' ');
    const cores = parsePositiveInteger(cell('CPU.NumberOfCores', 'CPU.NumberOfLogicalCores'));
    const ram = parseNumber(cell('RAM.TotalSizeInMB'));
    builder.host(
      {
        id,
        hostname: cell('HostName') || undefined,
        aliases: [cell('ExternalId'), cell('SMBiosId'), cell('VMware.MoRefId')].filter(
          (alias) => alias && alias !== id,
        ),
        ips,
        ...(os
          ? { os: { name: cell('OS.Name') || os, ...(cell('OS.Version') ? { version: cell('OS.Version') } : {}) } }
          : {}),
        platform: platformOf(os),
        ...(cores ? { cpu: { cores } } : {}),
        ...(ram ? { memoryGiB: Math.round((ram / 1024) * 10) / 10 } : {}),
        ...(cell('VMware.VMName') ? { virtualisation: 'VMware vSphere' } : {}),
      },
      where,
    );
    for (const app of splitList(cell('Applications'))) builder.application({ id: app, hosts: [id] }, where);
    return undefined;
  }
  const agent = cell('agent_id');
  if (!agent) return 'agent_id is blank';
  if (kind === 'ads-os') {
    const hostname = cell('host_name');
    const os = [cell('os_name'), cell('os_version')].filter(Boolean).join(' ');
    builder.host(
      {
        id: hostname || agent,
        ...(hostname ? { hostname, aliases: [agent] } : {}),
        ...(os
          ? { os: { name: cell('os_name'), ...(cell('os_version') ? { version: cell('os_version') } : {}) } }
          : {}),
        platform: platformOf(os),
        ...(cell('hypervisor') ? { virtualisation: cell('hypervisor') } : {}),
      },
      where,
      false, // agents report their OS once per collection period
    );
    return undefined;
  }
  if (kind === 'ads-network') {
    const address = normaliseAddress(cell('ip_address'));
    if (!address) return 'ip_address is blank';
    builder.host({ id: agent, ips: isAnonymousAddress(address) ? [] : [address] }, where, false);
    return undefined;
  }
  if (kind === 'ads-performance') {
    const cores = parsePositiveInteger(cell('total_num_cores', 'total_num_logical_cores'));
    const ram = parseNumber(cell('total_ram_in_mb'));
    const disk = parseNumber(cell('total_disk_size_in_gb'));
    builder.host(
      {
        id: agent,
        ...(cores ? { cpu: { cores } } : {}),
        ...(ram ? { memoryGiB: Math.round((ram / 1024) * 10) / 10 } : {}),
        ...(disk ? { storageGiB: disk } : {}),
      },
      where,
      false,
    );
    return undefined;
  }
  const source = normaliseAddress(cell('source_ip'));
  const target = normaliseAddress(cell('destination_ip'));
  if (!source || !target) return 'source_ip or destination_ip is blank';
  if (isAnonymousAddress(source) && isAnonymousAddress(target)) return 'ignored: loopback traffic within one server';
  const portText = cell('destination_port');
  const port = parsePort(portText);
  if (portText && port === undefined) return `destination_port "${portText}" is not a port number`;
  builder.connection(
    {
      source,
      target,
      ...(port ? { port } : {}),
      ...(cell('transport_protocol') ? { protocol: cell('transport_protocol').toLowerCase() } : {}),
      observations: 1,
    },
    where,
  );
  return undefined;
}

/**
 * AWS Application Discovery Service exports and the Migration Hub import template: measured on
 * the machines. Tried before Azure Migrate: its agent connection files share column names with Azure's.
 */
export default {
  reads: 'tables',
  format: 'aws-ads',
  help: 'AWS Application Discovery Service exports, AWS Migration Hub import CSV',
  precedence: 40,
  priority: 21,
  recognises([table]) {
    const kind = table && awsTableKind(table.header);
    return kind !== undefined && kind !== 'cmf-intake';
  },
  read: ([table], context) =>
    built(context, 'aws-ads', (builder) => importAws(table!, awsTableKind(table!.header)!, builder)),
} satisfies InventoryFormatDescriptor;
