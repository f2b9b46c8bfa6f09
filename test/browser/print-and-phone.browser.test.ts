import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaselineDocument } from '../../src/assess/baseline.js';
import { withSchedule } from '../../src/cli/roadmap-options.js';
import { htmlReport } from '../../src/report/html/html-report.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan } from '../../src/scan.js';
import { launchChromium, requireChromium } from '../helpers/browser.js';
import { pdfPages, pdfSheet } from '../helpers/pdf-text.js';
import { DEMO, REPO } from '../helpers/run-cli.js';

const now = () => new Date('2026-01-01T00:00:00Z');
const COVER = {
  title: 'Cloud readiness review',
  client: 'Acme Ltd',
  author: 'Jo Consultant',
  classification: 'Confidential: Acme Ltd only',
};
const FOOTER_LEFT = 'Cloud readiness review · Acme Ltd · Confidential: Acme Ltd only';
// The README's pictures are refreshed on request only (CLOUDREADY_UPDATE_IMAGES=1 npm test).
const IMAGES =
  process.env.CLOUDREADY_UPDATE_IMAGES === '1'
    ? path.join(REPO, 'docs/images')
    : path.join(os.tmpdir(), 'cloudready-test-images');

describe.runIf(requireChromium())('HTML report in print and on a phone', () => {
  let browser: Browser;
  let folder: string;
  let file: string;
  let result: ScanResult;

  beforeAll(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudready-print-'));
    file = path.join(folder, 'demo.html');
    result = withSchedule(await scan({ paths: [path.relative(REPO, DEMO)], cwd: REPO, now }), {
      start: '2027-01-04',
      capacity: 4,
    });
    await fs.writeFile(file, htmlReport(result, { color: false, document: COVER }));
    await fs.mkdir(IMAGES, { recursive: true });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  async function open(viewport = { width: 1400, height: 900 }, hash = ''): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(pathToFileURL(file).href + hash);
    await page.waitForSelector('body[data-ready]');
    return { page, problems };
  }

  /** What the print buttons do, without the dialogue: the mode, then the beforeprint work, then the PDF. */
  async function print(page: Page, mode: 'full' | 'executive'): Promise<{ pdf: Buffer; pages: string[] }> {
    await page.emulateMedia({ media: 'print' });
    await page.evaluate((chosen) => {
      document.body.dataset.print = chosen;
      window.dispatchEvent(new Event('beforeprint'));
    }, mode);
    const pdf = await page.pdf({ format: 'A4' });
    return { pdf, pages: await pdfPages(new Uint8Array(pdf)) };
  }

  /** A page's text without its footer: what the page itself starts with. */
  const body = (text: string, number: number, total: number) =>
    text.replace(`Page ${number} of ${total}`, '').replace(FOOTER_LEFT, '').trim();

  it('prints the full report in under 30 pages: a cover with contents, numbered pages, each application on a page of its own', async () => {
    const { page, problems } = await open();
    const { pdf, pages } = await print(page, 'full');
    if (process.env.CLOUDREADY_UPDATE_IMAGES === '1')
      await fs.writeFile(path.join(IMAGES, 'report-print.png'), await pdfSheet(new Uint8Array(pdf), 4, 0.45));
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.length).toBeLessThan(30);

    // The cover: title, client, author, confidentiality and contents; no footer on it.
    expect(pages[0]).toContain('Cloud readiness review');
    expect(pages[0]).toContain('Prepared for Acme Ltd');
    expect(pages[0]).toContain('Prepared by Jo Consultant');
    expect(pages[0]).toContain('CONFIDENTIAL: ACME LTD ONLY');
    expect(pages[0]).toContain('763 lines of code in 94 files');
    expect(pages[0]).toMatch(
      /Contents.*Overview.*Applications \(9\).*Dependency graph.*Migration waves.*Servers.*Service splits.*Scan notes.*Application details.*Billing.*What to do, rule by rule/,
    );
    expect(pages[0]).not.toContain('Page 1 of');
    // Every other page: "Page n of m" and the title, client and classification.
    pages.slice(1).forEach((text, at) => {
      expect(text).toContain(`Page ${at + 2} of ${pages.length}`);
      expect(text).toContain(FOOTER_LEFT);
    });

    // Each application starts a page with its name; none starts mid-page.
    for (const app of result.applications) {
      const starts = pages.filter((text, at) => body(text, at + 1, pages.length).startsWith(`${app.name} ${app.path}`));
      expect(starts, app.name).toHaveLength(1);
    }
    // The remediations are said once, at the end.
    expect(pages.at(-1)).toMatch(/What to do:/);
    expect(pages.filter((text) => text.includes('What to do, rule by rule')).length).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints every chart as a picture with something drawn on it', async () => {
    const { page } = await open();
    await print(page, 'full');
    const charts = await page.locator('img.chart-print').evaluateAll((pictures) =>
      (pictures as HTMLImageElement[]).map((picture) => {
        const canvas = document.createElement('canvas');
        canvas.width = picture.naturalWidth;
        canvas.height = picture.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(picture, 0, 0);
        const pixels =
          canvas.width && canvas.height
            ? context.getImageData(0, 0, canvas.width, canvas.height).data
            : new Uint8ClampedArray();
        let inked = 0;
        for (let at = 0; at < pixels.length; at += 4)
          if (pixels[at + 3]! > 0 && pixels[at]! + pixels[at + 1]! + pixels[at + 2]! < 600) inked++;
        return {
          alt: picture.alt.split(':')[0],
          shown: getComputedStyle(picture).display !== 'none',
          width: picture.naturalWidth,
          inked: inked / Math.max(1, pixels.length / 4),
        };
      }),
    );
    expect(charts.map((chart) => chart.alt)).toEqual([
      'Readiness scores',
      'Strategies',
      'Blockers by category',
      'Effort by wave',
    ]);
    for (const chart of charts) {
      expect(chart.shown, chart.alt).toBe(true);
      expect(chart.width, chart.alt).toBeGreaterThan(500);
      // Bars, arcs, axes and labels: a blank picture has none.
      expect(chart.inked, chart.alt).toBeGreaterThan(0.01);
    }
    // The live canvases do not print: they have no size on a page that was never shown.
    expect(
      await page
        .locator('.chart-canvas')
        .evaluateAll((boxes) => boxes.every((box) => getComputedStyle(box).display === 'none')),
    ).toBe(true);
    // Score by dimension is HTML, not a canvas: it prints on every application page.
    expect(await page.locator('section.app-page dd.print-only').count()).toBe(result.applications.length);
    await page.close();
  });

  it('prints an executive summary in under 8 pages: cover, key messages, portfolio, roadmap and waves, no application details', async () => {
    const { page } = await open();
    const { pdf, pages } = await print(page, 'executive');
    if (process.env.CLOUDREADY_UPDATE_IMAGES === '1')
      await fs.writeFile(path.join(IMAGES, 'report-executive-print.png'), await pdfSheet(new Uint8Array(pdf), 4, 0.45));
    expect(pages.length).toBeLessThan(8);
    const text = pages.join('\n');
    expect(pages[0]).toMatch(
      /Contents of this summary.*Overview.*Applications \(9\).*Migration waves.*Servers: readiness and cost per cloud/,
    );
    expect(pages[0]).not.toContain('Dependency graph');
    expect(text).toContain('Key messages');
    expect(text).toContain('Roadmap: 4 Jan 2027 to 2 Apr 2027 with 4 people');
    expect(text).toContain('Business value and readiness');
    expect(text).not.toContain('What to do, rule by rule');
    expect(text).not.toContain('Scan notes');
    // Application pages are not even drawn for it.
    expect(await page.locator('section.app-page:not(:empty)').count()).toBe(0);
    await page.close();
  });

  it('fits a 390 px phone: no section scrolls sideways, table rows become labelled cards', async () => {
    const { page, problems } = await open({ width: 390, height: 844 });
    const routes = [
      'overview',
      'applications',
      'graph',
      'waves',
      'servers',
      'splits',
      'notes',
      ...result.applications.map((app) => `app/${app.id}`),
    ];
    const wide: string[] = [];
    for (const route of routes) {
      await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
      await page.waitForFunction(
        (id) => !document.querySelector(`section.page[id="page-${id}"]`)?.hasAttribute('hidden'),
        route.replace('/', '-'),
      );
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      if (width > 390) wide.push(`${route}: ${width}px`);
    }
    expect(wide).toEqual([]);
    await page.evaluate(() => (location.hash = '#/applications'));
    const cell = page.locator('#page-applications tbody tr').first().locator('td').nth(1);
    expect(await cell.getAttribute('data-label')).toBe('Score');
    expect(await cell.evaluate((element) => getComputedStyle(element).display)).toBe('block');
    // Filtering draws new rows: they are labelled too.
    await page.locator('#page-applications input[type=search]').fill('java');
    await expect
      .poll(() => page.locator('#page-applications tbody tr td[data-label="Strategy"]').count())
      .toBeGreaterThan(0);
    await page.evaluate(() => (location.hash = '#/overview'));
    await page.screenshot({ path: path.join(IMAGES, 'report-phone.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the trend since a baseline on the overview: readiness, blockers and majors then and now, the scores that moved', async () => {
    // The baseline: Billing scored 20, and the storefront's seven majors were not there yet.
    const baseline = BaselineDocument.parse({
      ...result,
      scannedAt: '2026-06-01T00:00:00.000Z',
      applications: result.applications.map((app) => (app.id === 'billing-service' ? { ...app, score: 20 } : app)),
      findings: result.findings.filter(
        (finding) => !(finding.applicationId === 'web-storefront' && finding.severity === 'major'),
      ),
    });
    const trendFile = path.join(folder, 'trend.html');
    await fs.writeFile(
      trendFile,
      htmlReport(await scan({ paths: [path.relative(REPO, DEMO)], cwd: REPO, now, baseline }), { color: false }),
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(pathToFileURL(trendFile).href);
    await page.waitForSelector('body[data-ready]');
    const trend = page.locator('#page-overview figure.trend');
    expect(await trend.locator('figcaption').textContent()).toBe('Since the baseline of 1 June 2026 at 00:00 UTC');
    expect(await trend.locator('li').allTextContents()).toEqual([
      'Average readiness of the 9 applications in both scans: 57 → 58 (+1).',
      `Blocker findings 5 → 5, major ${result.summary.findings.major - 7} → ${result.summary.findings.major}.`,
      '7 new findings, 0 findings with new places, 0 findings fixed.',
    ]);
    expect(await trend.locator('tbody tr').allInnerTexts()).toEqual(['Billing\t20\t35\t+15']);
    await page.close();
  });

  it('draws the roadmap and the value-readiness quadrant on the overview', async () => {
    const { page } = await open();
    const roadmap = page.locator('#page-overview figure.roadmap');
    expect(await roadmap.locator('.roadmap-bar').count()).toBe(2);
    expect(await roadmap.textContent()).toContain(
      '4 Jan 2027 → 13 Jan 2027 · 8 working days · 3 applications, 29 person-days',
    );
    const box = (title: string) => page.locator('.quadrant-box', { hasText: title }).locator('.chip');
    // Criticality from the demo's inventory: mission- and business-critical are the valuable row.
    expect(await box('Plan and invest').allTextContents()).toEqual([
      'Billing · 35',
      'order-management · 33',
      'card-authorisation · 7',
    ]);
    expect(await box('Move with care').allTextContents()).toEqual(['catalog-service · 100', 'web-storefront · 61']);
    expect(await box('Question the move').allTextContents()).toEqual(['risk-batch · 15']);
    expect(await page.locator('.quadrant-figure').textContent()).toContain('Criticality not known for 3 applications');
    expect(await page.locator('.key-messages li').count()).toBe(5);
    // The application page says what the business says of it.
    await page.evaluate(() => (location.hash = '#/app/billing-service'));
    await expect
      .poll(() => page.locator('#page-app-billing-service dl.facts').textContent())
      .toContain('Businessbusiness-critical');
    await page.screenshot({ path: path.join(IMAGES, 'report-overview.png'), fullPage: true });
    await page.close();
  });
});
