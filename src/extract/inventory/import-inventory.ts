import { parseJson } from '../../util/json-input.js';
import { yamlSyntax } from '../../util/yaml-input.js';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Diagnostic } from '../../result/schema.js';
import type { FactCache } from '../fact-cache.js';
import { decodeText } from '../read-text.js';
import type { CmdbColumns } from './formats/cmdb-columns.js';
import type { ImportContext } from './formats/format-descriptor.js';
import { declaredFormat, FORMATS_HELP, TABLE_FORMATS, TEXT_FORMATS } from './inventory-formats.js';
import type { InventoryFormat, LoadedInventory } from './inventory-builder.js';
import { readWorkbookTables } from './read-workbook.js';
import { readCsvTable, TableError, type Table } from './tables.js';

/** Inventories are data, not code: far larger files than the source limit are fine. */
export const MAX_INVENTORY_BYTES = 512 * 1024 * 1024;

export interface InventorySource {
  /** Absolute path. */
  abs: string;
  /** Path as shown in diagnostics and evidence. */
  file: string;
  size: number;
  /** Set when cloudready.yaml says which format the file is in (needed for cmdb-csv). */
  format?: InventoryFormat | undefined;
  columns?: CmdbColumns | undefined;
  /** Named by the user (--inventory, cloudready.yaml): a file cloudready cannot read is an error, not a note. */
  explicit: boolean;
}

/**
 * Reads one inventory file in whichever supported format it is. With a cache, an export read
 * before (same content, name and settings) is taken from it with its diagnostics: inventories
 * change far less often than code, and a large one takes seconds to import.
 */
export async function importInventory(
  source: InventorySource,
  diagnostics: Diagnostic[],
  cache?: FactCache,
): Promise<LoadedInventory | undefined> {
  const { file } = source;
  const fail = failure(diagnostics, file);
  if (source.size > MAX_INVENTORY_BYTES)
    return fail(
      'file-too-large',
      `inventory is ${Math.round(source.size / 1024 / 1024)} MiB, over the ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB limit; skipped`,
    );
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(source.abs);
  } catch (error) {
    return fail('unreadable-file', `inventory could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!cache) return importInventoryBytes(bytes, source, diagnostics);
  const settings = JSON.stringify({
    format: source.format ?? null,
    columns: source.columns ?? null,
    explicit: source.explicit,
  });
  const key = cache.key('inventory', file, settings, createHash('sha256').update(bytes).digest('base64url'));
  const kept = cache.get<{ loaded: LoadedInventory | null; diagnostics: Diagnostic[] }>(key);
  if (kept) {
    diagnostics.push(...kept.diagnostics);
    return kept.loaded ?? undefined;
  }
  const own: Diagnostic[] = [];
  const loaded = await importInventoryBytes(bytes, source, own);
  cache.set(key, { loaded: loaded ?? null, diagnostics: own });
  diagnostics.push(...own);
  return loaded;
}

/** Above this, a CSV that is valid UTF-8 is parsed from its bytes. */
const LARGE_CSV_BYTES = 1024 * 1024;

/** UTF-8 (with or without a byte order mark), and not UTF-16: the bytes the parser can read as they are. */
function isUtf8Text(bytes: Buffer): boolean {
  return !bytes.subarray(0, 8192).includes(0) && isUtf8(bytes);
}

/** The content of an inventory file, in whichever supported format it is; every problem is a diagnostic. */
export async function importInventoryBytes(
  bytes: Buffer,
  source: InventorySource,
  diagnostics: Diagnostic[],
): Promise<LoadedInventory | undefined> {
  const { file } = source;
  const fail = failure(diagnostics, file);
  let text = '';
  try {
    if (/\.xlsx$/i.test(file)) return importTables(await readWorkbookTables(bytes, file), source, diagnostics);
    // A large UTF-8 CSV goes to the parser as its bytes: a string of the whole export would double it.
    if (/\.(csv|tsv)$/i.test(file) && bytes.length > LARGE_CSV_BYTES && isUtf8Text(bytes))
      return importTables([readCsvTable(bytes, file)], source, diagnostics);
    const read = decodeText(bytes, file);
    if (!read.ok) return fail(read.diagnostic.code, read.diagnostic.message);
    if (read.note) diagnostics.push(read.note);
    text = read.text;
    if (source.format) return importTables([readCsvTable(text, file)], source, diagnostics);
    const format = TEXT_FORMATS.find((candidate) => candidate.recognises(text, file));
    if (format) return format.read(text, contextOf(source, diagnostics));
    if (/\.(csv|tsv|txt)$/i.test(file)) return importTables([readCsvTable(text, file)], source, diagnostics);
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    return fail('inventory-invalid', error.message, error.line);
  }
  return unrecognised(source, diagnostics, text);
}

/** Records a problem with the file and gives nothing to import. */
function failure(diagnostics: Diagnostic[], file: string) {
  return (code: string, message: string, line?: number): undefined => {
    diagnostics.push({ level: 'error', code, file, ...(line ? { line } : {}), message });
    return undefined;
  };
}

/** Not a format cloudready reads; when the file does not even parse as the JSON or YAML its name promises, that is the problem to name. */
function unrecognised(source: InventorySource, diagnostics: Diagnostic[], text?: string): undefined {
  const syntax =
    text === undefined
      ? undefined
      : /\.json$/i.test(source.file)
        ? parseJson(text)
        : /\.ya?ml$/i.test(source.file)
          ? yamlSyntax(text)
          : undefined;
  if (syntax && !syntax.ok) {
    diagnostics.push({
      level: 'error',
      code: 'inventory-invalid',
      file: source.file,
      line: syntax.line,
      message: syntax.message,
    });
    return undefined;
  }
  diagnostics.push({
    level: source.explicit ? 'error' : 'warning',
    code: 'inventory-format',
    file: source.file,
    message: `not an inventory format cloudready reads; it reads ${FORMATS_HELP} (docs/inventory.md)`,
  });
  return undefined;
}

function contextOf(source: InventorySource, diagnostics: Diagnostic[]): ImportContext {
  return { file: source.file, diagnostics, columns: source.columns };
}

/** Tabular files: the header says which export each table is, unless cloudready.yaml said it. */
function importTables(
  tables: Table[],
  source: InventorySource,
  diagnostics: Diagnostic[],
): LoadedInventory | undefined {
  const nonEmpty = tables.filter((table) => table.header.length > 0);
  const declared = source.format && declaredFormat(source.format);
  if (declared) return declared.read(nonEmpty, contextOf(source, diagnostics));
  if (nonEmpty.length === 0) {
    diagnostics.push({
      level: 'warning',
      code: 'inventory-empty',
      file: source.file,
      message: 'inventory has no header and no rows',
    });
    return undefined;
  }
  const format = TABLE_FORMATS.find((candidate) => candidate.recognises!(nonEmpty));
  return format ? format.read(nonEmpty, contextOf(source, diagnostics)) : unrecognised(source, diagnostics);
}
