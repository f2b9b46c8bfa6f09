import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/report/html/html-report.js';
import { scan } from '../../src/scan.js';
import { launchChromium, requireChromium } from '../helpers/browser.js';
import { HOSTILE_SECRET, HOSTILE_TREE } from '../helpers/report-fixtures.js';
import { DEMO, REPO } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

const now = () => new Date('2026-01-01T00:00:00Z');
// The README's picture is refreshed on request only (CLOUDREADY_UPDATE_IMAGES=1 npm test): a test
// run must leave a clean checkout clean.
const IMAGES =
  process.env.CLOUDREADY_UPDATE_IMAGES === '1'
    ? path.join(REPO, 'docs/images')
    : path.join(os.tmpdir(), 'cloudready-test-images');

interface Opened {
  page: Page;
  /** Console errors and warnings, page errors and CSP violations. */
  problems: string[];
  /** Every request but the report file itself. */
  requests: string[];
  dialogs: string[];
}

describe.runIf(requireChromium())('HTML report in a browser', () => {
  let browser: Browser;
  let folder: string;
  let demoFile: string;
  let hostileFile: string;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudready-html-'));
    demoFile = path.join(folder, 'demo.html');
    // A relative root, as a user types it: the screenshots are the same on every machine.
    await fs.writeFile(
      demoFile,
      htmlReport(await scan({ paths: [path.relative(REPO, DEMO)], cwd: REPO, now }), { color: false }),
    );
    const hostileRoot = await makeTree(HOSTILE_TREE);
    hostileFile = path.join(folder, 'hostile.html');
    await fs.writeFile(
      hostileFile,
      htmlReport(await scan({ paths: [hostileRoot], cwd: hostileRoot, now }), { color: false }),
    );
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  async function open(file: string, hash = ''): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const opened: Opened = { page, problems: [], requests: [], dialogs: [] };
    const url = pathToFileURL(file).href;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(message.text());
    });
    page.on('pageerror', (error) => opened.problems.push(String(error)));
    page.on('request', (request) => {
      if (request.url().split('#')[0] !== url) opened.requests.push(request.url());
    });
    page.on('dialog', async (dialog) => {
      opened.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(url + hash);
    await page.waitForSelector('body[data-ready]');
    return opened;
  }

  it('opens with no error and no network request, the overview drawn', async () => {
    const { page, problems, requests } = await open(demoFile);
    await expect.poll(() => page.locator('#page-overview canvas').count()).toBe(4);
    expect(await page.locator('#page-overview h1').textContent()).toBe('Cloud readiness: demo-portfolio');
    expect(await page.locator('#page-overview .card-value').first().textContent()).toBe('9');
    // Ready as they are means rehosted without blockers (catalog-service, fraud-scoring, rules-engine), not any score of 80.
    expect(await page.locator('#page-overview .cards').textContent()).toContain(
      '3 applications ready to move as they are',
    );
    // What stays is said under the effort chart, not drawn as a wave; the header names folders, not the scanning machine's paths.
    expect(await page.locator('#page-overview').textContent()).toMatch(
      /Not in any wave: 2 applications stay \([\d.,]+ person-days if they were moved\)/,
    );
    expect(await page.locator('#page-overview p.muted').first().textContent()).toMatch(/· demo-portfolio$/);
    expect(await page.locator('.risks li').count()).toBeGreaterThanOrEqual(5);
    // Every chart has been drawn on: a blank canvas has no coloured pixel.
    const drawn = await page.$$eval('#page-overview canvas', (elements) =>
      (elements as HTMLCanvasElement[]).map((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        for (let at = 3; at < data.length; at += 4) if (data[at]! > 0) return true;
        return false;
      }),
    );
    expect(drawn).toEqual([true, true, true, true]);
    // Visit every section: none of them may reach out either.
    for (const route of ['applications', 'graph', 'waves', 'servers', 'splits', 'notes', 'app/order-management']) {
      await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
      await page.waitForTimeout(100);
    }
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await fs.mkdir(IMAGES, { recursive: true });
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.close();
  });

  it('navigates from the table to an application page and back', async () => {
    const { page, problems } = await open(demoFile);
    await page.getByRole('link', { name: 'Applications (9)' }).click();
    await expect.poll(() => page.locator('#page-applications').isVisible()).toBe(true);
    expect(await page.locator('#page-applications tbody tr').count()).toBe(9);
    await page.locator('#page-applications').getByRole('link', { name: 'order-management' }).click();
    const section = page.locator('#page-app-order-management');
    await expect.poll(() => section.isVisible()).toBe(true);
    expect(page.url()).toMatch(/#\/app\/order-management$/);
    expect(await section.locator('h1').textContent()).toBe('order-management');
    expect(await section.locator('.big-score .score-value').textContent()).toBe('33');
    expect(await section.locator('h2', { hasText: 'Findings' }).textContent()).toMatch(/^Findings \(\d+\)$/);
    // Evidence shows the code around the line, the line itself marked.
    const ftp = section.locator('article', { hasText: 'FTP file transfers' });
    expect(await ftp.locator('.location').first().textContent()).toBe(
      'order-management/order-web/src/main/java/com/acme/orders/web/OrderExportJob.java:16',
    );
    expect(await ftp.locator('.line.hit').first().textContent()).toContain('ftp://finance-gw.acme.corp/incoming');
    expect(await ftp.locator('pre.code .line').count()).toBe(5);
    // A secret's line shows its key only.
    const password = section.locator('article', { hasText: 'Secret in a configuration file' });
    expect(await password.textContent()).toContain('reporting.db.password **** (value hidden)');
    expect(await password.textContent()).not.toContain('Winter2014!');
    await page.screenshot({ path: path.join(IMAGES, 'report-application.png') });
    await page.goBack();
    await expect.poll(() => page.locator('#page-applications').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters and sorts the application table', async () => {
    const { page } = await open(demoFile, '#/applications');
    const table = page.locator('#page-applications');
    const names = () => table.locator('tbody tr td:first-child').allTextContents();
    // Lowest score first by default: the applications most in need of attention.
    expect((await names())[0]).toBe('card-authorisation');
    await table.getByRole('button', { name: 'Score' }).click();
    expect((await names())[0]).toBe('catalog-service');
    expect(await table.locator('th', { hasText: 'Score' }).getAttribute('aria-sort')).toBe('descending');
    await table.getByRole('combobox', { name: 'Strategy' }).selectOption('retain');
    expect((await names()).sort()).toEqual(['card-authorisation', 'risk-batch']);
    expect(await table.getByTestId('shown-count').textContent()).toBe('2 of 9 applications');
    await table.getByRole('combobox', { name: 'Strategy' }).selectOption('');
    await table.getByRole('searchbox', { name: 'Filter applications' }).fill('cobol');
    expect(await names()).toEqual(['card-authorisation']);
    // Languages by their names, as in the terminal; the filter finds C# by either.
    for (const query of ['C#', 'csharp']) {
      await table.getByRole('searchbox', { name: 'Filter applications' }).fill(query);
      expect(await names(), query).toEqual(['Billing']);
      expect(await table.locator('tbody tr td:last-child').first().textContent()).toContain('C#');
    }
    await table.getByRole('searchbox', { name: 'Filter applications' }).fill('no such thing');
    expect(await table.locator('tbody').textContent()).toBe('No application matches these filters.');
    await page.close();
  });

  it('saves the applications, their findings and the servers as CSV files and one workbook, made in the page', async () => {
    const { page, problems, requests } = await open(demoFile, '#/applications');
    const saved = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      return { name: download.suggestedFilename(), text: await fs.readFile((await download.path())!, 'utf8') };
    };
    const applications = await saved('Download applications (CSV)');
    expect(applications.name).toBe('demo-portfolio-applications.csv');
    // A byte-order mark for spreadsheets, a header, one row per application.
    expect(applications.text.startsWith('\ufeffid,name,path,kind,score,strategy,runner_up,blockers')).toBe(true);
    const rows = applications.text.trim().split('\n');
    expect(rows).toHaveLength(10);
    expect(rows.find((row) => row.startsWith('billing-service,'))).toMatch(
      /^billing-service,Billing,billing-service,service,35,refactor,replatform,0,14,9,/,
    );
    const findings = await saved('Download findings (CSV)');
    expect(findings.name).toBe('demo-portfolio-findings.csv');
    expect(findings.text.trim().split('\n')).toHaveLength(1 + 110);
    expect(findings.text).toContain(
      'card-authorisation,card-authorisation,blocker,mainframe,mainframe/exec-cics,CICS command-level API,',
    );
    // One workbook of three sheets, numbers as numbers.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download workbook (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('demo-portfolio-assessment.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fs.readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([
      ['Applications', 10],
      ['Findings', 111],
      ['Servers', 11],
    ]);
    const sheet = workbook.getWorksheet('Applications')!;
    const billing = sheet.getRows(2, 9)!.find((row) => row.getCell(1).value === 'billing-service')!;
    expect([billing.getCell(2).value, billing.getCell(5).value, billing.getCell(6).value]).toEqual([
      'Billing',
      35,
      'refactor',
    ]);
    await page.evaluate(() => (location.hash = '#/servers'));
    const servers = await saved('Download servers (CSV)');
    expect(servers.text.trim().split('\n')).toHaveLength(1 + 10);
    expect(servers.text).toMatch(/\nwin-sql01,[^\n]*Windows Server 2012/);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the servers per cloud, worst first, filtered by cloud, verdict and text', async () => {
    const { page, problems } = await open(demoFile, '#/servers');
    const servers = page.locator('#page-servers');
    await fs.mkdir(IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(IMAGES, 'report-servers.png') });
    const ids = () =>
      servers
        .locator('table.servers tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-server')));
    expect((await ids()).slice(0, 3)).toEqual(['aix-app01', 'aix-db01', 'zos-prd1']);
    await servers.getByRole('combobox', { name: 'Verdict' }).selectOption('ready');
    expect(await ids()).toEqual(['lnx-app02', 'lnx-fraud01', 'riskhpc01']);
    await servers.getByRole('combobox', { name: 'Cloud' }).selectOption('azure');
    await servers.getByRole('combobox', { name: 'Verdict' }).selectOption('not-ready');
    expect(await ids()).toEqual(['zos-prd1']);
    await servers.getByRole('combobox', { name: 'Verdict' }).selectOption('');
    await servers.getByRole('searchbox', { name: 'Find' }).fill('windows server 2012');
    expect(await ids()).toEqual(['win-sql01']);
    expect(await servers.getByTestId('servers-shown').textContent()).toBe('1 of 1 matching, 10 servers');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the dependency graph, focuses on a node found by search, and colours by strategy', async () => {
    const { page, problems } = await open(demoFile, '#/graph');
    const canvas = page.getByTestId('graph-canvas');
    await expect.poll(() => canvas.locator('canvas').count()).toBeGreaterThan(0);
    await page.getByLabel('Find a node in the graph').fill('order-management');
    await page.getByLabel('Find a node in the graph').press('Enter');
    await expect.poll(() => canvas.getAttribute('data-focused')).toBe('app:order-management');
    expect(page.url()).toMatch(/#\/graph\/app%3Aorder-management$/);
    const details = page.locator('.graph-details');
    expect(await details.locator('h3').textContent()).toBe('order-management');
    // Kinds in plain words, in the legend and the filters: a web service, not an http-service.
    expect(await page.locator('.legend').textContent()).toContain('web service (HTTP)');
    expect(await page.locator('.legend').textContent()).not.toContain('http-service');
    expect(await page.locator('.kind-filters').textContent()).toContain('machine no inventory describes');
    expect(await details.locator('.neighbours li').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('card-authorisation'),
        expect.stringContaining('whdb01.acme.corp:1521/WHPROD'),
      ]),
    );
    // Following a neighbour moves the focus.
    await details.getByRole('link', { name: 'card-authorisation' }).click();
    await expect.poll(() => canvas.getAttribute('data-focused')).toBe('app:card-authorisation');
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('strategy');
    expect(await page.locator('.legend').textContent()).toContain('retain');
    await page.getByRole('button', { name: 'Clear focus' }).click();
    await expect.poll(() => canvas.getAttribute('data-focused')).toBe(null);
    await page.getByLabel('Find a node in the graph').fill('zz-nothing');
    await page.getByLabel('Find a node in the graph').press('Enter');
    expect(await page.getByTestId('graph-message').textContent()).toContain('Nothing in the graph matches');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows hostile file names and code as text: nothing in them runs', async () => {
    const { page, problems, dialogs, requests } = await open(hostileFile, '#/applications');
    await page.locator('#page-applications tbody a').first().click();
    const section = page.locator('section.app-page:not([hidden])');
    // Named as its package.json says: markup, shown as text.
    await expect.poll(() => section.locator('h1').textContent()).toBe('<img src=x onerror="window.__pwned=2">');
    expect(await section.locator('.app-head .muted').textContent()).toBe('shop<script>window.__pwned=1</script>');
    expect(await section.textContent()).toContain('// <!-- </script><script>window.__pwned=4</script> -->');
    expect(await section.textContent()).not.toContain(HOSTILE_SECRET);
    for (const route of ['overview', 'graph', 'waves', 'splits', 'notes']) {
      await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
      await page.waitForTimeout(50);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], svg[onload], script:not([id]):not(:last-of-type)').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints the whole report: every section and application on its own pages, the graph as a picture', async () => {
    const { page } = await open(demoFile);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('section.app-page:empty').count()).toBe(0);
    expect(await page.locator('section.app-page').count()).toBe(9);
    expect(await page.locator('img.graph-print').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // In print, every section shows and starts a page; the navigation does not print.
    expect(
      await page
        .locator('section.page')
        .evaluateAll((sections) => sections.filter((section) => getComputedStyle(section).display === 'none').length),
    ).toBe(0);
    expect(
      await page
        .locator('section.page')
        .nth(1)
        .evaluate((section) => getComputedStyle(section).breakBefore),
    ).toBe('page');
    expect(await page.locator('nav.sidebar').evaluate((nav) => getComputedStyle(nav).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(15);
    await page.close();
  });
});
