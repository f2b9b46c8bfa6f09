import { parseJson } from '../../util/json-input.js';
import { yamlSyntax } from '../../util/yaml-input.js';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Diagnostic } from '../../result/schema.js';
import type { FactCache } from '../fact-cache.js';
import { decodeText } from '../read-text.js';
import { importAnsible, isAnsibleIni, isAnsibleYaml } from './formats/ansible.js';
import { awsTableKind, importAws } from './formats/aws.js';
import { importAzureMigrate, isAzureMigrateDependencies } from './formats/azure-migrate.js';
import { importAzureMigrateServers, isAzureMigrateServers } from './formats/azure-migrate-servers.js';
import { cloudreadyCsvKind, importCloudreadyCsv } from './formats/cloudready-csv.js';
import { importCmdbCsv, type CmdbColumns } from './formats/cmdb-csv.js';
import { importNetstat, isNetstatCapture } from './formats/netstat.js';
import { importRvTools, rvToolsSheet } from './formats/rvtools.js';
import { InventoryBuilder, type InventoryFormat, type LoadedInventory } from './inventory-builder.js';
import { isCloudreadyInventory, loadInventory } from './load-inventory.js';
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

export const FORMATS_HELP =
  'cloudready (YAML/JSON/CSV), RVTools (.xlsx or per-sheet CSV), Azure Migrate dependencies CSV and server import CSV, AWS Application Discovery Service exports, AWS Migration Hub import CSV, AWS Cloud Migration Factory intake CSV, Ansible (INI/YAML), netstat/ss captures, and CMDB CSV with a column mapping';

/**
 * Reads one inventory file in whichever supported format it is. With a cache, an export read
 * before (same content, name and settings) is taken from it with its diagnostics: inventories
 * change far less often than code, and a large one takes seconds to import.
 */
export async function importInventory(source: InventorySource, diagnostics: Diagnostic[], cache?: FactCache): Promise<LoadedInventory | undefined> {
  const { file } = source;
  const fail = failure(diagnostics, file);
  if (source.size > MAX_INVENTORY_BYTES) return fail('file-too-large', `inventory is ${Math.round(source.size / 1024 / 1024)} MiB, over the ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB limit; skipped`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(source.abs);
  } catch (error) {
    return fail('unreadable-file', `inventory could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!cache) return importInventoryBytes(bytes, source, diagnostics);
  const settings = JSON.stringify({ format: source.format ?? null, columns: source.columns ?? null, explicit: source.explicit });
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
export async function importInventoryBytes(bytes: Buffer, source: InventorySource, diagnostics: Diagnostic[]): Promise<LoadedInventory | undefined> {
  const { file } = source;
  const fail = failure(diagnostics, file);
  let text = '';
  try {
    if (/\.xlsx$/i.test(file)) return importTables(await readWorkbookTables(bytes, file), source, diagnostics);
    // A large UTF-8 CSV goes to the parser as its bytes: a string of the whole export would double it.
    if (/\.(csv|tsv)$/i.test(file) && bytes.length > LARGE_CSV_BYTES && isUtf8Text(bytes)) return importTables([readCsvTable(bytes, file)], source, diagnostics);
    const read = decodeText(bytes, file);
    if (!read.ok) return fail(read.diagnostic.code, read.diagnostic.message);
    if (read.note) diagnostics.push(read.note);
    text = read.text;
    if (source.format === 'cmdb-csv') return importTables([readCsvTable(text, file)], source, diagnostics);
    if (isCloudreadyInventory(text)) {
      // YAML reads JSON too, but names a JSON file's mistakes better as JSON.
      const json = /\.json$/i.test(file) ? parseJson(text) : undefined;
      if (json && !json.ok) return fail('inventory-invalid', json.message, json.line);
      return loadInventory(text, file, diagnostics);
    }
    if (isNetstatCapture(text)) return build(source, 'netstat', diagnostics, (builder) => importNetstat(text, file, builder));
    if (/\.ya?ml$/i.test(file) && isAnsibleYaml(text)) return build(source, 'ansible', diagnostics, (builder) => importAnsible(text, true, builder));
    if (!/\.(csv|tsv|ya?ml|json)$/i.test(file) && isAnsibleIni(text)) return build(source, 'ansible', diagnostics, (builder) => importAnsible(text, false, builder));
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
  const syntax = text === undefined ? undefined : /\.json$/i.test(source.file) ? parseJson(text) : /\.ya?ml$/i.test(source.file) ? yamlSyntax(text) : undefined;
  if (syntax && !syntax.ok) {
    diagnostics.push({ level: 'error', code: 'inventory-invalid', file: source.file, line: syntax.line, message: syntax.message });
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

function build(source: InventorySource, format: InventoryFormat, diagnostics: Diagnostic[], fill: (builder: InventoryBuilder) => void): LoadedInventory {
  const builder = new InventoryBuilder(source.file, format, diagnostics);
  fill(builder);
  return builder.build();
}

/** Tabular files: the header says which export each table is. */
function importTables(tables: Table[], source: InventorySource, diagnostics: Diagnostic[]): LoadedInventory | undefined {
  const nonEmpty = tables.filter((table) => table.header.length > 0);
  if (source.format === 'cmdb-csv') {
    if (!source.columns) {
      diagnostics.push({ level: 'error', code: 'inventory-format', file: source.file, message: 'format cmdb-csv needs a columns: mapping in cloudready.yaml (docs/inventory.md)' });
      return undefined;
    }
    const columns = source.columns;
    return build(source, 'cmdb-csv', diagnostics, (builder) => nonEmpty.forEach((table) => importCmdbCsv(table, columns, builder)));
  }
  if (nonEmpty.some((table) => rvToolsSheet(table))) return build(source, 'rvtools', diagnostics, (builder) => importRvTools(nonEmpty, builder));
  const [table] = nonEmpty;
  if (!table) {
    diagnostics.push({ level: 'warning', code: 'inventory-empty', file: source.file, message: 'inventory has no header and no rows' });
    return undefined;
  }
  // AWS first: its agent connection files share column names with Azure Migrate's.
  const aws = awsTableKind(table.header);
  if (aws) return build(source, aws === 'cmf-intake' ? 'aws-cmf' : 'aws-ads', diagnostics, (builder) => importAws(table, aws, builder));
  if (isAzureMigrateDependencies(table.header)) return build(source, 'azure-migrate', diagnostics, (builder) => importAzureMigrate(table, builder));
  if (isAzureMigrateServers(table.header)) return build(source, 'azure-migrate', diagnostics, (builder) => importAzureMigrateServers(table, builder));
  const own = cloudreadyCsvKind(table.header);
  if (own) return build(source, 'cloudready-csv', diagnostics, (builder) => importCloudreadyCsv(table, own, builder));
  return unrecognised(source, diagnostics);
}
