import { describe, expect, it } from 'vitest';
import { BLOCKER_CAP, scoreApplication } from '../../src/assess/score.js';
import { chooseStrategy } from '../../src/assess/strategy.js';
import type { Finding, Severity, Strategy } from '../../src/result/schema.js';

function finding(severity: Severity, strategyHint?: Strategy, ruleId = `pack/${severity}-${strategyHint ?? 'none'}`): Finding {
  return {
    id: `${ruleId}@app`,
    ruleId,
    applicationId: 'app',
    severity,
    category: 'test',
    title: ruleId,
    message: ruleId,
    effort: 3,
    ...(strategyHint ? { strategyHint } : {}),
    remediation: 'fix',
    evidence: [],
    evidenceCount: 0,
    fingerprint: ruleId,
  };
}

describe('scoreApplication', () => {
  it('is 100 with nothing found, and info findings cost nothing', () => {
    expect(scoreApplication([])).toEqual({ score: 100, counts: { blocker: 0, major: 0, minor: 0, info: 0 }, effort: 0 });
    expect(scoreApplication([finding('info')]).score).toBe(100);
  });

  it('each finding removes a share of what is left', () => {
    expect(scoreApplication([finding('major')]).score).toBe(94);
    expect(scoreApplication([finding('major'), finding('major'), finding('minor')]).score).toBe(Math.round(100 * 0.94 * 0.94 * 0.98));
  });

  it('a blocker caps the score however clean the rest is, and effort adds up', () => {
    const result = scoreApplication([finding('blocker'), finding('minor')]);
    expect(result.score).toBe(BLOCKER_CAP);
    expect(result.effort).toBe(6);
    expect(result.counts).toEqual({ blocker: 1, major: 0, minor: 1, info: 0 });
  });

  it('never drops below zero', () => {
    expect(scoreApplication(Array.from({ length: 200 }, () => finding('blocker'))).score).toBe(0);
  });
});

describe('chooseStrategy', () => {
  it('rehosts when nothing above minor stands in the way', () => {
    expect(chooseStrategy([]).strategy).toBe('rehost');
    expect(chooseStrategy([finding('minor', 'replatform')])).toEqual({
      strategy: 'rehost',
      reasons: ['no blocker or major finding; 1 minor refit(s) can follow the move'],
    });
  });

  it('majors decide by their most constraining hint, defaulting to replatform', () => {
    expect(chooseStrategy([finding('major', 'replatform'), finding('major', 'refactor')]).strategy).toBe('refactor');
    expect(chooseStrategy([finding('major')]).strategy).toBe('replatform');
  });

  it('blockers outrank majors, and the reasons name the deciding rules', () => {
    const decision = chooseStrategy([finding('major', 'refactor'), finding('blocker', 'retain', 'mainframe/exec-cics')]);
    expect(decision).toEqual({ strategy: 'retain', reasons: ['blocker mainframe/exec-cics: mainframe/exec-cics'] });
    expect(chooseStrategy([finding('blocker')]).strategy).toBe('refactor');
  });
});
