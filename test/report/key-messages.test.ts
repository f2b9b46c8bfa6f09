import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyMessages } from '../../src/report/html/key-messages.js';
import { topRisks } from '../../src/report/html/top-risks.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan } from '../../src/scan.js';

const DEMO = path.resolve(import.meta.dirname, '../../fixtures/demo-portfolio');
const now = () => new Date('2026-01-01T00:00:00Z');

let demo: ScanResult;
beforeAll(async () => {
  demo = await scan({ paths: [DEMO], cwd: process.cwd(), now });
});

describe('key messages: what a steering committee reads first', () => {
  it('says in five sentences what can move, what blocks, what the move takes, what ties and what the servers cost', () => {
    expect(keyMessages(demo)).toEqual([
      'Of 9 applications, 3 can move as they are (rehost), 2 need platform changes first (replatform), 2 need changes to their code (refactor) and 2 stay where they are for now (retain).',
      '2 applications cannot move until their blockers are resolved: card-authorisation (CICS command-level API, VSAM datasets and 1 more) and risk-batch (node-locked or dongle licence on the host and node-locked or floating licence server).',
      'Moving 7 applications takes about 257 person-days in 2 waves; the pilot, wave 1, moves fraud-scoring, rules-engine and partner-portal (29 person-days) to prove the landing zone and the runbook. 2 applications stay.',
      '1 circle of applications that depend on each other and 1 datastore shared between applications decide which applications move together; 6 endpoints that no scanned application or inventory describes need owners before the plan is final.',
      'Of 10 servers, 3 can be rehosted on Azure as they are and 6 with conditions. The 7 servers that could be sized cost about $9,002 a month on Azure ($13,959 on Google Cloud), at list prices.',
    ]);
  });

  it('names applications as the portfolio table does, and says so when nothing blocks', () => {
    const unblocked: ScanResult = {
      ...demo,
      findings: demo.findings.filter((finding) => finding.severity !== 'blocker'),
      hosts: [],
      serverCosts: undefined,
    };
    const messages = keyMessages(unblocked);
    expect(messages).toHaveLength(4);
    expect(messages[1]).toBe('Nothing blocks any application from moving: what remains is work, not impossibility.');
    // fraud-scoring-rules-engine is named rules-engine by its manifest.
    expect(messages.join(' ')).not.toContain('fraud-scoring-rules-engine');
  });

  it('has one line for an empty scan', () => {
    expect(keyMessages({ ...demo, applications: [], hosts: [] })).toEqual([
      'No application and no server was found in the scanned folders.',
    ]);
  });

  it('top risks name applications by their display names too, and link them by id', () => {
    const billingRenamed: ScanResult = {
      ...demo,
      applications: demo.applications.map((app) =>
        app.id === 'order-management' ? { ...app, name: 'Order Management' } : app,
      ),
    };
    const cycle = topRisks(billingRenamed).find((risk) => risk.text.includes('depend on each other'))!;
    expect(cycle.text).toBe(
      'card-authorisation and Order Management depend on each other in a circle: they move in one wave, or the cycle is broken first.',
    );
    expect(cycle.applications).toEqual(['card-authorisation', 'order-management']);
  });
});
