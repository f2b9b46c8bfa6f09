import type { Inventory } from '../extract/inventory/inventory-schema.js';
import { nodeId, type PortfolioGraph } from './portfolio-graph-types.js';

/**
 * Adds what inventories know to the portfolio graph: hosts, the software installed on them
 * (with its licence), which applications run where, and host-to-host connections.
 */
export function addInventoryGraph(graph: PortfolioGraph, inventories: Inventory[], applicationIds: Set<string>) {
  const edge = (source: string, target: string, kind: string) => graph.mergeEdgeWithKey(`${kind}:${source}->${target}`, source, target, { kind });
  for (const inventory of inventories) {
    for (const host of inventory.hosts) {
      const hostNode = nodeId.host(host.id);
      graph.mergeNode(hostNode, {
        kind: 'host',
        label: host.hostname ?? host.id,
        ...(host.platform ? { platform: host.platform } : {}),
        ...(host.os ? { os: `${host.os.name}${host.os.version ? ` ${host.os.version}` : ''}` } : {}),
        ...(host.cpu ? { cores: host.cpu.cores } : {}),
        ...(host.environment ? { environment: host.environment } : {}),
      });
      for (const software of host.software) {
        const softwareNode = nodeId.software(software.name, software.version);
        graph.mergeNode(softwareNode, {
          kind: 'software',
          label: `${software.name}${software.version ? ` ${software.version}` : ''}`,
          ...(software.vendor ? { vendor: software.vendor } : {}),
          ...(software.licence ? { licence: software.licence.model, ...(software.licence.byol !== undefined ? { byol: software.licence.byol } : {}) } : {}),
        });
        edge(hostNode, softwareNode, 'installs');
      }
    }
    for (const app of inventory.applications) {
      // Applications without code in the scan still appear: the inventory knows them.
      const appNode = nodeId.application(app.id);
      if (!applicationIds.has(app.id)) graph.mergeNode(appNode, { kind: 'application', label: app.id, source: 'inventory' });
      for (const host of app.hosts) if (graph.hasNode(nodeId.host(host))) edge(appNode, nodeId.host(host), 'runs-on');
    }
    for (const connection of inventory.connections) {
      const source = nodeId.host(connection.source);
      const target = nodeId.host(connection.target);
      if (graph.hasNode(source) && graph.hasNode(target)) edge(source, target, 'connects-to');
    }
  }
}
