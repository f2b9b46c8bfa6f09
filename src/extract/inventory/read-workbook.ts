import type { CellValue } from 'exceljs';
import { TableError, type Table } from './tables.js';

/** Workbooks larger than this are refused before unzipping: RVTools exports of big estates stay far below. */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;

/** A cell as the text a person sees: dates as ISO dates, formulas as their result, rich text flattened. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
  }
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return '';
}

/**
 * The sheets of an .xlsx workbook as tables, first non-empty row as header. exceljs is loaded
 * only when a workbook is imported: most scans never need it.
 */
export async function readWorkbookTables(bytes: Buffer, file: string): Promise<Table[]> {
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new TableError(`workbook is ${Math.round(bytes.length / 1024 / 1024)} MiB, over the ${MAX_WORKBOOK_BYTES / 1024 / 1024} MiB limit`);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableError(`not a readable .xlsx workbook (${(error as Error).message.split('\n')[0]})`);
  }
  return workbook.worksheets.map((sheet) => {
    const table: Table = { file, sheet: sheet.name, header: [], rows: [] };
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      // row.values is 1-based and sparse.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i] as CellValue));
      if (cells.every((cell) => cell === '')) return;
      if (table.header.length === 0) table.header = cells;
      else table.rows.push({ line: rowNumber, cells });
    });
    return table;
  });
}
