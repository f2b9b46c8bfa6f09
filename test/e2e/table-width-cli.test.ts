import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from '../helpers/run-cli.js';

/** The portfolio table's lines: from its top border to its bottom one. */
const tableLines = (stdout: string) => {
  const lines = stdout.split('\n');
  const top = lines.findIndex((line) => line.startsWith('┌'));
  const bottom = lines.findIndex((line) => line.startsWith('└'));
  return lines.slice(top, bottom + 1);
};

describe('the portfolio table on a terminal of a given width', () => {
  it('keeps every column in a pipe or file', () => {
    const run = runCli(['scan', DEMO]);
    expect(run.code).toBe(0);
    expect(tableLines(run.stdout)[1]).toContain('Languages');
    expect(run.stdout).not.toContain('Fitted to');
  });

  it('fits 100, 80 and 64 columns: the least useful columns give way, then long names are cut, and it says what it left out', () => {
    for (const width of [100, 80, 64]) {
      const run = runCli(['scan', DEMO], { env: { COLUMNS: String(width) } });
      expect(run.code).toBe(0);
      const lines = tableLines(run.stdout);
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(stripVTControlCharacters(line).length, line).toBeLessThanOrEqual(width);
      // What an architect reads first stays.
      for (const head of ['Application', 'Score', 'Strategy', 'Blockers']) expect(lines[1]).toContain(head);
      expect(run.stdout).toMatch(new RegExp(`Fitted to ${width} columns: Kind, .* left out`));
    }
    // At 64 columns the names are cut with an ellipsis.
    expect(tableLines(runCli(['scan', DEMO], { env: { COLUMNS: '64' } }).stdout).join('\n')).toContain('…');
  });
});

describe('the servers table on a terminal of a given width', () => {
  it('fits 100 columns: power, memory and vCPUs give way and the reasons wrap; a pipe keeps them', () => {
    const narrow = runCli(['servers', DEMO], { env: { COLUMNS: '100' } });
    expect(narrow.code).toBe(0);
    const lines = tableLines(narrow.stdout);
    for (const line of lines) expect(stripVTControlCharacters(line).length, line).toBeLessThanOrEqual(100);
    expect(lines[1]).toContain('First reason');
    expect(lines[1]).not.toContain('Power');
    expect(tableLines(runCli(['servers', DEMO]).stdout)[1]).toContain('Power');
  });
});
