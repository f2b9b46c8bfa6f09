import type { PlacedApplication } from './inventory-context.js';
import { connectionVolume, type Estate } from './estate.js';
import { isPublicAddress } from '../extract/inventory/inventory-values.js';
import { compareStrings } from '../util/compare.js';
import { nodeId, type EdgeAttributes, type PortfolioGraph } from './portfolio-graph-types.js';

/**
 * Adds what inventories know to the portfolio graph: hosts, the software installed on them and
 * its licences, which applications run where, host-to-host connections by port, machines seen
 * in traffic that no inventory describes, and the application-to-application dependencies that
 * connections, endpoints and shared datastores imply.
 */
export function addInventoryGraph(graph: PortfolioGraph, estate: Estate, applications: PlacedApplication[]) {
  // join, not a template literal: a template makes a rope the graph keeps beside its flattened copy (a million connections).
  const edge = (
    source: string,
    target: string,
    kind: string,
    attributes: Omit<EdgeAttributes, 'kind'> = {},
    suffix = '',
  ) =>
    graph.mergeEdgeWithKey([kind, ':', source, '->', target, suffix].join(''), source, target, { kind, ...attributes });
  for (const { host, formats } of estate.hosts) {
    const hostNode = nodeId.host(host.id);
    graph.mergeNode(hostNode, {
      kind: 'host',
      label: host.hostname ?? host.id,
      sources: formats.join(','),
      ...(host.platform ? { platform: host.platform } : {}),
      ...(host.os ? { os: `${host.os.name}${host.os.version ? ` ${host.os.version}` : ''}` } : {}),
      ...(host.cpu ? { cores: host.cpu.cores } : {}),
      ...(host.memoryGiB ? { memoryGiB: host.memoryGiB } : {}),
      ...(host.environment ? { environment: host.environment } : {}),
      ...(host.location ? { location: host.location } : {}),
    });
    for (const software of host.software) {
      const softwareNode = nodeId.software(software.name, software.version);
      graph.mergeNode(softwareNode, {
        kind: 'software',
        label: `${software.name}${software.version ? ` ${software.version}` : ''}`,
        ...(software.vendor ? { vendor: software.vendor } : {}),
      });
      edge(hostNode, softwareNode, 'installs');
      const { licence } = software;
      if (!licence) continue;
      const licenceNode = nodeId.licence(software.name, licence.model);
      graph.mergeNode(licenceNode, {
        kind: 'licence',
        label: `${software.name} (${licence.model})`,
        model: licence.model,
        ...(licence.byol !== undefined ? { byol: licence.byol } : {}),
        ...(licence.metric ? { metric: licence.metric } : {}),
      });
      edge(softwareNode, licenceNode, 'licensed-by');
      const server = licence.server ? estate.resolve(licence.server) : undefined;
      if (server) edge(licenceNode, nodeId.host(server), 'served-by');
    }
  }

  // Applications on hosts; inventory-only applications (no code in the scan) appear too.
  const scanned = new Set(applications.map((facts) => facts.app.id));
  const appsOnHost = new Map<string, Set<string>>();
  const runsOn = (appId: string, hostId: string, via: string) => {
    edge(nodeId.application(appId), nodeId.host(hostId), 'runs-on', { via });
    appsOnHost.set(hostId, new Set([...(appsOnHost.get(hostId) ?? []), appId]));
  };
  for (const app of estate.applications) {
    if (!scanned.has(app.id))
      graph.mergeNode(nodeId.application(app.id), { kind: 'application', label: app.id, source: 'inventory' });
    for (const host of app.hosts) runsOn(app.id, host, 'inventory');
  }
  for (const facts of applications)
    for (const { host, via } of facts.inventory?.hosts ?? []) runsOn(facts.app.id, host.id, via);
  // The service level an application owes decides when it moves (cloudready waves).
  for (const facts of applications) {
    const sla = facts.inventory?.sla?.sla;
    const node = nodeId.application(facts.app.id);
    if (!sla || !graph.hasNode(node)) continue;
    if (sla.criticality) graph.setNodeAttribute(node, 'criticality', sla.criticality);
    if (sla.availability !== undefined) graph.setNodeAttribute(node, 'availability', sla.availability);
  }

  const dependsOn = (from: string, to: string, via: string, port?: number) => {
    if (from !== to)
      edge(
        nodeId.application(from),
        nodeId.application(to),
        'depends-on',
        { via, ...(port ? { port } : {}) },
        `:${via}${port ? `:${port}` : ''}`,
      );
  };
  for (const connection of estate.connections) {
    const source = connection.sourceHost ? nodeId.host(connection.sourceHost) : nodeId.address(connection.source);
    const target = connection.targetHost ? nodeId.host(connection.targetHost) : nodeId.address(connection.target);
    for (const [node, address] of [
      [source, connection.source],
      [target, connection.target],
    ] as const) {
      if (!graph.hasNode(node)) graph.mergeNode(node, addressNode(address, estate));
    }
    const volume = connectionVolume(connection);
    edge(
      source,
      target,
      'connects-to',
      {
        ...(connection.port ? { port: connection.port } : {}),
        ...(connection.protocol ? { protocol: connection.protocol } : {}),
        ...(volume ? { volume } : {}),
        ...(connection.latencySensitive ? { latencySensitive: true } : {}),
        ...(connection.observations ? { observations: connection.observations } : {}),
      },
      connection.port ? `:${connection.port}` : '',
    );
    if (!connection.sourceHost || !connection.targetHost) continue;
    for (const from of appsOnHost.get(connection.sourceHost) ?? [])
      for (const to of appsOnHost.get(connection.targetHost) ?? []) dependsOn(from, to, 'connection', connection.port);
  }

  // An endpoint in an application's configuration that is a known host: the datastore or
  // service lives there, and so do the applications that run on it.
  const datastoreUsers = new Map<string, Set<string>>();
  for (const facts of applications) {
    for (const endpoint of facts.endpoints) {
      const endpointNode = nodeId.endpoint(facts.app.id, endpoint);
      if (endpoint.host.startsWith('(')) continue;
      if (endpoint.kind === 'database')
        datastoreUsers.set(endpointNode, new Set([...(datastoreUsers.get(endpointNode) ?? []), facts.app.id]));
      const host = estate.resolve(endpoint.host);
      if (!host || !graph.hasNode(endpointNode)) continue;
      edge(endpointNode, nodeId.host(host), 'hosted-on');
      for (const other of appsOnHost.get(host) ?? []) dependsOn(facts.app.id, other, 'endpoint', endpoint.port);
    }
  }
  // Two applications writing one database are coupled both ways: one edge, from the lower id.
  for (const [endpointNode, users] of datastoreUsers) {
    const sorted = [...users].sort(compareStrings);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++)
        edge(
          nodeId.application(sorted[i]!),
          nodeId.application(sorted[j]!),
          'shares-datastore',
          { datastore: graph.getNodeAttribute(endpointNode, 'label') },
          `:${endpointNode}`,
        );
  }
}

/** A node for an address no inventory describes: a discovery appliance's, one on the internet, or a machine an inventory missed. */
function addressNode(address: string, estate: Estate): { kind: string; label: string } {
  if (estate.appliances.has(address)) return { kind: 'appliance', label: `${address} (discovery appliance)` };
  if (isPublicAddress(address)) return { kind: 'internet', label: `${address} (public address)` };
  return { kind: 'unknown-host', label: address };
}
