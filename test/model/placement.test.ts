import { describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/extract/config/config-entries.js';
import { ownAddresses } from '../../src/extract/config/own-addresses.js';
import { buildEstate } from '../../src/model/estate.js';
import { inventoryContext } from '../../src/model/inventory-context.js';
import { loadInventory } from '../../src/extract/inventory/load-inventory.js';

const config = (file: string, entries: [string, string, number][]): ConfigFile => ({
  file,
  format: 'properties',
  entries: entries.map(([key, value, line]) => ({ key, value, line })),
  problems: [],
});

describe('placing applications on hosts', () => {
  it('reads the addresses an application binds to or announces, not wildcards or placeholders', () => {
    const found = ownAddresses([
      config('shop/src/main/resources/application.properties', [
        ['server.address', '10.30.5.40', 3],
        ['eureka.instance.hostname', 'catalog01.acme.corp', 7],
        ['spring.datasource.url', 'jdbc:postgresql://db01:5432/shop', 9],
        ['server.host', '0.0.0.0', 11],
        ['app.bind-address', '${BIND_ADDRESS}', 12],
      ]),
      config('api/appsettings.json', [['ASPNETCORE_URLS', 'http://api01:5000;https://api01:5001', 2]]),
    ]);
    expect(found.map(({ host, key, line }) => [host, key, line])).toEqual([
      ['10.30.5.40', 'server.address', 3],
      ['catalog01.acme.corp', 'eureka.instance.hostname', 7],
      ['api01', 'ASPNETCORE_URLS', 2],
    ]);
  });

  it('an application runs where an inventory lists it, where a group is named like it, and where its own config says', () => {
    const loaded = loadInventory(
      [
        'version: 1',
        'hosts:',
        '  - { id: h1, hostname: catalog01.acme.corp, ips: [10.30.5.40] }',
        '  - { id: h2, groups: [Order Management] }',
        '  - { id: h3 }',
        'applications:',
        '  - { id: billing, hosts: [h3] }',
      ].join('\n'),
      'inventory/estate.yaml',
      [],
    );
    const estate = buildEstate([loaded!], []);
    const own = ownAddresses([config('catalog/application.properties', [['server.address', '10.30.5.40', 4]])]);
    expect(
      inventoryContext({ id: 'catalog', name: 'catalog' }, own, estate).hosts.map(({ host, via, file, line }) => [
        host.id,
        via,
        file,
        line,
      ]),
    ).toEqual([['h1', 'own-address', 'catalog/application.properties', 4]]);
    expect(
      inventoryContext({ id: 'order-management', name: 'order-management' }, [], estate).hosts.map(({ host, via }) => [
        host.id,
        via,
      ]),
    ).toEqual([['h2', 'group']]);
    expect(
      inventoryContext({ id: 'billing', name: 'billing' }, [], estate).hosts.map(({ host, via, line }) => [
        host.id,
        via,
        line,
      ]),
    ).toEqual([['h3', 'inventory', 5]]);
    expect(inventoryContext({ id: 'nowhere', name: 'nowhere' }, [], estate).hosts).toEqual([]);
    // An inventory may name the application as its manifest does rather than by its folder.
    expect(
      inventoryContext({ id: 'billing-service', name: 'Billing' }, [], estate).hosts.map(({ host, via }) => [
        host.id,
        via,
      ]),
    ).toEqual([['h3', 'inventory']]);
  });
});
