import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SplitProposal } from '../../src/plan/split.js';
import { DEMO, REPO, runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const MONOLITH = path.join(REPO, 'fixtures/monolith-shop');
const split = (...args: string[]) => runCli(['split', ...args]);
const json = (run: { stdout: string }) => JSON.parse(run.stdout) as SplitProposal;
const byName = (proposal: SplitProposal) =>
  Object.fromEntries(proposal.services.map((service) => [service.name, service]));

describe('cloudready split on a monolith with known bounded contexts', () => {
  const run = split(MONOLITH, '--format', 'json');
  const proposal = json(run);

  it('recovers the four contexts, each with its units, tables and entry points', () => {
    expect(run.code).toBe(0);
    expect(proposal.choice.services).toBe(4);
    expect(proposal.choice.why).toMatch(/^one service per aggregate of data/);
    const services = byName(proposal);
    // Named after the part of the business their packages name, never after a layer.
    expect(Object.keys(services).sort()).toEqual(['billing', 'catalog', 'customer', 'order']);
    for (const pkg of ['order', 'catalog', 'customer', 'billing'] as const) {
      const name = pkg;
      expect(
        services[name]!.units.every((unit) => unit.startsWith(`com.acme.shop.${pkg}.`)),
        name,
      ).toBe(true);
    }
    expect(services.order!.units).toContain('com.acme.shop.order.OrderService');
    // OrderRepository stores ORDERS and ORDER_LINES (it reads and writes ORDERS; billing only writes it): one aggregate.
    expect(services.order!.entities).toEqual(['ORDERS', 'ORDER_LINES']);
    expect(services.catalog!.entities).toEqual(['PRODUCTS', 'STOCK']);
    expect(services.billing!.entities).toEqual(['INVOICES']);
    expect(services.billing!.entryPoints).toEqual(['http-route /invoices/{orderId} (BillingController)']);
    // Calls that become remote: billing asks orders, orders ask catalog and customers.
    expect(services.order!.inbound.map((item) => item.unit)).toEqual([
      'com.acme.shop.order.Order',
      'com.acme.shop.order.OrderService',
    ]);
    expect(services.order!.outbound.map((item) => item.service).sort()).toEqual(['catalog', 'customer']);
    // Every server class is in exactly one place.
    const placed = [
      ...proposal.services.flatMap((service) => service.units),
      ...proposal.sharedLibraries.flatMap((library) => library.units),
    ];
    expect(placed).toHaveLength(22);
    expect(new Set(placed).size).toBe(22);
  });

  it('marks the utilities used everywhere as a shared library instead of a service', () => {
    expect(proposal.sharedLibraries).toEqual([
      {
        name: 'util-library',
        units: ['com.acme.shop.util.Clock', 'com.acme.shop.util.Ids', 'com.acme.shop.util.Money'],
        usedBy: ['billing', 'catalog', 'customer', 'order'],
      },
    ]);
  });

  it('flags the table written from two contexts, gives it to its owner and says what to do', () => {
    expect(proposal.conflicts).toHaveLength(1);
    const [conflict] = proposal.conflicts;
    expect(conflict).toMatchObject({ entity: 'ORDERS', owner: 'order' });
    expect(conflict!.writers).toEqual([
      { service: 'billing', units: ['com.acme.shop.billing.InvoiceRepository'] },
      { service: 'order', units: ['com.acme.shop.order.OrderRepository'] },
    ]);
    expect(conflict!.suggestion).toContain('InvoiceRepository in billing should ask order through its API');
  });

  it('reports browser code as one front-end unit with the services it can call, never as services', async () => {
    const root = await makeTree({});
    await fs.cp(MONOLITH, root, { recursive: true });
    await fs.mkdir(path.join(root, 'src/main/webapp/js'), { recursive: true });
    await fs.writeFile(
      path.join(root, 'src/main/webapp/js/cart.js'),
      "import { price } from './price.js';\nexport function total(lines) {\n  return lines.reduce((sum, line) => sum + price(line), 0);\n}\n",
    );
    await fs.writeFile(
      path.join(root, 'src/main/webapp/js/price.js'),
      'export function price(line) {\n  return line.quantity * line.unitPrice;\n}\n',
    );
    const withUi = json(split(root, '--format', 'json', '--no-cache'));
    expect(withUi.frontEnd).toMatchObject({
      files: ['src/main/webapp/js/cart.js', 'src/main/webapp/js/price.js'],
      units: 4,
    });
    expect(withUi.frontEnd?.services).toEqual(['billing', 'catalog', 'customer', 'order']);
    expect(withUi.services.flatMap((service) => service.units).filter((unit) => !unit.startsWith('com.acme.'))).toEqual(
      [],
    );
    expect(withUi.services.map((service) => service.name)).toEqual(proposal.services.map((service) => service.name));
  });

  it('splits server code only: a test that drives two contexts is a unit of no service', async () => {
    const root = await makeTree({});
    await fs.cp(MONOLITH, root, { recursive: true });
    await fs.mkdir(path.join(root, 'src/test/java/com/acme/shop'), { recursive: true });
    await fs.writeFile(
      path.join(root, 'src/test/java/com/acme/shop/CheckoutFlowTest.java'),
      'package com.acme.shop;\n\nimport com.acme.shop.catalog.CatalogService;\nimport com.acme.shop.customer.CustomerController;\n\npublic class CheckoutFlowTest {\n  CatalogService catalog = new CatalogService();\n  CustomerController customers = new CustomerController();\n}\n',
    );
    const withTest = json(split(root, '--format', 'json', '--no-cache'));
    const units = withTest.services.flatMap((service) => service.units);
    expect(units.some((unit) => unit.includes('CheckoutFlowTest'))).toBe(false);
    expect(withTest.services.map((service) => service.name)).toEqual(proposal.services.map((service) => service.name));
  });

  it('orders the extraction by pay-off for risk, names what moves, reports the metrics over every class, and is deterministic', () => {
    // catalog and customer serve routes, own their data and are called by one class each; billing writes order's table.
    expect(proposal.extractionOrder.map((step) => step.service)).toEqual(['catalog', 'customer', 'order', 'billing']);
    const [first] = proposal.extractionOrder;
    expect(first).toMatchObject({ service: 'catalog', tables: ['PRODUCTS', 'STOCK'] });
    expect(first!.remoteCalls).toContainEqual({
      from: 'com.acme.shop.order.OrderService',
      to: 'com.acme.shop.catalog.CatalogService',
    });
    expect(first!.why).toBe(
      '2 entry points and 2 tables of its own; 1 class of other services calls into it; 0 data conflicts',
    );
    const { metrics } = proposal;
    // 22 classes: 19 in four services, 3 in the shared library (a group of its own).
    expect(metrics.over).toEqual({ classes: 22, groups: 5, links: metrics.over.links, edges: 'static' });
    expect(metrics.modularity.value).toBeGreaterThan(0.4);
    expect(metrics.icp.value).toBeGreaterThan(0);
    expect(metrics.icp.value).toBeLessThan(0.5);
    expect(metrics.bcp.value).toBeGreaterThan(0);
    expect(Object.keys(metrics)).toEqual(['over', 'modularity', 'sm', 'icp', 'ifn', 'ned', 'bcp']);
    expect(split(MONOLITH, '--format', 'json').stdout).toBe(run.stdout);
  });

  it('--services asks for a number; Mermaid and the terminal summary render the same proposal', () => {
    const two = json(split(MONOLITH, '--services', '2', '--format', 'json'));
    expect(two.services).toHaveLength(2);
    expect(two.choice.why).toMatch(/^asked for 2 services/);
    expect([
      ...two.services.flatMap((service) => service.units),
      ...two.sharedLibraries.flatMap((library) => library.units),
    ]).toHaveLength(22);
    const one = json(split(MONOLITH, '--services', '1', '--format', 'json'));
    expect(one.services).toHaveLength(1);
    expect(one.sharedLibraries).toEqual([]);
    expect(one.services[0]!.units).toHaveLength(22);
    // More than the aggregates: the largest services are cut.
    const six = json(split(MONOLITH, '--services', '6', '--format', 'json'));
    expect(six.services.length).toBeGreaterThan(4);
    expect(six.choice.why).toMatch(
      /^asked for 6 services: 4 grown from the data and the entry points, a service of \d+ cut in \d+ by Louvain/,
    );
    const many = json(split(MONOLITH, '--services', '100', '--format', 'json'));
    expect(many.choice.why).toMatch(/is as many as the code allows/);
    const diagram = split(MONOLITH, '--format', 'mermaid').stdout;
    expect(diagram).toMatch(/^flowchart LR\n/);
    expect(diagram).toContain('billing -->|calls| order');
    expect(diagram).toContain('"writes ORDERS (conflict)"');
    const text = split(MONOLITH).stdout;
    expect(text).toContain('Data ownership conflicts (1)');
    expect(text).toContain('Extraction order');
  });
});

describe('cloudready split inside a portfolio', () => {
  it('takes an application id in scanned folders, and says so when a language has no unit graph', () => {
    const orders = split('order-management', DEMO, '--format', 'json');
    expect(orders.code).toBe(0);
    expect(json(orders).services.length).toBeGreaterThanOrEqual(1);
    const kotlin = split('fraud-scoring', DEMO);
    expect(kotlin.code).toBe(2);
    expect(kotlin.stderr).toContain('fraud-scoring has no unit graph to split (languages: kotlin)');
    const portfolio = split(DEMO);
    expect(portfolio.code).toBe(2);
    expect(portfolio.stderr).toContain('holds 9 applications');
  });
});

describe('co-change coupling from git', () => {
  it('reads which files changed together with --history, and not without', async () => {
    const repo = await makeTree({});
    await fs.cp(MONOLITH, repo, { recursive: true });
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'initial');
    const catalog = path.join(repo, 'src/main/java/com/acme/shop/catalog/CatalogService.java');
    const customer = path.join(repo, 'src/main/java/com/acme/shop/customer/CustomerService.java');
    for (let i = 0; i < 3; i++) {
      await fs.appendFile(catalog, `// change ${i}\n`);
      await fs.appendFile(customer, `// change ${i}\n`);
      git('commit', '-q', '-am', `change ${i}`);
    }
    const withHistory = json(split(repo, '--format', 'json', '--history'));
    expect(withHistory.history).toEqual({ commits: 4, pairs: 1 });
    expect(withHistory.weights['co-change']).toBe(1);
    // Without --history the split is the scan's: the one the JSON result and the HTML report hold.
    expect(json(split(repo, '--format', 'json')).history).toBeUndefined();
    // --no-history, the switch of earlier versions, is still accepted.
    expect(json(split(repo, '--format', 'json', '--no-history')).history).toBeUndefined();
    expect(split(repo, '--history').stdout).toContain('co-change from 4 commits (1 file pair)');
  });
});

describe('measured calls and the scan result', () => {
  it('--calls takes measured call volumes for clustering and metrics, and a broken file stops before the scan', async () => {
    const root = await makeTree({
      'calls.csv':
        'caller,callee,count\ncom.acme.shop.billing.BillingService,com.acme.shop.order.OrderService,5000\ncom.acme.shop.order.OrderService,com.acme.shop.catalog.CatalogService,120\n',
      'bad.csv': 'caller,callee,count\na,b,many\n',
    });
    const measured = json(split(MONOLITH, '--format', 'json', '--calls', path.join(root, 'calls.csv')));
    expect(measured.runtimeCalls).toEqual({ pairs: 2 });
    expect(measured.metrics.over).toMatchObject({ edges: 'runtime', links: 2 });
    // Both measured calls cross services: all of the call volume is remote.
    expect(measured.metrics.icp).toEqual({ value: 1 });
    expect(measured.weights['runtime-call']).toBe(1);
    const bad = split(MONOLITH, '--calls', path.join(root, 'bad.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:2: count is not a number');
  });

  it('the scan stores the same split as cloudready split prints, for the JSON result and the HTML report', () => {
    const scanned = JSON.parse(runCli(['scan', MONOLITH, '--format', 'json', '--no-cache']).stdout) as {
      splits: { applicationId: string; proposal?: SplitProposal }[];
    };
    expect(scanned.splits).toHaveLength(1);
    expect(scanned.splits[0]!.proposal).toEqual(proposalOfShop());
  });
});

function proposalOfShop(): SplitProposal {
  return json(split(MONOLITH, '--format', 'json'));
}
