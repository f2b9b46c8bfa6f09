#!/usr/bin/env node
// Part of `npm run build`: reads and checks the built-in rule packs (schema, patterns, languages)
// and the extractors' catalogue, and writes them to dist/rules.json, each with the SHA-256 of its
// YAML, so that a scan loads them without parsing YAML or checking a rule. A file whose YAML no
// longer matches is read from the YAML (src/compiled-rules.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { COMPILED_RULES } = await import(path.join(repo, 'dist/compiled-rules.js'));
const { loadRulePacks, BUILT_IN_RULES } = await import(path.join(repo, 'dist/assess/rules/load-rules.js'));
const { BUILT_IN_CATALOGUE, Catalogue } = await import(path.join(repo, 'dist/extract/source/catalogue.js'));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
// Checked from the YAML, never from an earlier compilation.
fs.rmSync(COMPILED_RULES, { force: true });
const packs = {};
for (const { pack, file } of await loadRulePacks([BUILT_IN_RULES]))
  packs[path.basename(file)] = { sha256: sha256(fs.readFileSync(file)), value: pack };
const catalogueYaml = fs.readFileSync(BUILT_IN_CATALOGUE, 'utf8');
const catalogue = { sha256: sha256(catalogueYaml), value: Catalogue.parse(parse(catalogueYaml)) };
fs.writeFileSync(COMPILED_RULES, JSON.stringify({ packs, catalogue }));
console.log(
  `compiled ${Object.keys(packs).length} rule packs and the extractors' catalogue into ${path.relative(repo, COMPILED_RULES)}`,
);
