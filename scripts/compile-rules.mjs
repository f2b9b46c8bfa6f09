#!/usr/bin/env node
// Part of `npm run build`: reads and checks the built-in rule packs (schema, patterns, languages)
// and writes them to dist/rules.json, each with the SHA-256 of its YAML, so that a scan loads them
// without parsing YAML or checking a rule. A pack whose YAML no longer matches is read from the YAML.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadRulePacks, BUILT_IN_RULES, COMPILED_RULES } = await import(path.join(repo, 'dist/assess/rules/load-rules.js'));
// Checked from the YAML, never from an earlier compilation.
fs.rmSync(COMPILED_RULES, { force: true });
const packs = {};
for (const { pack, file } of await loadRulePacks([BUILT_IN_RULES])) {
  packs[path.basename(file)] = { sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'), pack };
}
fs.writeFileSync(COMPILED_RULES, JSON.stringify({ packs }));
console.log(`compiled ${Object.keys(packs).length} rule packs into ${path.relative(repo, COMPILED_RULES)}`);
