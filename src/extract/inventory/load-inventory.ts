import { InputError } from '../../errors.js';
import type { Diagnostic } from '../../result/schema.js';
import { parseYamlInput } from '../../util/yaml-input.js';
import type { LoadedInventory } from './inventory-builder.js';
import { Inventory } from './inventory-schema.js';

/** Lines of `id: x` / `"id": "x"` entries, keyed host:<id> or app:<id>, and of each connection, for evidence. */
function entryLines(
  text: string,
  inventory: Inventory,
): { lines: Map<string, number>; connectionLines: (number | undefined)[] } {
  const lines = text.split(/\r?\n/);
  const find = (id: string, from: number) => {
    const pattern = new RegExp(
      `(^|[\\s{,-])"?id"?\\s*:\\s*["']?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*(,|}|$)`,
    );
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line));
    return index === -1 ? undefined : index + 1;
  };
  const result = new Map<string, number>();
  for (const host of inventory.hosts) {
    const line = find(host.id, 0);
    if (line) result.set(`host:${host.id}`, line);
  }
  const applicationsStart = Math.max(
    0,
    lines.findIndex((line) => /^\s*"?applications"?\s*:/.test(line)),
  );
  for (const app of inventory.applications) {
    const line = find(app.id, applicationsStart);
    if (line) result.set(`app:${app.id}`, line);
  }
  // Connections have no id: the n-th list entry (or JSON "source") after connections: is connection n.
  const connectionLines: (number | undefined)[] = [];
  const connectionsStart = lines.findIndex((line) => /^\s*"?connections"?\s*:/.test(line));
  if (connectionsStart !== -1) {
    for (let i = connectionsStart + 1; i < lines.length && connectionLines.length < inventory.connections.length; i++) {
      if (/^\S/.test(lines[i]!) && !/^-/.test(lines[i]!)) break;
      if (/^\s*-\s/.test(lines[i]!) || /^-\s/.test(lines[i]!) || /"source"\s*:/.test(lines[i]!))
        connectionLines.push(i + 1);
    }
  }
  return { lines: result, connectionLines };
}

/** Does this text look like cloudready's own inventory format (as opposed to any YAML under inventory/)? */
export function isCloudreadyInventory(text: string): boolean {
  return (
    (/^version:\s*1\s*$/m.test(text) && /^(hosts|applications|connections):/m.test(text)) ||
    (/^\s*\{[\s\S]*"version"\s*:\s*1\b/.test(text) && /"(hosts|applications|connections)"\s*:/.test(text))
  );
}

/**
 * Reads one inventory file in cloudready's own format (YAML or JSON). A file that does not
 * match the format is an error diagnostic with its line and field, and the scan goes on
 * without it.
 */
export function loadInventory(text: string, file: string, diagnostics: Diagnostic[]): LoadedInventory | undefined {
  let inventory: Inventory;
  try {
    inventory = parseYamlInput(text, file, Inventory, 'See docs/inventory.md for the inventory format.');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const [first] = error.message.split('\n');
    const line = /^[^:]+:(\d+):/.exec(first ?? '')?.[1];
    diagnostics.push({
      level: 'error',
      code: 'inventory-invalid',
      file,
      ...(line ? { line: Number(line) } : {}),
      message: (first ?? error.message).replace(/^[^:]+:(\d+:)?\s*/, ''),
    });
    return undefined;
  }
  const records = inventory.hosts.length + inventory.applications.length + inventory.connections.length;
  return {
    inventory,
    file,
    format: 'cloudready',
    ...entryLines(text, inventory),
    records: { imported: records, ignored: 0, rejected: 0 },
  };
}
