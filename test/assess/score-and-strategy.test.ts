import { describe, expect, it } from 'vitest';
import { effortRange, scoreApplication } from '../../src/assess/score.js';
import { DEFAULT_SCORING, ScoringModel } from '../../src/assess/scoring-model.js';
import { chooseStrategy } from '../../src/assess/strategy.js';
import type { Finding, Severity, Strategy } from '../../src/result/schema.js';

function finding(
  severity: Severity,
  strategyHint?: Strategy,
  ruleId = `pack/${severity}-${strategyHint ?? 'none'}`,
  category = 'middleware',
  places = 1,
): Finding {
  return {
    id: `${ruleId}@app`,
    ruleId,
    applicationId: 'app',
    severity,
    category,
    title: ruleId,
    message: ruleId,
    effort: 3,
    ...(strategyHint ? { strategyHint } : {}),
    remediation: 'fix',
    evidence: [],
    evidenceCount: places,
    fingerprint: ruleId,
  };
}

describe('scoreApplication', () => {
  it('is 100 with nothing found, and info findings cost nothing', () => {
    expect(scoreApplication([])).toEqual({
      score: 100,
      counts: { blocker: 0, major: 0, minor: 0, info: 0 },
      dimensions: { code: 100, platform: 100, data: 100, operations: 100, delivery: 100 },
      effort: 0,
      effortRange: { low: 0, high: 0 },
    });
    expect(scoreApplication([finding('info')]).score).toBe(100);
  });

  it('each finding removes a share of what is left', () => {
    expect(scoreApplication([finding('major')]).score).toBe(94);
    expect(scoreApplication([finding('major'), finding('major'), finding('minor')]).score).toBe(
      Math.round(100 * 0.94 * 0.94 * 0.98),
    );
  });

  it('a blocker caps the score however clean the rest is, and effort adds up', () => {
    const result = scoreApplication([finding('blocker'), finding('minor')]);
    expect(result.score).toBe(DEFAULT_SCORING.blockerCap);
    expect(result.effort).toBe(6);
    expect(result.counts).toEqual({ blocker: 1, major: 0, minor: 1, info: 0 });
  });

  it('never drops below zero', () => {
    expect(scoreApplication(Array.from({ length: 200 }, () => finding('blocker'))).score).toBe(0);
  });
});

describe('dimensions, effort ranges and the configurable model', () => {
  it('scores each dimension over its own findings; unknown categories count as code', () => {
    const result = scoreApplication([
      finding('blocker', 'retain', 'mainframe/x', 'mainframe'),
      finding('major', undefined, 'data/x', 'data'),
      finding('minor', undefined, 'x/y', 'unheard-of'),
    ]);
    expect(result.dimensions).toEqual({ code: 98, platform: 30, data: 94, operations: 100, delivery: 100 });
  });

  it('gives effort as a range that widens with the number of places', () => {
    expect(effortRange({ effort: 10, evidenceCount: 1 })).toEqual({ low: 5, high: 15 });
    expect(effortRange({ effort: 10, evidenceCount: 10 })).toEqual({ low: 5, high: 20 });
    expect(effortRange({ effort: 10, evidenceCount: 1_000_000 })).toEqual({ low: 5, high: 30 });
    expect(scoreApplication([finding('major'), finding('minor')]).effortRange).toEqual({ low: 3, high: 9 });
  });

  it('takes shares, cap and category mapping from the configuration', () => {
    const model = ScoringModel.parse({
      shares: { major: 0.1 },
      blockerCap: 10,
      dimensions: { middleware: 'delivery' },
    });
    expect(scoreApplication([finding('major')], model).score).toBe(90);
    expect(scoreApplication([finding('blocker')], model).score).toBe(10);
    expect(scoreApplication([finding('major')], model).dimensions.delivery).toBe(90);
    expect(
      ScoringModel.safeParse({
        strategyOrder: ['retain', 'retain', 'refactor', 'replatform', 'relocate', 'rehost', 'retire'],
      }).success,
    ).toBe(false);
    // A category outside the closed list maps nothing a rule could use: refused, not ignored.
    expect(ScoringModel.safeParse({ dimensions: { 'my-category': 'data' } }).success).toBe(false);
  });
});

describe('chooseStrategy', () => {
  it('rehosts when nothing above minor stands in the way', () => {
    expect(chooseStrategy([]).strategy).toBe('rehost');
    expect(chooseStrategy([finding('minor', 'replatform')])).toEqual({
      strategy: 'rehost',
      reasons: ['no blocker or major finding; 1 minor refit can follow the move'],
      runnerUp: { strategy: 'replatform', reasons: ['minor pack/minor-replatform: pack/minor-replatform'] },
      deciding: [],
    });
  });

  it('majors decide by their most constraining hint, defaulting to replatform', () => {
    expect(chooseStrategy([finding('major', 'replatform'), finding('major', 'refactor')]).strategy).toBe('refactor');
    expect(chooseStrategy([finding('major')]).strategy).toBe('replatform');
  });

  it('blockers outrank majors, and the reasons name the deciding rules', () => {
    const cics = finding('blocker', 'retain', 'mainframe/exec-cics');
    const decision = chooseStrategy([finding('major', 'refactor'), cics]);
    expect(decision).toEqual({
      strategy: 'retain',
      reasons: ['blocker mainframe/exec-cics: mainframe/exec-cics'],
      runnerUp: { strategy: 'refactor', reasons: ['major pack/major-refactor: pack/major-refactor'] },
      deciding: [cics],
    });
    expect(chooseStrategy([finding('blocker')]).strategy).toBe('refactor');
  });

  it('names the usual next best when no finding asks for another strategy', () => {
    expect(chooseStrategy([]).runnerUp).toEqual({
      strategy: 'replatform',
      reasons: ['managed databases and platform services would remove operations work'],
    });
    expect(chooseStrategy([finding('blocker', 'retain')]).runnerUp.strategy).toBe('refactor');
  });

  it('an application nothing depends on and no traffic reaches is a retire candidate', () => {
    const unused = { trafficKnown: true, dependents: 0, inboundConnections: 0, entryPoints: 0 };
    expect(chooseStrategy([finding('major')], unused).runnerUp.strategy).toBe('retire');
    expect(chooseStrategy([finding('major')], { ...unused, inboundConnections: 3 }).runnerUp.strategy).not.toBe(
      'retire',
    );
    // Routes and jobs are started by users and schedulers, whose traffic inventories rarely show.
    expect(chooseStrategy([finding('major')], { ...unused, entryPoints: 2 }).runnerUp.strategy).not.toBe('retire');
    // Without observed connections, silence proves nothing.
    expect(chooseStrategy([finding('major')], { ...unused, trafficKnown: false }).runnerUp.strategy).not.toBe('retire');
  });

  it('follows a configured strategy order', () => {
    const model = ScoringModel.parse({
      strategyOrder: ['refactor', 'retain', 'repurchase', 'replatform', 'relocate', 'rehost', 'retire'],
    });
    expect(
      chooseStrategy([finding('blocker', 'retain'), finding('blocker', 'refactor')], undefined, model).strategy,
    ).toBe('refactor');
  });
});
