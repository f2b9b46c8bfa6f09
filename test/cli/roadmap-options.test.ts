import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { checkRoadmap, parseCapacity, parseStartDate } from '../../src/cli/roadmap-options.js';
import { InputError } from '../../src/errors.js';

describe('--start and --capacity', () => {
  it('takes a calendar date as YYYY-MM-DD and nothing else', () => {
    expect(parseStartDate('2027-01-04')).toBe('2027-01-04');
    expect(parseStartDate('2028-02-29')).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2027-13-01', '4 Jan 2027', '2027-1-4', '2027-01-04T10:00', ''])
      expect(() => parseStartDate(bad), bad).toThrow(InvalidArgumentError);
  });

  it('takes a number of people from a half to ten thousand', () => {
    expect(parseCapacity('4')).toBe(4);
    expect(parseCapacity('2.5')).toBe(2.5);
    for (const bad of ['0', '0.25', '-1', 'four', '1e3', '10001'])
      expect(() => parseCapacity(bad), bad).toThrow(InvalidArgumentError);
  });

  it('refuses one without the other, saying which is missing', () => {
    expect(() => checkRoadmap({})).not.toThrow();
    expect(() => checkRoadmap({ start: '2027-01-04', capacity: 4 })).not.toThrow();
    expect(() => checkRoadmap({ start: '2027-01-04' })).toThrow(InputError);
    expect(() => checkRoadmap({ start: '2027-01-04' })).toThrow(/^--start needs --capacity too$/);
    expect(() => checkRoadmap({ capacity: 4 })).toThrow(/--capacity needs --start too/);
  });
});
