import type { Diagnostic } from '../../../result/schema.js';
import { InventoryBuilder, type InventoryFormat, type LoadedInventory } from '../inventory-builder.js';
import type { Table } from '../tables.js';
import type { CmdbColumns } from './cmdb-columns.js';

/** What an importer is given besides the file's content. */
export interface ImportContext {
  /** Path as shown in diagnostics and evidence. */
  file: string;
  diagnostics: Diagnostic[];
  /** The column mapping cloudready.yaml gives a CMDB export. */
  columns?: CmdbColumns | undefined;
}

interface FormatCommon {
  /** What the imported file is recorded as (LoadedInventory.format); two descriptors may record one. */
  format: InventoryFormat;
  /** How `--help` and the unrecognised-file message name it. */
  help: string;
  /**
   * Which file wins when two describe one machine differently, lower first: hand-reconciled
   * inventories, then what discovery tools measured on the machine, then what people declared elsewhere.
   */
  precedence: number;
  /**
   * Detection order, lower first, among formats that read the same kind of input: the first
   * whose test passes reads the file. Explicit, so that adding a format never reorders the others.
   */
  priority: number;
}

/** A format recognised from the whole text of a file (YAML, INI, captures). */
export interface TextFormat extends FormatCommon {
  reads: 'text';
  recognises(text: string, file: string): boolean;
  read(text: string, context: ImportContext): LoadedInventory | undefined;
}

/** A tabular format (CSV, TSV, the sheets of a workbook), recognised from its tables' headers. */
export interface TableFormat extends FormatCommon {
  reads: 'tables';
  /** Undefined for a format nothing can recognise: cloudready.yaml must name it (`format: cmdb-csv`). */
  recognises: ((tables: Table[]) => boolean) | undefined;
  read(tables: Table[], context: ImportContext): LoadedInventory | undefined;
}

/** One inventory format: a file of its own in this folder, collected by the generated index. */
export type InventoryFormatDescriptor = TextFormat | TableFormat;

/** Fills a builder for a format that imports row by row. */
export function built(
  context: ImportContext,
  format: InventoryFormat,
  fill: (builder: InventoryBuilder) => void,
): LoadedInventory {
  const builder = new InventoryBuilder(context.file, format, context.diagnostics);
  fill(builder);
  return builder.build();
}
