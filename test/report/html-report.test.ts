import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreSteps } from '../../src/assess/score-steps.js';
import { buildReportData } from '../../src/report/html/build-report-data.js';
import { htmlReport, jsonForScript } from '../../src/report/html/html-report.js';
import type { ReportData } from '../../src/report/html/report-data.js';
import { firstSentence } from '../../src/report/html/top-risks.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan } from '../../src/scan.js';
import { HOSTILE_SECRET, HOSTILE_TREE, replicate } from '../helpers/report-fixtures.js';
import { makeTree } from '../helpers/temp-tree.js';

const DEMO = path.resolve(import.meta.dirname, '../../fixtures/demo-portfolio');
const MONOLITH = path.resolve(import.meta.dirname, '../../fixtures/monolith-shop');
const now = () => new Date('2026-01-01T00:00:00Z');
/** The size docs/report.md promises for a 500-application portfolio. */
const BUDGET_500_APPS = 8 * 1024 * 1024;

let demo: ScanResult;
let html: string;
beforeAll(async () => {
  demo = await scan({ paths: [DEMO], cwd: process.cwd(), now });
  html = htmlReport(demo, { color: false });
});

/** The inline scripts of a page, as the browser would split them. */
const scripts = (page: string) =>
  [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({
    attributes: match[1]!,
    body: match[2]!,
  }));
const noscript = (page: string) => /<noscript>[\s\S]*<\/noscript>/.exec(page)?.[0] ?? '';
const dataOf = (page: string) =>
  JSON.parse(scripts(page).find((script) => script.attributes.includes('application/json'))!.body) as ReportData;

describe('HTML report: one self-contained file', () => {
  it('inlines its styles, script and data, and refers to nothing outside itself', () => {
    expect(html.slice(0, 15)).toBe('<!doctype html>');
    // Booleans, not the page: a failure must not print a megabyte.
    expect(/<link\b/i.test(html)).toBe(false);
    expect(/<script[^>]+\bsrc=/i.test(html)).toBe(false);
    expect(/\b(src|href)=["']?(https?:)?\/\//i.test(html)).toBe(false);
    expect(/@import|url\(\s*["']?https?:/i.test(html)).toBe(false);
    expect(scripts(html).map((script) => script.attributes.trim())).toEqual([
      'type="application/json" id="cloudready-data"',
      '',
    ]);
  });

  it('forbids every connection, and allows only its own script by hash', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    const script = scripts(html).at(-1)!.body;
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(policy).not.toContain("unsafe-inline'; script");
  });

  it('bundles Chart.js and Cytoscape.js with their licence notices', () => {
    const script = scripts(html).at(-1)!.body;
    expect(script).toContain('Chart.js');
    expect(script).toContain('Cytoscape.js');
    expect(script).toMatch(/MIT/);
  });

  it('carries the whole result a reader needs, and a plain table for viewers without scripts', () => {
    const data = dataOf(html);
    expect(data.applications.map((app) => app.id)).toEqual(demo.applications.map((app) => app.id));
    expect(data.findings).toHaveLength(demo.findings.length);
    expect(data.waves).toEqual(demo.waves);
    expect(noscript(html)).toContain('<td>order-management</td><td>33</td><td>refactor</td>');
  });

  it('renders a saved result the same as a fresh one: the report depends on the result only', () => {
    expect(htmlReport(structuredClone(demo), { color: false }) === html).toBe(true);
  });
});

describe('HTML report data', () => {
  it('keeps the code out of the portfolio graph, and lifts what code touches to its application', () => {
    const data = buildReportData(demo);
    expect(data.graph.nodes.some((node) => node.kind === 'unit' || node.kind === 'module')).toBe(false);
    const edges = new Set(data.graph.edges.map((edge) => `${edge.source} ${edge.kind} ${edge.target}`));
    // CAUTH01 (a unit) writes the card limits table: the application does, in the portfolio view.
    expect(edges).toContain('app:card-authorisation writes table:card-authorisation:CARDDB.CARD_LIMIT');
    expect(edges).toContain('app:order-management depends-on app:card-authorisation');
    for (const edge of data.graph.edges) expect(edge.kind).not.toBe('contains');
  });

  it('names the scanned folders, never the path on the machine that scanned them', () => {
    const data = buildReportData({
      ...demo,
      roots: ['/home/consultant/clients/acme/repos', 'C:\\Users\\me\\estate\\'],
    });
    expect(data.roots).toEqual(['repos', 'estate']);
    expect(data.title).toBe('Cloud readiness: repos, estate');
  });

  it('names languages as the terminal table does (C#, not csharp)', () => {
    const data = buildReportData(demo);
    expect(data.languageNames.csharp).toBe('C#');
    expect(data.languageNames.java).toBe('Java');
    expect(Object.keys(data.languageNames).sort()).toEqual(
      [...new Set(demo.applications.flatMap((app) => Object.keys(app.languages)))].sort(),
    );
  });

  it('shows code context for the first places of a finding only, to keep the file small', () => {
    const data = buildReportData(demo);
    for (const finding of data.findings) {
      finding.evidence.forEach((item, at) => {
        if (at >= data.contextPlaces) expect(item.context).toBeUndefined();
      });
    }
    expect(data.findings.some((finding) => finding.evidence[0]?.context)).toBe(true);
  });

  it('gives the page what it needs to walk every score from 100 to the number shown', () => {
    const data = buildReportData(demo);
    for (const app of data.applications) {
      const findings = data.findings.filter((finding) => finding.applicationId === app.id);
      const walk = scoreSteps(findings, data.scoringModel);
      expect(walk.capped ?? walk.rounded).toBe(app.score);
      expect(walk.steps).toHaveLength(findings.length);
    }
  });

  it('states what a rule says once, in the rules, and lists the first places of a finding', () => {
    const data = buildReportData(demo);
    const rules = new Map(data.rules.map((rule) => [rule.id, rule]));
    for (const finding of data.findings) {
      expect(finding.title ?? rules.get(finding.ruleId)?.title).toBeTruthy();
      expect(finding.remediation ?? rules.get(finding.ruleId)?.remediation).toBeTruthy();
      expect(finding.evidence.length).toBeLessThanOrEqual(data.maxPlaces);
    }
  });

  it('names the top risks in plain language: blockers first, then what ties applications together', () => {
    const { risks } = buildReportData(demo);
    expect(risks[0]?.severity).toBe('blocker');
    expect(risks.map((risk) => risk.text)).toEqual(
      expect.arrayContaining([
        'CICS command-level API blocks 1 application (card-authorisation). Keep the transaction on the mainframe for now, or plan a rehost onto a CICS-compatible runtime (e.g. a mainframe rehosting platform) or a rewrite of each transaction as a service.',
        'card-authorisation and order-management depend on each other in a circle: they move in one wave, or the cycle is broken first.',
        'whdb01.acme.corp:1521/WHPROD is shared by order-management and risk-batch: they move together or its data is split.',
      ]),
    );
    const severities = risks.map((risk) => ['blocker', 'major', 'minor'].indexOf(risk.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    // Blockers do not fill the list: the circle and the shared warehouse above are shown beside them.
    expect(risks.length).toBeLessThanOrEqual(10);
    expect(risks.filter((risk) => risk.severity !== 'blocker').length).toBeGreaterThanOrEqual(2);
  });

  it('leaves room for the other risks when blocking rules are many, and says how many more block', () => {
    const blocker = (n: number) => ({
      ...demo.findings.find((finding) => finding.severity === 'blocker')!,
      ruleId: `test/blocker-${n}`,
      id: `test/blocker-${n}@x`,
      title: `Blocker ${n}`,
    });
    const many = {
      ...demo,
      findings: [
        ...demo.findings.filter((finding) => finding.severity !== 'blocker'),
        ...Array.from({ length: 12 }, (_, n) => blocker(n)),
      ],
    };
    const { risks } = buildReportData(many);
    const named = risks.filter((risk) => /^Blocker \d+/.test(risk.text));
    const others = risks.filter((risk) => risk.severity !== 'blocker');
    expect(risks).toHaveLength(10);
    expect(others.length).toBeGreaterThanOrEqual(2);
    expect(named.length).toBeGreaterThanOrEqual(5);
    expect(named.length + 1 + others.length).toBe(10);
    expect(risks[named.length]!.text).toBe(
      `${12 - named.length} more blocking rules: each application's page lists its blockers.`,
    );
  });

  it('cuts a remediation at its first full stop, not inside brackets or after e.g.', () => {
    expect(firstSentence('Keep it (e.g. on a mainframe). Then move.')).toBe('Keep it (e.g. on a mainframe).');
    expect(firstSentence('Use a managed service, e.g. RDS. Later, more.')).toBe('Use a managed service, e.g. RDS.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
  });

  it('proposes a split for an application with enough code, and says why not for the others', async () => {
    const monolith = await scan({ paths: [MONOLITH], cwd: process.cwd(), now });
    const [split] = buildReportData(monolith).splits;
    expect(split && 'proposal' in split && split.proposal.services.length).toBeGreaterThan(1);
    const reasons = buildReportData(demo).splits.flatMap((candidate) =>
      'reason' in candidate ? [candidate.reason] : [],
    );
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/code structure|too little to cut/);
  });
});

describe('HTML report: scanned strings stay text', () => {
  let hostile: string;
  beforeAll(async () => {
    const root = await makeTree(HOSTILE_TREE);
    hostile = htmlReport(await scan({ paths: [root], cwd: root, now }), { color: false });
  });

  it('never lets a scanned string close the data script or open a tag', () => {
    // Exactly the two scripts the report writes: none was opened by a file name or a line of code.
    expect(scripts(hostile)).toHaveLength(2);
    expect(hostile.includes('window.__pwned=1</script>')).toBe(false);
    expect(/<img src=x/i.test(hostile)).toBe(false);
    expect(/<svg onload/i.test(hostile)).toBe(false);
    const data = dataOf(hostile);
    expect(data.applications[0]?.path).toBe('shop<script>window.__pwned=1</script>');
    expect(JSON.stringify(data.findings)).toContain('<!-- </script><script>window.__pwned=4</script> -->');
  });

  it('never carries a secret value found in a scanned file', () => {
    expect(hostile.includes(HOSTILE_SECRET)).toBe(false);
    expect(JSON.stringify(dataOf(hostile))).toContain('db.password **** (value hidden)');
  });

  it('escapes what it writes as markup, and JSON for a script element has no "<" at all', () => {
    expect(jsonForScript({ text: '</script><!-- & \u2028' })).toBe(
      '{"text":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}',
    );
    // The application is named as its package.json says, markup here: markup characters are escaped.
    expect(noscript(hostile)).toContain('<td>&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;</td>');
  });
});

describe('HTML report size', () => {
  it(`stays under ${BUDGET_500_APPS / 1024 / 1024} MB for a portfolio of 500 applications`, () => {
    const large = replicate(demo, Math.ceil(500 / demo.applications.length));
    expect(large.applications.length).toBeGreaterThanOrEqual(500);
    const page = htmlReport(large, { color: false });
    expect(Buffer.byteLength(page)).toBeLessThan(BUDGET_500_APPS);
    expect(dataOf(page).applications).toHaveLength(large.applications.length);
  });
});

describe('HTML report: the cover', () => {
  it('takes its title, client, author and classification from the options, trimmed, and leaves out empty ones', () => {
    const data = buildReportData(demo, {
      title: '  Cloud readiness review ',
      client: 'Acme Ltd',
      author: ' ',
      classification: 'Confidential',
    });
    expect(data.title).toBe('Cloud readiness review');
    expect(data.document).toEqual({ client: 'Acme Ltd', classification: 'Confidential' });
    expect(buildReportData(demo).document).toEqual({});
    expect(buildReportData(demo).title).toBe('Cloud readiness: demo-portfolio');
  });

  it('escapes a cover line like any other string: markup in a client name stays text', () => {
    const page = htmlReport(demo, { color: false, document: { client: '</script><script>alert(1)</script>' } });
    expect(dataOf(page).document.client).toBe('</script><script>alert(1)</script>');
    expect(page).not.toContain('<script>alert(1)');
  });
});
