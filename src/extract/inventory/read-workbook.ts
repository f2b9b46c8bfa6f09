import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CellValue, Workbook } from 'exceljs';
import yauzl from 'yauzl';
import { isTitleAbove, TableError, type Table, type TableRow } from './tables.js';

/** Workbooks larger than this are refused before unzipping: RVTools exports of big estates stay far below. */
export const MAX_WORKBOOK_BYTES = 256 * 1024 * 1024;
/**
 * What a workbook may inflate to: the parser holds every sheet's XML in memory. An RVTools
 * export of 10,000 VMs inflates to some tens of MiB; a zip bomb to gigabytes from a megabyte.
 */
export const MAX_WORKBOOK_INFLATED_BYTES = 512 * 1024 * 1024;

/** A cell as the text a person sees: dates as ISO dates, formulas as their result, rich text flattened. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
  }
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return '';
}

/**
 * Cells a workbook may hold. Rows are streamed and only their text is kept, so memory follows
 * this and the shared strings, not the size of the workbook's object model (an RVTools export of
 * 10,000 VMs holds a few million cells).
 */
export const MAX_WORKBOOK_CELLS = 10_000_000;

type Row = { number: number; values: unknown };

/**
 * Builds tables from rows as either reader delivers them, counting cells against the cap: the
 * first non-empty row of a sheet is its header (unless it is a title above the header), the others its rows, each cell as the text a person sees.
 */
class TableBuilder {
  readonly tables: Table[] = [];
  private cells = 0;

  constructor(
    private readonly file: string,
    private readonly maxCells: number,
  ) {}

  /** A new sheet's table, and the function that adds its rows (`values` is exceljs's 1-based, sparse row). */
  sheet(name: string): (values: unknown, line: number) => void {
    const rows: TableRow[] = [];
    const table: Table = { file: this.file, sheet: name, header: [], eachRow: (visit) => rows.forEach(visit) };
    this.tables.push(table);
    return (values, line) => {
      const cells = Array.isArray(values) ? (values as CellValue[]).slice(1) : [];
      this.cells += cells.length;
      if (this.cells > this.maxCells)
        throw new TableError(
          `workbook holds more than ${this.maxCells.toLocaleString('en-US')} cells; not read (an export to split by sheet)`,
        );
      const texts = Array.from({ length: cells.length }, (_, i) => cellText(cells[i] as CellValue));
      if (texts.every((cell) => cell === '')) return;
      if (table.header.length === 0) table.header = texts;
      else if (rows.length === 0 && isTitleAbove(table.header, texts, table.titleRows ?? 0)) {
        table.header = texts;
        table.titleRows = (table.titleRows ?? 0) + 1;
      } else rows.push({ line, cells: texts });
    };
  }
}

/**
 * The sheets of an .xlsx workbook as tables, first non-empty row (below any title) as header. Read as a stream
 * (exceljs's WorkbookReader): a workbook is never held as a whole object model. exceljs is
 * loaded only when a workbook is imported: most scans never need it.
 */
export async function readWorkbookTables(bytes: Buffer, file: string, maxCells = MAX_WORKBOOK_CELLS): Promise<Table[]> {
  if (bytes.length > MAX_WORKBOOK_BYTES)
    throw new TableError(
      `workbook is ${Math.round(bytes.length / 1024 / 1024)} MiB, over the ${MAX_WORKBOOK_BYTES / 1024 / 1024} MiB limit`,
    );
  await checkInflatedSize(bytes);
  const { default: ExcelJS } = await import('exceljs');
  // Styles are read to tell a date from a number; hyperlinks and other entries are skipped.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    styles: 'cache',
    entries: 'ignore',
  });
  const builder = new TableBuilder(file, maxCells);
  try {
    for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<Row> & { name: string }>) {
      const add = builder.sheet(sheet.name);
      for await (const row of sheet) add(row.values, row.number);
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    // exceljs's stream reader depends on the order of the archive's parts (a sheet before
    // xl/workbook.xml fails): such a workbook is loaded whole, within the inflated-size limit above.
    return loadWorkbookTables(new ExcelJS.Workbook(), bytes, new TableBuilder(file, maxCells));
  }
  return builder.tables;
}

/** The workbook loaded whole: the fallback for archives whose part order the stream reader cannot follow. */
async function loadWorkbookTables(workbook: Workbook, bytes: Buffer, builder: TableBuilder): Promise<Table[]> {
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new TableError(`not a readable .xlsx workbook (${(error as Error).message.split('\n')[0]})`);
  }
  for (const sheet of workbook.worksheets) {
    const add = builder.sheet(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => add(row.values, rowNumber));
  }
  return builder.tables;
}

/**
 * Refuses a workbook whose entries would inflate past the limit, before the parser inflates them
 * into memory: by the sizes the archive declares, then by inflating each entry into nothing, as
 * yauzl stops an entry that inflates past its declared size (a bomb that lies about its sizes).
 */
async function checkInflatedSize(bytes: Buffer): Promise<void> {
  const unreadable = (error: unknown) =>
    new TableError(`not a readable .xlsx workbook (${(error as Error).message.split('\n')[0]})`);
  let zip: yauzl.ZipFile;
  const entries: yauzl.Entry[] = [];
  try {
    zip = await yauzl.fromBufferPromise(bytes, { autoClose: false });
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    throw unreadable(error);
  }
  try {
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > MAX_WORKBOOK_INFLATED_BYTES) {
      const largest = entries.reduce((a, b) => (b.uncompressedSize > a.uncompressedSize ? b : a));
      throw new TableError(
        `workbook inflates to ${mib(declared)} MiB (${largest.fileName}: ${mib(largest.uncompressedSize)} MiB from a ${mib(bytes.length)} MiB file), over the ${mib(MAX_WORKBOOK_INFLATED_BYTES)} MiB limit; not unpacked (a zip bomb, or an export to split)`,
      );
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
      await pipeline(await zip.openReadStreamPromise(entry), discard).catch((error: unknown) => {
        throw unreadable(error);
      });
    }
  } finally {
    zip.close();
  }
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
