import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { spreadsheetCsv } from '../../src/report/csv-cells.js';

describe('CSV for spreadsheets', () => {
  it('cells that would start a formula are written as text; everything else as it is', () => {
    const cells = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+2',
      '-2+3',
      '@SUM(A1:A2)',
      '\tindent',
      '\rreturn',
      'web01',
      'a=b',
      '42',
      '',
    ];
    const [row] = parse(spreadsheetCsv([cells]), { relax_quotes: true }) as string[][];
    expect(row).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      "'+1+2",
      "'-2+3",
      "'@SUM(A1:A2)",
      "'\tindent",
      "'\rreturn",
      'web01',
      'a=b',
      '42',
      '',
    ]);
  });
});
