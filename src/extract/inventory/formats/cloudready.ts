import { parseJson } from '../../../util/json-input.js';
import { isCloudreadyInventory, loadInventory } from '../load-inventory.js';
import type { InventoryFormatDescriptor } from './format-descriptor.js';

/** cloudready's own inventory, YAML or JSON (docs/inventory.md): hand-reconciled, so it wins over every export. */
export default {
  reads: 'text',
  format: 'cloudready',
  help: 'cloudready (YAML/JSON)',
  precedence: 10,
  priority: 10,
  recognises: (text) => isCloudreadyInventory(text),
  read(text, context) {
    // YAML reads JSON too, but names a JSON file's mistakes better as JSON.
    const json = /\.json$/i.test(context.file) ? parseJson(text) : undefined;
    if (json && !json.ok) {
      context.diagnostics.push({
        level: 'error',
        code: 'inventory-invalid',
        file: context.file,
        ...(json.line ? { line: json.line } : {}),
        message: json.message,
      });
      return undefined;
    }
    return loadInventory(text, context.file, context.diagnostics);
  },
} satisfies InventoryFormatDescriptor;
