#!/usr/bin/env node
// Writes the JSON Schema files editors use for completion, generated from the zod schemas so
// they never drift. Run after `npm run build`; a test checks the committed files are current.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function schemaFiles() {
  const { Inventory } = await import(path.join(repo, 'dist/extract/inventory/inventory-schema.js'));
  const { RulePack } = await import(path.join(repo, 'dist/assess/rules/rule-schema.js'));
  const { Config } = await import(path.join(repo, 'dist/config/config-schema.js'));
  return {
    'schemas/inventory.schema.json': { title: 'cloudready inventory', ...z.toJSONSchema(Inventory, { io: 'input' }) },
    'schemas/rule-pack.schema.json': { title: 'cloudready rule pack', ...z.toJSONSchema(RulePack, { io: 'input' }) },
    'schemas/cloudready.schema.json': { title: 'cloudready.yaml', ...z.toJSONSchema(Config, { io: 'input' }) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, schema] of Object.entries(await schemaFiles())) {
    fs.writeFileSync(path.join(repo, file), `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}
