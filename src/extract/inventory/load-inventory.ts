import { InputError } from '../../errors.js';
import type { Diagnostic } from '../../result/schema.js';
import { parseYamlInput } from '../../util/yaml-input.js';
import { Inventory } from './inventory-schema.js';

/** Does this text look like cloudready's own inventory format (as opposed to any YAML under inventory/)? */
export function isCloudreadyInventory(text: string): boolean {
  return /^version:\s*1\s*$/m.test(text) && /^(hosts|applications|connections):/m.test(text) || /^\s*\{[\s\S]*"version"\s*:\s*1[\s\S]*"hosts"/.test(text);
}

/**
 * Reads one inventory file. A file that does not match the format is an error diagnostic with
 * its line and field, and the scan goes on without it; references to hosts the inventory does
 * not describe are warnings.
 */
export function loadInventory(text: string, file: string, diagnostics: Diagnostic[]): Inventory | undefined {
  let inventory: Inventory;
  try {
    inventory = parseYamlInput(text, file, Inventory, 'See docs/inventory.md for the inventory format.');
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const [first] = error.message.split('\n');
    const line = /^[^:]+:(\d+):/.exec(first ?? '')?.[1];
    diagnostics.push({ level: 'error', code: 'inventory-invalid', file, ...(line ? { line: Number(line) } : {}), message: (first ?? error.message).replace(/^[^:]+:(\d+:)?\s*/, '') });
    return undefined;
  }
  const hosts = new Set(inventory.hosts.map((host) => host.id));
  const unknown = (id: string, where: string) => diagnostics.push({ level: 'warning', code: 'inventory-reference', file, message: `${where} names host "${id}", which the inventory does not describe` });
  for (const app of inventory.applications) for (const host of app.hosts) if (!hosts.has(host)) unknown(host, `application ${app.id}`);
  for (const connection of inventory.connections) {
    if (!hosts.has(connection.source)) unknown(connection.source, 'a connection');
    if (!hosts.has(connection.target)) unknown(connection.target, 'a connection');
  }
  return inventory;
}
