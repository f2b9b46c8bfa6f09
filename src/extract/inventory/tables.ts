import { parse } from 'csv-parse/sync';
import { parseNumber } from './inventory-values.js';
import { englishColumn, normaliseColumn } from './localised-columns.js';

/**
 * One sheet of a spreadsheet or one CSV file: a header, and rows that remember their line. Rows
 * are visited, not held: a CSV file is parsed as they are visited, so that an export of a million
 * rows never sits in memory as a million arrays of cells (a TableError stops the visit).
 */
export interface Table {
  file: string;
  /** Sheet name for workbooks. */
  sheet?: string;
  header: string[];
  eachRow(visit: (row: TableRow) => void): void;
  /** Title lines above the header (a report name, an export date), skipped. */
  titleRows?: number;
  /** Numbers are written with a decimal comma and dots between thousands (a CSV saved by a German or French Excel). */
  decimalComma?: boolean;
}

/** Title lines skipped at most above a header. */
const MAX_TITLE_ROWS = 5;

/**
 * Whether a row read so far as the header is a title above it: the row after it fills more than
 * twice as many cells (an export's own name or date, perhaps with a comma, then the real header).
 */
export function isTitleAbove(header: string[], next: string[], skipped: number): boolean {
  const filled = (cells: string[]) => cells.filter((cell) => cell !== '').length;
  return skipped < MAX_TITLE_ROWS && filled(next) >= 3 && 2 * filled(header) < filled(next);
}

export interface TableRow {
  /** Line in the CSV file (of the record's first line) or row number in the sheet. */
  line: number;
  cells: string[];
}

/** A CSV file that cannot be read at all; `line` is where the parser gave up. */
export class TableError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * The delimiter the header uses: exports come with commas, semicolons (European Excel) or tabs.
 * That of the first line with three fields or more: a title above the header may hold a comma.
 */
function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r?\n/, MAX_TITLE_ROWS + 1);
  const best = (line: string) =>
    [',', ';', '\t', '|']
      .map((delimiter) => [delimiter, line.split(delimiter).length] as const)
      .reduce((top, next) => (next[1] > top[1] ? next : top));
  return (lines.map(best).find(([, fields]) => fields >= 3) ?? best(lines[0] ?? ''))[0];
}

/**
 * Reads CSV as exports really are: a BOM, CRLF, a semicolon delimiter, ragged rows, blank lines,
 * and "sep=," hints from Excel. Rows keep their source line for diagnostics. The file comes as
 * text, or as its UTF-8 bytes (a large export is never made one string).
 */
export function readCsvTable(input: string | Buffer, file: string): Table {
  // The parser reads bytes: text is turned into them once, not on every pass.
  let bytes =
    typeof input === 'string'
      ? Buffer.from(input.replace(/^\uFEFF/, ''))
      : input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf
        ? input.subarray(3)
        : input;
  let lineOffset = 0;
  const start = bytes.subarray(0, 64 * 1024).toString('utf8');
  const hint = /^sep=(.)\r?\n/.exec(start);
  if (hint) {
    bytes = bytes.subarray(Buffer.byteLength(hint[0]));
    lineOffset = 1;
  }
  const delimiter = hint?.[1] ?? sniffDelimiter(hint ? start.slice(hint[0].length) : start);
  // The header is looked for in the first 256 KiB, unless a record is longer.
  const head = bytes.subarray(0, 256 * 1024);
  const read = (onRecord: (record: string[], line: number) => void, records?: number, from: Buffer = bytes) => {
    try {
      parse(from, {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
        ...(records ? { to: records } : {}),
        on_record: (record: string[], context) => {
          onRecord(record, context.lines - newlines(record) + lineOffset);
          return null;
        },
      });
    } catch (error) {
      if (error instanceof TableError) throw error;
      const line = (error as { lines?: number }).lines;
      throw new TableError(
        `malformed CSV: ${(error as Error).message.replace(/^Invalid [^:]*: /, '').replace(/ at line \d+/, '')}`,
        line === undefined ? undefined : line + lineOffset,
      );
    }
  };
  // The header is the first record, unless it is a title above the real one.
  let header: string[] = [];
  let headerAt = 0;
  let index = 0;
  const findHeader = (input: Buffer) => {
    [header, headerAt, index] = [[], 0, 0];
    read(
      (record) => {
        if (index === 0) header = record;
        else if (headerAt === index - 1 && isTitleAbove(header, record, headerAt)) {
          header = record;
          headerAt = index;
        }
        index++;
      },
      MAX_TITLE_ROWS + 1,
      input,
    );
  };
  const cut = head.length < bytes.length;
  try {
    findHeader(head);
  } catch (error) {
    if (!cut) throw error;
  }
  // The first records run past the slice (or a record there is broken): read them from the whole.
  if (cut && index < MAX_TITLE_ROWS + 1) findHeader(bytes);
  return {
    file,
    header,
    ...(headerAt > 0 ? { titleRows: headerAt } : {}),
    // Semicolons separate cells where commas are decimal separators.
    ...(delimiter === ';' ? { decimalComma: true } : {}),
    eachRow: (visit) => {
      let at = 0;
      read((record, line) => {
        if (at++ > headerAt && record.some((cell) => cell !== '')) visit({ line, cells: record });
      });
    },
  };
}

/** Line breaks inside a record's cells: context.lines is the line a record ends on. */
function newlines(record: string[]): number {
  let count = 0;
  for (const cell of record) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count++;
  return count;
}

/** Lowercase letters and digits only: "Source server name", "source_server_name" and "SourceServerName" meet. */
export { normaliseColumn };

/** Column lookup by any of several names (exports rename columns between versions). */
export class Columns {
  private readonly index = new Map<string, number>();
  /** Column names as importers spell them → position; importers ask for the same names on every row. */
  private readonly positions = new Map<string, number | undefined>();
  constructor(readonly table: Table) {
    table.header.forEach((name, position) => {
      const key = normaliseColumn(name);
      if (key && !this.index.has(key)) this.index.set(key, position);
    });
    // A localised header answers to its English name too, where the file has no English one.
    table.header.forEach((name, position) => {
      const english = englishColumn(normaliseColumn(name));
      if (english && !this.index.has(english)) this.index.set(english, position);
    });
  }

  has(...names: string[]): boolean {
    return names.some((name) => this.index.has(normaliseColumn(name)));
  }

  /** The number under any of `names`, read as the table writes numbers; undefined when blank or not a number. */
  number(row: TableRow, ...names: string[]): number | undefined {
    return parseNumber(this.get(row, ...names), this.table.decimalComma ? ',' : undefined);
  }

  /** The first non-blank cell under any of `names`, in that order; '' when all are blank or absent. */
  get(row: TableRow, ...names: string[]): string {
    for (const name of names) {
      let position = this.positions.get(name);
      if (position === undefined && !this.positions.has(name)) {
        position = this.index.get(normaliseColumn(name));
        this.positions.set(name, position);
      }
      const value = position === undefined ? '' : (row.cells[position] ?? '');
      if (value) return value;
    }
    return '';
  }
}

/** True when the header holds every one of the columns (any spelling `normaliseColumn` equates). */
export function hasColumns(header: string[], required: string[]): boolean {
  const present = new Set(
    header.flatMap((name) => [normaliseColumn(name), englishColumn(normaliseColumn(name)) ?? '']),
  );
  return required.every((name) => present.has(normaliseColumn(name)));
}
