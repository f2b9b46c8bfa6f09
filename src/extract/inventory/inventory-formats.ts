import { INVENTORY_FORMATS } from './formats/index.js';
import type { InventoryFormatDescriptor, TableFormat, TextFormat } from './formats/format-descriptor.js';
import type { InventoryFormat } from './inventory-builder.js';

const byPriority = <T extends InventoryFormatDescriptor>(formats: T[]) =>
  formats.sort((a, b) => a.priority - b.priority);

/** Formats recognised from a file's text, in the order they are tried. */
export const TEXT_FORMATS: readonly TextFormat[] = byPriority(
  INVENTORY_FORMATS.filter((format): format is TextFormat => format.reads === 'text'),
);
/** Tabular formats recognised from their headers, in the order they are tried. */
export const TABLE_FORMATS: readonly TableFormat[] = byPriority(
  INVENTORY_FORMATS.filter(
    (format): format is TableFormat => format.reads === 'tables' && format.recognises !== undefined,
  ),
);

const precedence = new Map<InventoryFormat, number>();
for (const kind of [TEXT_FORMATS, TABLE_FORMATS]) {
  // Two formats tried at one priority would be tried in the index's order: say which comes first.
  const priorities = new Set(kind.map((format) => format.priority));
  if (priorities.size !== kind.length) throw new Error('two inventory formats of one kind share a priority');
}
for (const { format, precedence: rank } of INVENTORY_FORMATS) {
  if ((precedence.get(format) ?? rank) !== rank) throw new Error(`the ${format} inventory format has two precedences`);
  precedence.set(format, rank);
}

/** Which of two files describing one machine wins: lower first (formats/format-descriptor.ts). */
export function precedenceOf(format: InventoryFormat): number {
  return precedence.get(format) ?? Number.MAX_SAFE_INTEGER;
}

/** A format cloudready.yaml names for a file (`format: cmdb-csv`). */
export function declaredFormat(format: InventoryFormat): TableFormat | undefined {
  return INVENTORY_FORMATS.find(
    (descriptor): descriptor is TableFormat => descriptor.reads === 'tables' && descriptor.format === format,
  );
}

/** Every format cloudready reads, for `--help` and the message on a file it cannot read, in order of precedence. */
export const FORMATS_HELP = [...INVENTORY_FORMATS]
  .sort((a, b) => a.precedence - b.precedence || a.priority - b.priority)
  .map(({ help }) => help)
  .join(', ');
