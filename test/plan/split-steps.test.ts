import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { PortfolioGraph } from '../../src/model/portfolio-graph-types.js';
import { assignClasses } from '../../src/plan/split/assign-classes.js';
import { dataConflicts, describeServices, describeSharedLibraries } from '../../src/plan/split/describe-services.js';
import { groupsOf, placeServices } from '../../src/plan/split/service-placement.js';
import { splitInput } from '../../src/plan/split/split-input.js';

/**
 * Two contexts and a utility: orders (Order, OrderRepository writes ORDERS, OrderController) and
 * billing (Invoice, InvoiceRepository writes INVOICES and also ORDERS, BillingController);
 * util.Ids, which both use.
 */
function shop(): PortfolioGraph {
  const graph: PortfolioGraph = new MultiDirectedGraph();
  const unit = (name: string, entryPoints?: string) =>
    graph.addNode(`unit:shop:com.acme.${name}`, {
      kind: 'unit',
      label: `com.acme.${name}`,
      language: 'java',
      origin: 'production',
      ...(entryPoints ? { entryPoints } : {}),
    });
  unit('order.Order');
  unit('order.OrderRepository');
  unit('order.OrderController', 'http-route /orders');
  unit('billing.Invoice');
  unit('billing.InvoiceRepository');
  unit('billing.BillingController', 'http-route /invoices');
  unit('util.Ids');
  for (const table of ['ORDERS', 'INVOICES']) graph.addNode(`table:shop:${table}`, { kind: 'table', label: table });
  const edge = (from: string, to: string, kind: string) =>
    graph.addEdge(`unit:shop:com.acme.${from}`, to.startsWith('table:') ? to : `unit:shop:com.acme.${to}`, { kind });
  edge('order.OrderRepository', 'table:shop:ORDERS', 'writes');
  edge('order.OrderRepository', 'table:shop:ORDERS', 'reads');
  edge('order.OrderRepository', 'order.Order', 'uses');
  edge('order.OrderController', 'order.OrderRepository', 'calls');
  edge('billing.InvoiceRepository', 'table:shop:INVOICES', 'writes');
  edge('billing.InvoiceRepository', 'table:shop:ORDERS', 'writes');
  edge('billing.InvoiceRepository', 'billing.Invoice', 'uses');
  edge('billing.BillingController', 'billing.InvoiceRepository', 'calls');
  edge('billing.BillingController', 'order.OrderController', 'calls');
  for (const user of ['order.OrderRepository', 'billing.InvoiceRepository']) edge(user, 'util.Ids', 'calls');
  return graph;
}

describe('service split, step by step', () => {
  const input = splitInput(shop(), 'shop');
  const assigned = assignClasses(input, undefined, 42);
  const placement = placeServices(input, assigned);

  it('assigns every class to one service, one per aggregate of data, or to a shared library', () => {
    expect(assigned.count.why).toMatch(/^one service per aggregate of data/);
    const services = new Set(
      input.atoms.filter((atom) => !assigned.sharedAtoms.has(atom)).map((atom) => assigned.assignment.get(atom)),
    );
    expect(services.size).toBe(2);
    for (const atom of input.atoms)
      expect(assigned.assignment.has(atom) !== assigned.sharedAtoms.has(atom), atom).toBe(true);
    // A utility every service uses (both, when there are two) is a shared library.
    expect([...assigned.shared.keys()]).toEqual(['com.acme.util']);
  });

  it('names each service after its business word and gives each table one owner', () => {
    expect([...placement.names.values()].sort()).toEqual(['billing', 'order']);
    const owners = [...placement.dataOf].flatMap(([cluster, data]) =>
      data.map((node) => [input.label(node), placement.names.get(cluster)]),
    );
    expect(owners.sort()).toEqual([
      ['INVOICES', 'billing'],
      ['ORDERS', 'order'],
    ]);
  });

  it('describes each service: units, tables, entry points, and the calls that become remote', () => {
    const services = Object.fromEntries(describeServices(input, placement).map((service) => [service.name, service]));
    expect(services.order!.entities).toEqual(['ORDERS']);
    expect(services.billing!.entryPoints).toEqual(['http-route /invoices (BillingController)']);
    expect(services.billing!.outbound).toEqual([{ unit: 'com.acme.order.OrderController', service: 'order' }]);
    expect(services.order!.inbound).toEqual([{ unit: 'com.acme.order.OrderController', from: ['billing'] }]);
    expect(describeSharedLibraries(input, placement)).toEqual([
      { name: 'util-library', units: ['com.acme.util.Ids'], usedBy: ['billing', 'order'] },
    ]);
    expect(services.order!.sharedLibraries).toEqual(['util-library']);
  });

  it('flags a table another service writes, and says how its owner should be asked instead', () => {
    const [conflict, ...others] = dataConflicts(input, placement);
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ entity: 'ORDERS', owner: 'order' });
    expect(conflict!.writers).toEqual([
      { service: 'billing', units: ['com.acme.billing.InvoiceRepository'] },
      { service: 'order', units: ['com.acme.order.OrderRepository'] },
    ]);
    expect(conflict!.suggestion).toContain('InvoiceRepository in billing should ask order through its API');
  });

  it('groups every class and table for the metrics by its service', () => {
    const groups = groupsOf(input, placement);
    expect(groups.get('table:shop:ORDERS')).toBe('order');
    expect(groups.get(input.atoms.find((atom) => input.label(atom) === 'com.acme.billing.Invoice')!)).toBe('billing');
  });
});
