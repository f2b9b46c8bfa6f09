import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV for people to open in a spreadsheet: names and labels come from scanned files and
 * inventories, so a cell that would start a formula (`=HYPERLINK(...)`, `@SUM(...)`) is written
 * with a leading apostrophe and is shown as the text it is.
 */
export function spreadsheetCsv(rows: string[][]): string {
  return stringify(rows.map((row) => row.map((cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell))));
}
