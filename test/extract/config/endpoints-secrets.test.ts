import { describe, expect, it } from 'vitest';
import { endpointsInHostSettings, endpointsInValue } from '../../../src/extract/config/endpoints.js';
import { secretsIn } from '../../../src/extract/config/secrets.js';

describe('endpoints', () => {
  it.each([
    [
      'jdbc:oracle:thin:@ordersdb01.acme.corp:1521:ORDP',
      { kind: 'database', protocol: 'oracle', host: 'ordersdb01.acme.corp', port: 1521, database: 'ORDP' },
    ],
    [
      'jdbc:oracle:thin:@//whdb01:1522/WHPROD.acme',
      { kind: 'database', protocol: 'oracle', host: 'whdb01', port: 1522, database: 'WHPROD.acme' },
    ],
    [
      'jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=rac1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORD)))',
      { kind: 'database', protocol: 'oracle', host: 'rac1', port: 1521, database: 'ORD' },
    ],
    ['jdbc:db2://zos01:446/DB2P', { kind: 'database', protocol: 'db2', host: 'zos01', port: 446, database: 'DB2P' }],
    [
      'jdbc:sqlserver://sql01:1433;databaseName=Ledger',
      { kind: 'database', protocol: 'sqlserver', host: 'sql01', port: 1433, database: 'Ledger' },
    ],
    ['jdbc:h2:mem:test', { kind: 'database', protocol: 'h2', host: '(embedded)' }],
    [
      'Server=192.168.40.12;Database=Ledger;User Id=svc;Password=x;',
      { kind: 'database', protocol: 'sqlserver', host: '192.168.40.12', port: 1433, database: 'Ledger' },
    ],
    [
      'Data Source=(LocalDB)\\MSSQLLocalDB;AttachDbFilename=|DataDirectory|\\Billing.mdf',
      {
        kind: 'database',
        protocol: 'sqlserver',
        host: '(local)',
        port: 1433,
        database: '|DataDirectory|\\Billing.mdf',
      },
    ],
    [
      'amqp://orders:secret@mq01.acme.corp:5672/vhost',
      { kind: 'message-broker', protocol: 'amqp', host: 'mq01.acme.corp', port: 5672 },
    ],
    ['ldaps://ad.acme.corp', { kind: 'directory', protocol: 'ldap', host: 'ad.acme.corp', port: 389 }],
    ['http://catalog01:8080/api', { kind: 'http-service', protocol: 'http', host: 'catalog01', port: 8080 }],
  ])('%s', (value, expected) => {
    expect(endpointsInValue(value)).toEqual([expected]);
  });

  it('reads every URL of a failover list; never a namespace or a placeholder host', () => {
    expect(endpointsInValue('failover:(tcp://mq1:61616,tcp://mq2:61616)').map((e) => e.host)).toEqual(['mq1', 'mq2']);
    expect(endpointsInValue('http://www.w3.org/2001/XMLSchema-instance')).toEqual([]);
    expect(endpointsInValue('postgres://${DB_HOST}/app')).toEqual([]);
    expect(endpointsInValue('just text')).toEqual([]);
    // A placeholder's default is what runs; its closing brace is no part of the database's name.
    expect(endpointsInValue('${MYSQL_URL:jdbc:mysql://localhost:3306/petclinic}')).toEqual([
      { kind: 'database', protocol: 'mysql', host: 'localhost', port: 3306, database: 'petclinic' },
    ]);
    expect(endpointsInValue('${DATABASE_URL:-postgres://db01.acme.corp:5432/orders}')).toEqual([
      { kind: 'database', protocol: 'postgresql', host: 'db01.acme.corp', port: 5432, database: 'orders' },
    ]);
    expect(endpointsInValue('{url: "mysql://db02/shop"}')).toEqual([
      { kind: 'database', protocol: 'mysql', host: 'db02', port: 3306, database: 'shop' },
    ]);
  });

  it('host settings take their kind from the key and their port from a sibling', () => {
    expect(
      endpointsInHostSettings([
        { key: 'smtp.host', value: '10.20.1.25', line: 4 },
        { key: 'smtp.port', value: '587', line: 5 },
        { key: 'ldap.server', value: 'ad01.corp', line: 6 },
        { key: 'server.host', value: 'localhost', line: 7 },
        { key: 'title', value: 'Acme', line: 8 },
        { key: 'inventory.host', value: 'inv01.acme.corp', line: 9 },
        { key: 'inventory.port', value: '8443', line: 10 },
        { key: 'cache.enabled', value: 'true', line: 11 },
        { key: 'system.serviceModel.services.service.endpoint.@address', value: 'mex', line: 12 },
      ]),
    ).toEqual([
      { kind: 'mail', protocol: 'smtp', host: '10.20.1.25', port: 587, line: 4 },
      { kind: 'directory', protocol: 'ldap', host: 'ad01.corp', port: 389, line: 6 },
      // A host setting of no known kind still names a service the application depends on.
      { kind: 'http-service', protocol: 'tcp', host: 'inv01.acme.corp', port: 8443, line: 9 },
    ]);
  });
});

describe('secrets', () => {
  it('finds passwords, tokens, keys, connection-string and URL credentials, and never keeps a value', () => {
    const found = secretsIn([
      { key: 'reporting.db.password', value: 'Winter2014!', line: 1 },
      { key: 'spring.datasource.password', value: '${DB_PASSWORD}', line: 2 },
      { key: 'API_TOKEN', value: 'ghp_123', line: 3 },
      { key: 'stripe.secretKey', value: 'sk_live_1', line: 4 },
      { key: 'connectionStrings.Ledger', value: 'Server=x;Password=Bill!ng2016;', line: 5 },
      { key: 'broker.url', value: 'amqp://orders:Pa55@mq01/', line: 6 },
      { key: 'password.policy.minLength', value: '12', line: 7 },
      { key: 'db.password', value: '', line: 8 },
    ]);
    expect(found).toEqual([
      { key: 'reporting.db.password', kind: 'password', line: 1 },
      { key: 'API_TOKEN', kind: 'token', line: 3 },
      { key: 'stripe.secretKey', kind: 'key', line: 4 },
      { key: 'connectionStrings.Ledger', kind: 'connection-string', line: 5 },
      { key: 'broker.url', kind: 'url-credentials', line: 6 },
    ]);
    expect(JSON.stringify(found)).not.toMatch(/Winter|ghp_|sk_live|Bill!ng|Pa55/);
  });
});
