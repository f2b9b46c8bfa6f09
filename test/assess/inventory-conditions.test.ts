import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/assess/rules/evaluate-condition.js';
import { MatcherCache } from '../../src/assess/rules/matcher-cache.js';
import type { Condition } from '../../src/assess/rules/rule-schema.js';
import type { ApplicationFacts } from '../../src/extract/application-facts.js';
import { inventoryContext } from '../../src/model/inventory-context.js';
import { loadInventory } from '../../src/extract/inventory/load-inventory.js';
import { buildEstate } from '../../src/model/estate.js';

const INVENTORY = `version: 1
hosts:
  - id: sun01
    platform: Solaris
    os: { name: Solaris, version: "10" }
    cpu: { cores: 96 }
    software:
      - { name: Oracle Database, licence: { model: per-core, byol: true } }
      - { name: FlexLM tool, licence: { model: node-locked } }
  - id: lnx01
    platform: Linux
  - id: aix01
    platform: AIX
applications:
  - id: billing
    hosts: [sun01]
    sla: { availability: 99.95, rtoMinutes: 10, criticality: business-critical }
  - id: portal
    hosts: [lnx01]
connections:
  - { source: lnx01, target: aix01, port: 1521, latencySensitive: true }
  - { source: lnx01, target: 10.9.9.9, port: 443, observations: 150 }
  - { source: aix01, target: lnx01, port: 8080, volume: low }
`;

function facts(withInventory = true, id = 'billing'): ApplicationFacts {
  const loaded = loadInventory(INVENTORY, 'inventory/estate.yaml', []);
  const estate = buildEstate(loaded ? [loaded] : [], []);
  return {
    app: { id },
    ...(withInventory ? { inventory: inventoryContext({ id, name: id }, [], estate) } : {}),
  } as ApplicationFacts;
}
const run = (condition: Condition, withInventory = true, id = 'billing') =>
  evaluateCondition(condition, facts(withInventory, id), new MatcherCache());

describe('inventory conditions', () => {
  it('host: platform, OS pattern and size thresholds, with the host entry as evidence', () => {
    expect(run({ host: { platform: ['Solaris'], os: 'Solaris 10' } })).toEqual({
      matched: true,
      evidence: [{ file: 'inventory/estate.yaml', line: 3, snippet: 'host sun01: Solaris (Solaris 10), 96 cores' }],
    });
    expect(run({ host: { coresAbove: 96 } }).matched).toBe(false);
    expect(run({ host: { platform: ['Linux'] } }).matched).toBe(false);
  });

  it('licence: model, BYOL eligibility and software name', () => {
    expect(run({ licence: { model: ['node-locked'] } }).evidence.map((e) => e.snippet)).toEqual([
      'host sun01: FlexLM tool, licence node-locked',
    ]);
    expect(run({ licence: { model: ['per-core'], byol: false } }).matched).toBe(false);
    expect(run({ licence: { software: '^Oracle' } }).matched).toBe(true);
  });

  it('sla: thresholds and criticality, all of which must hold', () => {
    expect(run({ sla: { rtoMinutesAtMost: 15 } }).evidence).toEqual([
      { file: 'inventory/estate.yaml', line: 15, snippet: 'SLA: availability 99.95 %, RTO 10 min' },
    ]);
    expect(run({ sla: { availabilityAtLeast: 99.99 } }).matched).toBe(false);
    expect(run({ sla: { rpoMinutesAtMost: 5 } }).matched).toBe(false);
    expect(run({ sla: { criticality: ['business-critical'], rtoMinutesAtMost: 15 } }).matched).toBe(true);
  });

  it('an application no inventory describes matches no inventory condition', () => {
    expect(run({ host: {} }, false)).toEqual({ matched: false, evidence: [] });
    expect(run({ not: { sla: { availabilityAtLeast: 0 } } }, false).matched).toBe(true);
  });

  it('connection: a chatty link to a platform that stays on premises, and traffic to machines no inventory describes', () => {
    expect(run({ connection: { peer: 'stays-on-premises', chatty: true } }, true, 'portal').evidence).toEqual([
      { file: 'inventory/estate.yaml', line: 21, snippet: 'connection lnx01 → aix01 (AIX):1521 (latency-sensitive)' },
    ]);
    // The volume of an unlabelled connection comes from how often it was seen.
    expect(
      run({ connection: { peer: 'unknown', volume: ['high'] } }, true, 'portal').evidence.map((e) => e.snippet),
    ).toEqual(['connection lnx01 → 10.9.9.9 (described by no inventory):443 (high volume, seen 150×)']);
    expect(run({ connection: { direction: 'inbound' } }, true, 'portal').evidence.map((e) => e.snippet)).toEqual([
      'connection aix01 (AIX) → lnx01:8080 (low volume)',
    ]);
    expect(run({ connection: { peer: 'unknown', port: [22] } }, true, 'portal').matched).toBe(false);
    expect(run({ connection: {} }).matched).toBe(false);
  });
});
