import { describe, expect, it } from 'vitest';
import { backtrackingRisk } from '../../src/assess/rules/regex-safety.js';

describe('backtrackingRisk', () => {
  it('refuses the classic exponential shapes', () => {
    for (const pattern of ['(a+)+$', '(a*)*b', '(\\w+\\s?)*$', '(\\d+)*x', '(x|x)*y', '^(a|ab)*$', '(\\w|\\d)+$', '([a-z]+x)*$']) {
      expect(backtrackingRisk(pattern), pattern).toBeDefined();
    }
  });

  it('accepts what rules really use: separated repetitions, bounded ones, lookarounds', () => {
    for (const pattern of [
      '\\bEXEC\\s+CICS\\b',
      '(\\w+\\.)*corp',
      '([\\w-]+\\.)+(local|corp)',
      '(\\.|,)*',
      '(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}',
      '(?<![Vv]ersion\\w*\\s*[(=:]\\s*["\']?)(?<=["\'=@/:\\s])\\d+',
      '<TargetFrameworkVersion>\\s*v[1-4]\\.',
      'https?://[^/]+/',
    ]) {
      expect(backtrackingRisk(pattern), pattern).toBeUndefined();
    }
  });

  it('takes case-insensitivity into account', () => {
    expect(backtrackingRisk('([a-z]+X)*')).toBeUndefined();
    expect(backtrackingRisk('([a-z]+X)*', 'i')).toBeDefined();
  });
});
