import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';
import { ScanResult } from '../src/result/schema.js';

const DEMO = path.resolve(import.meta.dirname, '../fixtures/demo-portfolio');
const fixedClock = () => new Date('2026-01-01T00:00:00Z');
let result: ScanResult;

beforeAll(async () => {
  result = await scan({ paths: [DEMO], cwd: process.cwd(), now: fixedClock });
});

const app = (id: string) => {
  const found = result.applications.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no application ${id}`);
  return found;
};
const rulesOf = (id: string) => result.findings.filter((f) => f.applicationId === id).map((f) => f.ruleId);
/** Findings that cost readiness: info findings describe, they do not count against the move. */
const problemsOf = (id: string) =>
  result.findings.filter((f) => f.applicationId === id && f.severity !== 'info').map((f) => f.ruleId);

describe('demo portfolio', () => {
  it('produces a result that validates against the schema, with nothing skipped', () => {
    expect(ScanResult.safeParse(result).success).toBe(true);
    // Only notes on inventory records left out by design (a VM template, loopback and closing sockets).
    expect(result.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      // The Go rules engine inside fraud-scoring listens on its own port: an application of its own, and the user is told.
      'a build inside fraud-scoring that runs a process of its own: counted as an application of its own (cloudready.yaml applications: partOf merges it)',
      'record ignored: loopback connection within the host',
      'record ignored: TIME-WAIT socket, not an established connection',
      'record ignored: tpl-rhel8-gold is a VM template, not a server',
    ]);
    expect(result.summary.skippedFiles).toBe(0);
  });

  it('finds every application of the estate, and nothing else', () => {
    // Named as their build declares them (Billing.sln, the Go module), of the kind their code shows.
    expect(result.applications.map((a) => [a.id, a.name, a.kind, a.detectedBy])).toEqual([
      ['billing-service', 'Billing', 'service', 'manifest'],
      ['card-authorisation', 'card-authorisation', 'mainframe', 'mainframe'],
      ['catalog-service', 'catalog-service', 'service', 'manifest'],
      ['fraud-scoring', 'fraud-scoring', 'service', 'manifest'],
      ['fraud-scoring-rules-engine', 'rules-engine', 'service', 'manifest'],
      ['order-management', 'order-management', 'web', 'manifest'],
      ['partner-portal', 'partner-portal', 'service', 'manifest'],
      ['risk-batch', 'risk-batch', 'batch', 'manifest'],
      ['web-storefront', 'web-storefront', 'service', 'manifest'],
    ]);
    expect(result.setAside).toEqual([]);
    // Every file belongs to an application or is listed outside them with the reason.
    expect(result.outside).toEqual([
      { path: '.', kind: 'docs', reason: 'documents and media', files: 1 },
      { path: 'inventory', kind: 'inventory', reason: 'host inventories, read into the estate', files: 5 },
    ]);
    expect(
      result.applications.reduce((sum, a) => sum + a.files, 0) +
        result.outside.reduce((sum, folder) => sum + folder.files, 0),
    ).toBe(result.summary.files);
    expect(app('partner-portal').parts.map((part) => [part.path, part.kind, part.counted])).toEqual([
      ['partner-portal/helm', 'infrastructure', true],
      ['partner-portal/terraform', 'infrastructure', true],
      ['partner-portal/tests', 'test', false],
    ]);
    expect(app('order-management').modules).toEqual(['order-management/order-ejb', 'order-management/order-web']);
    expect(app('billing-service').modules).toEqual(['billing-service/Billing.Service']);
  });

  it('counts lines of code per language, comments excluded', () => {
    expect(Object.keys(app('card-authorisation').languages)).toEqual(['bms', 'cobol', 'csd', 'jcl']);
    expect(app('card-authorisation').languages.cobol).toBeGreaterThan(100);
    expect(Object.keys(app('risk-batch').languages)).toEqual(['python', 'shell']);
    expect(Object.keys(app('web-storefront').languages)).toEqual(['typescript']);
  });

  it('pins the score, strategy and runner-up of each application', () => {
    expect(
      Object.fromEntries(
        result.applications.map((a) => [a.id, `${a.score} ${a.strategy}, else ${a.strategyRunnerUp.strategy}`]),
      ),
    ).toEqual({
      'billing-service': '35 refactor, else replatform',
      'card-authorisation': '7 retain, else refactor',
      'catalog-service': '100 rehost, else replatform',
      'fraud-scoring': '96 rehost, else replatform',
      'fraud-scoring-rules-engine': '90 rehost, else replatform',
      'order-management': '33 refactor, else replatform',
      'partner-portal': '87 replatform, else rehost',
      'risk-batch': '15 retain, else refactor',
      'web-storefront': '61 replatform, else rehost',
    });
    // Nothing in the demo is unused: every application has an entry point or a dependent.
    expect(result.applications.filter((a) => a.strategyRunnerUp.strategy === 'retire')).toEqual([]);
  });

  it('breaks the score into dimensions and says how much of each application it could see', () => {
    // Where the mainframe system's data lives (VSAM, DB2 for z/OS) counts against data, not platform.
    expect(app('card-authorisation').dimensions).toMatchObject({ platform: 17, code: 100, data: 30 });
    expect(app('catalog-service').dimensions).toEqual({
      code: 100,
      platform: 100,
      data: 100,
      operations: 100,
      delivery: 100,
    });
    expect(app('order-management').dimensions.operations).toBeLessThan(app('order-management').dimensions.data);
    expect(app('catalog-service').confidence).toEqual({
      score: 100,
      level: 'high',
      reasons: ['every file read, an extractor for every language, hosts known'],
    });
    // Kotlin is counted but not parsed; the Ansible group places it on its host.
    expect(app('fraud-scoring').confidence.reasons).toEqual([
      '100 % of its code is in languages read only by text rules (kotlin) (−20)',
    ]);
    expect(app('web-storefront').confidence.reasons).toEqual(['1 connection to machines no inventory describes (−10)']);
    expect(result.summary.effortRange.low).toBeLessThan(result.summary.effort);
    expect(result.summary.effortRange.high).toBeGreaterThan(result.summary.effort);
  });

  it('ranks the cloud-ready Spring Boot service highest and the mainframe system lowest', () => {
    const ranked = [...result.applications].sort((a, b) => b.score - a.score).map((a) => a.id);
    expect(ranked[0]).toBe('catalog-service');
    expect(app('catalog-service').score).toBe(100);
    expect(ranked.at(-1)).toBe('card-authorisation');
    for (const id of ['card-authorisation', 'risk-batch']) expect(app(id).score).toBeLessThanOrEqual(30);
  });

  it('flags the CICS system as mainframe-bound, with file:line evidence outside comments', () => {
    const cics = result.findings.find((f) => f.id === 'mainframe/exec-cics@card-authorisation');
    expect(cics?.severity).toBe('blocker');
    expect(cics?.evidence[0]).toEqual({
      file: 'card-authorisation/cobol/CAUTH01.cbl',
      line: 30,
      snippet: "003000      EXEC CICS RECEIVE MAP('CAUTHM1') MAPSET('CAUTHMS')",
      // The code around the line, for reports that show it: two lines either side, as written.
      context: {
        firstLine: 28,
        lines: [
          '002800  PROCEDURE DIVISION.',
          '002900  0000-MAIN.',
          "003000      EXEC CICS RECEIVE MAP('CAUTHM1') MAPSET('CAUTHMS')",
          '003100                INTO(AUTH-REQUEST) RESP(WS-RESP)',
          '003200      END-EXEC.',
        ],
      },
      origin: 'production',
    });
    // Line 10 holds a commented-out EXEC CICS XCTL: it must not count.
    expect(cics?.evidence.some((e) => e.snippet?.includes('XCTL'))).toBe(false);
    // CICS and VSAM in the code, z/OS in the inventory.
    expect(app('card-authorisation').blockers).toBe(3);
    expect(rulesOf('card-authorisation')).toEqual(
      expect.arrayContaining([
        'mainframe/vsam-dataset',
        'mainframe/db2-embedded-sql',
        'mainframe/jcl-batch',
        'mainframe/bms-3270-screens',
      ]),
    );
  });

  it('gives each application the findings a consultant would expect', () => {
    // The clean Spring Boot service has no problem; the graph notes that three others call it.
    expect(problemsOf('catalog-service')).toEqual([]);
    expect(rulesOf('catalog-service')).toEqual([
      'architecture/calls-other-applications',
      'architecture/many-dependents',
    ]);
    expect(result.findings.find((f) => f.id === 'architecture/many-dependents@catalog-service')?.evidence).toEqual([
      {
        file: 'catalog-service',
        snippet: '3 applications depend on it: fraud-scoring, rules-engine, web-storefront',
        origin: 'production',
      },
    ]);
    expect(rulesOf('order-management')).toEqual(
      expect.arrayContaining([
        'middleware/ejb',
        'middleware/jms',
        'state-and-storage/http-session',
        'state-and-storage/local-file-write',
        'licensing/oracle-jdbc',
        'licensing/weblogic',
      ]),
    );
    expect(rulesOf('billing-service')).toEqual(
      expect.arrayContaining([
        'middleware/wcf',
        'middleware/dotnet-framework',
        'state-and-storage/inproc-session-state',
        'data/sql-server-localdb',
      ]),
    );
    expect(rulesOf('web-storefront')).toEqual(
      expect.arrayContaining([
        'state-and-storage/http-session',
        'networking/hardcoded-host',
        'networking/hardcoded-ip',
        'delivery/no-container-image',
      ]),
    );
    expect(rulesOf('risk-batch')).toEqual(
      expect.arrayContaining([
        'licensing/licence-server',
        'licensing/engineering-software',
        'resource-intensive/parallel-numeric',
      ]),
    );
    expect(rulesOf('card-authorisation')).toEqual(
      expect.arrayContaining(['mainframe/gdg-generations', 'mainframe/mq-on-zos', 'scheduling/control-m']),
    );
    expect(rulesOf('order-management')).toEqual(
      expect.arrayContaining([
        'configuration/app-server-datasource',
        'networking/ftp-transfer',
        'networking/on-premises-mail-relay',
      ]),
    );
    expect(rulesOf('billing-service')).toEqual(
      expect.arrayContaining(['platform/drive-letter-paths', 'security/windows-integrated-authentication']),
    );
  });

  it('does not mistake an XML namespace or a test-scoped database for a problem', () => {
    const hosts = result.findings.find((f) => f.id === 'networking/hardcoded-host@billing-service');
    expect(hosts).toBeUndefined();
    expect(rulesOf('catalog-service')).not.toContain('data/embedded-database');
  });

  it('never shows the value of a secret it found', () => {
    const json = JSON.stringify(result);
    for (const secret of ['Winter2014!', 'Bill!ng2016', 'storefront-7f3a9c2e']) expect(json).not.toContain(secret);
    expect(result.findings.find((f) => f.id === 'security/plaintext-password@web-storefront')?.evidence).toEqual([
      {
        file: 'web-storefront/.env',
        line: 4,
        snippet: 'SESSION_SECRET (secret, value hidden)',
        context: {
          firstLine: 2,
          lines: [
            'PORT=3000',
            'CATALOG_URL=http://catalog01:8080/api/products',
            'SESSION_SECRET **** (value hidden)',
            '',
          ],
        },
        origin: 'production',
      },
    ]);
    const password = result.findings.find((f) => f.id === 'security/plaintext-password@order-management');
    expect(password?.evidence[0]).toMatchObject({
      file: 'order-management/order-web/src/main/resources/orders.properties',
      line: 4,
      snippet: 'reporting.db.password (password, value hidden)',
    });
    // The context around a secret shows its key, never its value.
    expect(password?.evidence[0]?.context?.lines).toContain('reporting.db.password **** (value hidden)');
  });

  it('builds a graph of applications, modules and runtime libraries', () => {
    const ids = new Set(result.graph.nodes.map((n) => n.id));
    expect(ids).toContain('app:order-management');
    expect(ids).toContain('module:order-management/order-ejb');
    expect(result.graph.edges).toContainEqual({
      source: 'app:order-management',
      target: 'lib:maven:com.oracle.database.jdbc:ojdbc8',
      kind: 'depends-on',
    });
    expect(ids).not.toContain('lib:maven:com.h2database:h2');
  });

  it('holds the mainframe unit graph: transaction, programs, copybooks, jobs, tables and datasets', () => {
    const edges = new Set(result.graph.edges.map((e) => `${e.source} ${e.kind} ${e.target}`));
    const cards = (unit: string) => `unit:card-authorisation:${unit}`;
    for (const edge of [
      `transaction:card-authorisation:CA01 starts ${cards('CAUTH01')}`,
      `${cards('CAUTH01')} calls ${cards('CAUTHFR')}`,
      `${cards('CAUTH01')} includes ${cards('CARDREC')}`,
      `${cards('CAUTH01')} uses ${cards('CAUTHMS')}`,
      `${cards('CAUTH01')} reads table:card-authorisation:CARDDB.CARD_LIMIT`,
      `${cards('CAUTH01')} writes table:card-authorisation:CARDDB.CARD_LIMIT`,
      // The CICS file CARDMST is the VSAM cluster the CSD names, which the batch program reads too.
      `${cards('CAUTH01')} reads dataset:CARD.PROD.CARDMST`,
      `${cards('CAUTHBT1')} reads dataset:CARD.PROD.CARDMST`,
      `${cards('CAUTHBT1')} reads dataset:CARD.PROD.AUTHSRT`,
      `${cards('CAUTHBT1')} writes table:card-authorisation:CARDDB.SETTLEMENT`,
      `${cards('CAUTHSET')} calls ${cards('CAUTHBT1')}`,
      `${cards('CAUTHSET')} writes dataset:CARD.PROD.AUTHLOG`,
      `${cards('CARDVSAM')} writes dataset:CARD.PROD.CARDMST`,
      // Control-M runs CAUTHSET after CAUTHEOD, which rolls the log generation it reads.
      `${cards('CAUTHSET')} follows ${cards('CAUTHEOD')}`,
      `${cards('CAUTHEOD')} writes dataset:CARD.PROD.AUTHLOG`,
    ]) {
      expect(edges, edge).toContain(edge);
    }
    // DD names and load libraries are not datasets.
    expect(result.graph.nodes.map((n) => n.id)).not.toContain('dataset:AUTHIN');
    expect(result.graph.nodes.map((n) => n.id)).not.toContain('dataset:DSN.V12.SDSNLOAD');
  });

  it('holds the Java unit graph: calls through injected fields, inheritance, entities and their tables', () => {
    const edges = new Set(result.graph.edges.map((e) => `${e.source} ${e.kind} ${e.target}`));
    const orders = (unit: string) => `unit:order-management:com.acme.orders.${unit}`;
    for (const edge of [
      `${orders('web.CheckoutServlet')} calls ${orders('ejb.OrderService')}`,
      `${orders('ejb.OrderServiceBean')} implements ${orders('ejb.OrderService')}`,
      `${orders('ejb.OrderServiceBean')} instantiates ${orders('model.Order')}`,
      `${orders('model.Order')} maps-to table:order-management:ORDERS`,
      `${orders('model.OrderLine')} maps-to table:order-management:ORDER_LINES`,
      `${orders('ejb.OrderServiceBean')} writes table:order-management:ORDERS`,
      `${orders('ejb.OrderServiceBean')} reads table:order-management:ORDERS`,
      `${orders('ejb.OrderEventsMDB')} writes table:order-management:ORDER_AUDIT`,
      `unit:catalog-service:com.acme.catalog.ProductController calls unit:catalog-service:com.acme.catalog.ProductRepository`,
      `unit:catalog-service:com.acme.catalog.Product maps-to table:catalog-service:PRODUCTS`,
      `${orders('web.CheckoutServlet')} imports ${orders('ejb.OrderService')}`,
    ]) {
      expect(edges, edge).toContain(edge);
    }
  });

  it('holds the TypeScript, C# and Python unit graphs', () => {
    const edges = new Set(result.graph.edges.map((e) => `${e.source} ${e.kind} ${e.target}`));
    for (const edge of [
      'unit:web-storefront:src/server imports unit:web-storefront:src/routes/cart',
      'unit:web-storefront:src/server imports unit:web-storefront:src/routes/products',
      'unit:billing-service:Acme.Billing.BillingService implements unit:billing-service:Acme.Billing.IBillingService',
      'unit:billing-service:Acme.Billing.BillingService calls unit:billing-service:Acme.Billing.InvoiceWriter',
      'unit:risk-batch:risk.monte_carlo.simulate uses unit:risk-batch:risk.monte_carlo.simulate_chunk',
      'unit:risk-batch:risk.monte_carlo calls unit:risk-batch:risk.monte_carlo.simulate',
      'unit:risk-batch:tests.test_monte_carlo imports unit:risk-batch:risk.monte_carlo.value_at_risk',
    ]) {
      expect(edges, edge).toContain(edge);
    }
  });

  it('lists dependencies and the endpoints applications connect to, from configuration and code', () => {
    expect(result.dependencies).toContainEqual({
      applicationId: 'order-management',
      ecosystem: 'maven',
      name: 'log4j:log4j',
      version: '1.2.17',
      scope: 'compile',
      file: 'order-management/order-web/pom.xml',
      line: 25,
    });
    expect(result.dependencies).toContainEqual({
      applicationId: 'web-storefront',
      ecosystem: 'npm',
      name: 'cookie',
      version: '0.7.1',
      scope: 'runtime',
      file: 'web-storefront/package-lock.json',
      line: 26,
      licence: 'MIT',
      transitive: true,
    });
    expect(result.dependencies).toContainEqual({
      applicationId: 'risk-batch',
      ecosystem: 'pypi',
      name: 'pytest',
      version: '8.2.2',
      scope: 'dev',
      file: 'risk-batch/pyproject.toml',
      line: 14,
    });
    const endpoints = result.endpoints.map(
      (e) =>
        `${e.applicationId} ${e.kind} ${e.protocol}://${e.host}${e.port ? `:${e.port}` : ''}${e.database ? `/${e.database}` : ''}`,
    );
    expect(endpoints).toEqual(
      expect.arrayContaining([
        'billing-service database sqlserver://(local):1433/|DataDirectory|\\Billing.mdf',
        'billing-service database sqlserver://192.168.40.12:1433/Ledger',
        'order-management database oracle://whdb01.acme.corp:1521/WHPROD',
        'order-management database oracle://10.20.4.17:1521/ORDRPT',
        'order-management mail smtp://10.20.1.25:25',
        'order-management file-transfer ftp://finance-gw.acme.corp:21',
        'web-storefront http-service http://catalog01:8080',
      ]),
    );
    const edges = result.graph.edges.map((e) => `${e.source} ${e.kind} ${e.target}`);
    expect(edges).toContain('app:order-management connects-to endpoint:oracle://whdb01.acme.corp:1521/WHPROD');
    // A database on the application's own machine is its own, not shared with anyone.
    expect(edges).toContain(
      'app:billing-service connects-to endpoint:billing-service/sqlserver://(local):1433/|DataDirectory|\\Billing.mdf',
    );
  });

  it('reads every manifest, lockfile and delivery format the demo holds', () => {
    const files = new Set(result.dependencies.map((d) => d.file.slice(d.file.indexOf('/') + 1)));
    for (const manifest of [
      'pom.xml',
      'order-ejb/pom.xml',
      'package.json',
      'package-lock.json',
      'yarn.lock',
      'composer.json',
      'composer.lock',
      'Billing.Service/Billing.Service.csproj',
      'Billing.Service/packages.config',
      'requirements.txt',
      'pyproject.toml',
      'build.gradle.kts',
      'gradle/libs.versions.toml',
      'rules-engine/go.mod',
    ]) {
      expect(files, manifest).toContain(manifest);
    }
    expect(result.dependencies).toContainEqual({
      applicationId: 'fraud-scoring',
      ecosystem: 'gradle',
      name: 'org.springframework.kafka:spring-kafka',
      version: '3.2.0',
      scope: 'managed',
      file: 'fraud-scoring/gradle/libs.versions.toml',
      line: 5,
    });
    expect(result.dependencies).toContainEqual(
      expect.objectContaining({
        applicationId: 'partner-portal',
        name: 'laravel/framework',
        version: 'v11.9.2',
        file: 'partner-portal/composer.lock',
        licence: 'MIT',
      }),
    );
    // A Spring placeholder's default is the broker that runs when nothing overrides it.
    expect(result.endpoints).toContainEqual(
      expect.objectContaining({
        applicationId: 'fraud-scoring',
        kind: 'message-broker',
        host: 'kafka01.acme.corp',
        port: 9092,
      }),
    );
    // Jenkinsfile, Helm chart, Terraform, docker-compose, Cloud Foundry manifest and Kubernetes all count as delivery.
    expect(problemsOf('partner-portal')).toEqual([
      'observability/no-metrics',
      'platform-and-sla/end-of-life-os',
      'state-and-storage/local-file-write',
    ]);
    expect(rulesOf('fraud-scoring')).not.toContain('delivery/no-container-image');
    expect(rulesOf('fraud-scoring')).toContain('state-and-storage/file-log-appender');
  });

  it('judges delivery maturity: CI, tests, container image, health checks', () => {
    expect(rulesOf('catalog-service').filter((id) => id.startsWith('delivery/'))).toEqual([]);
    expect(rulesOf('order-management')).toEqual(
      expect.arrayContaining(['delivery/no-ci', 'delivery/no-health-check', 'security/log4j-1']),
    );
    expect(rulesOf('order-management')).not.toContain('delivery/no-tests');
    expect(rulesOf('web-storefront')).not.toContain('delivery/no-health-check');
    expect(rulesOf('billing-service')).toContain('delivery/no-tests');
    // Batch work and mainframe systems are not judged as web services or containers.
    expect(rulesOf('risk-batch')).not.toContain('delivery/no-health-check');
    expect(rulesOf('card-authorisation').filter((id) => id.startsWith('delivery/'))).toEqual([]);
  });

  it('is deterministic: a second scan gives identical JSON', async () => {
    const again = await scan({ paths: [DEMO], cwd: process.cwd(), now: fixedClock });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('joins the inventory: applications run on hosts, hosts install licensed software and connect to each other', () => {
    const edges = new Set(result.graph.edges.map((e) => `${e.source} ${e.kind} ${e.target}`));
    for (const edge of [
      'app:card-authorisation runs-on host:zos-prd1',
      'app:order-management runs-on host:aix-app01',
      'host:riskhpc01 installs software:Gurobi Optimizer@11.0',
      'host:aix-app01 connects-to host:aix-db01',
      'software:Gurobi Optimizer@11.0 licensed-by licence:Gurobi Optimizer:node-locked',
      // Placed through Ansible groups named like the applications.
      'app:partner-portal runs-on host:lnx-php01',
      'app:fraud-scoring runs-on host:lnx-fraud01',
      // Dependencies between applications that only traffic shows.
      'app:partner-portal depends-on app:fraud-scoring',
      'app:catalog-service depends-on app:order-management',
      'app:web-storefront depends-on app:catalog-service',
      'host:lnx-web01 connects-to address:10.50.8.9',
      'endpoint:sqlserver://192.168.40.12:1433/Ledger hosted-on host:win-sql01',
    ]) {
      expect(edges, edge).toContain(edge);
    }
    expect(result.graph.nodes.find((n) => n.id === 'licence:Gurobi Optimizer:node-locked')?.attributes).toMatchObject({
      model: 'node-locked',
      byol: false,
    });
    expect(result.graph.nodes.find((n) => n.id === 'address:10.50.8.9')).toMatchObject({ kind: 'unknown-host' });
    expect(result.graph.edges).toContainEqual({
      source: 'host:lnx-web01',
      target: 'host:lnx-app02',
      kind: 'connects-to',
      attributes: { latencySensitive: true, observations: 3, port: 8080, protocol: 'http', volume: 'high' },
    });
  });

  it('finds the cycle, the shared warehouse and the hubs in the graph', () => {
    expect(result.graphAnalysis.applicationCycles).toEqual([['card-authorisation', 'order-management']]);
    expect(result.graphAnalysis.moduleCycles).toEqual([]);
    expect(result.graphAnalysis.sharedDatastores).toEqual([
      {
        id: 'endpoint:oracle://whdb01.acme.corp:1521/WHPROD',
        kind: 'database',
        label: 'whdb01.acme.corp:1521/WHPROD',
        applications: ['order-management', 'risk-batch'],
        writtenBy: [],
      },
    ]);
    expect(result.graphAnalysis.hubs.slice(0, 2).map((hub) => [hub.id, hub.dependents])).toEqual([
      ['app:order-management', 4],
      ['app:catalog-service', 3],
    ]);
    expect(result.graphAnalysis.unknownEndpoints.map((endpoint) => endpoint.id)).toEqual(
      expect.arrayContaining(['address:10.50.8.9', 'endpoint:ftp://finance-gw.acme.corp:21']),
    );
    expect(rulesOf('risk-batch')).toContain('architecture/shared-database');
    expect(rulesOf('order-management')).toContain('architecture/shared-database');
  });

  it('imports the estate from five formats and matches one machine across them by name and address', () => {
    expect(
      result.inventories.map((file) => [file.file, file.format, file.imported, file.ignored, file.rejected]),
    ).toEqual([
      ['inventory/ansible-hosts.ini', 'ansible', 3, 0, 0],
      ['inventory/azure-migrate-dependencies.csv', 'azure-migrate', 9, 0, 0],
      ['inventory/captures/catalog01.ss.txt', 'netstat', 6, 2, 0],
      ['inventory/hosts.yaml', 'cloudready', 21, 0, 0],
      ['inventory/rvtools/RVTools_tabvInfo.csv', 'rvtools', 6, 1, 0],
    ]);
    expect(result.summary.inventory).toEqual({
      files: 5,
      imported: 45,
      ignored: 3,
      rejected: 0,
      hosts: 10,
      connections: 14,
    });
    // catalog01 in RVTools, Azure Migrate and the ss capture is lnx-app02 of hosts.yaml.
    const catalogHost = result.graph.nodes.find((n) => n.id === 'host:lnx-app02');
    expect(catalogHost?.attributes).toMatchObject({
      sources: 'azure-migrate,cloudready,netstat,rvtools',
      os: 'Red Hat Enterprise Linux 8.8',
    });
    // A discovery tool's measurement wins over an Ansible group variable.
    expect(result.graph.nodes.find((n) => n.id === 'host:lnx-php01')?.attributes).toMatchObject({
      os: 'Ubuntu 20.04.6 LTS',
      sources: 'ansible,azure-migrate,rvtools',
    });
    // The Ansible inventory's become password is never read into the result.
    expect(JSON.stringify(result)).not.toContain('Winter2026');
  });

  it('finds what the inventory says about platforms, licences, sizing and service levels, on the right applications', () => {
    // The runtime rules of the pack read build files, not inventories: checked below.
    const inventoryRules = (id: string) =>
      rulesOf(id).filter((rule) => rule.startsWith('platform-and-sla/') && !rule.includes('runtime'));
    expect(inventoryRules('card-authorisation')).toEqual([
      'platform-and-sla/high-availability-sla',
      'platform-and-sla/mainframe-host',
      'platform-and-sla/tight-recovery-objectives',
    ]);
    expect(inventoryRules('order-management')).toEqual([
      'platform-and-sla/end-of-life-os',
      'platform-and-sla/tight-recovery-objectives',
      'platform-and-sla/unix-host',
    ]);
    expect(inventoryRules('billing-service')).toEqual([
      'platform-and-sla/end-of-life-os',
      'platform-and-sla/licence-not-portable',
      'platform-and-sla/unknown-dependency',
    ]);
    expect(inventoryRules('risk-batch')).toEqual([
      'platform-and-sla/chatty-link-across-hybrid-boundary',
      'platform-and-sla/node-locked-licence',
      'platform-and-sla/oversized-host',
    ]);
    expect(inventoryRules('web-storefront')).toEqual([
      'platform-and-sla/chatty-link-across-hybrid-boundary',
      'platform-and-sla/end-of-life-os',
      'platform-and-sla/unknown-dependency',
    ]);
    expect(inventoryRules('partner-portal')).toEqual(['platform-and-sla/end-of-life-os']);
    // Build files: Billing targets .NET Framework 4.6.1 (no updates since 2022), order management Java 8 (Oracle extended support only).
    const runtimeRules = (id: string) => rulesOf(id).filter((rule) => rule.includes('runtime'));
    expect(runtimeRules('billing-service')).toEqual(['platform-and-sla/end-of-life-runtime']);
    expect(runtimeRules('order-management')).toEqual(['platform-and-sla/runtime-extended-support']);
    expect(
      result.applications
        .filter((app) => !['billing-service', 'order-management'].includes(app.id))
        .flatMap((app) => runtimeRules(app.id)),
    ).toEqual([]);
    expect(inventoryRules('catalog-service')).toEqual([]);
    expect(
      result.findings.find((f) => f.id === 'platform-and-sla/unknown-dependency@web-storefront')?.evidence,
    ).toEqual([
      {
        file: 'inventory/azure-migrate-dependencies.csv',
        line: 4,
        snippet: 'connection lnx-web01 → 10.50.8.9 (described by no inventory):443 (low volume, seen 3×)',
        origin: 'production',
      },
    ]);
    expect(
      result.findings.find((f) => f.id === 'platform-and-sla/chatty-link-across-hybrid-boundary@web-storefront')
        ?.evidence,
    ).toEqual([
      {
        file: 'inventory/hosts.yaml',
        line: 145,
        snippet: 'connection lnx-web01 → aix-app01 (AIX):7001 (http, medium volume, latency-sensitive)',
        origin: 'production',
      },
    ]);
    const zos = result.findings.find((f) => f.id === 'platform-and-sla/mainframe-host@card-authorisation');
    expect(zos?.evidence).toEqual([
      {
        file: 'inventory/hosts.yaml',
        line: 6,
        snippet: 'host zos-prd1: z/OS (z/OS 2.5), 4 cores, 256 GiB',
        origin: 'production',
      },
    ]);
  });

  it('ships a valid inventory describing the hosts', async () => {
    const inventory = parse(await fs.readFile(path.join(DEMO, 'inventory/hosts.yaml'), 'utf8'));
    expect(inventory.hosts.map((h: { platform: string }) => h.platform)).toEqual(
      expect.arrayContaining(['z/OS', 'AIX', 'Windows', 'Linux']),
    );
    expect(inventory.applications).toHaveLength(6);
    expect(inventory.connections.length).toBeGreaterThan(5);
  });
});
