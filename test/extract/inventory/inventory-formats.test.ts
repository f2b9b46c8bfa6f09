import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVENTORY_FORMATS } from '../../../src/extract/inventory/formats/index.js';
import {
  declaredFormat,
  FORMATS_HELP,
  precedenceOf,
  TABLE_FORMATS,
  TEXT_FORMATS,
} from '../../../src/extract/inventory/inventory-formats.js';

describe('inventory format descriptors (src/extract/inventory/formats/)', () => {
  it('tries text formats, then tabular ones, in their explicit priority order', () => {
    expect(TEXT_FORMATS.map(({ format }) => format)).toEqual(['cloudready', 'netstat', 'ansible']);
    // AWS before Azure Migrate: its agent connection files share column names with Azure's.
    expect(TABLE_FORMATS.map(({ format, help }) => `${format}: ${help}`)).toEqual([
      'rvtools: RVTools (.xlsx or per-sheet CSV)',
      'aws-cmf: AWS Cloud Migration Factory intake CSV',
      'aws-ads: AWS Application Discovery Service exports, AWS Migration Hub import CSV',
      'azure-migrate: Azure Migrate dependencies CSV',
      'azure-migrate: Azure Migrate server import CSV',
      'cloudready-csv: cloudready CSV',
    ]);
  });

  it('a file cloudready.yaml declares is read by its format, which nothing else recognises', () => {
    expect(declaredFormat('cmdb-csv')?.recognises).toBeUndefined();
    expect(TABLE_FORMATS.map(({ format }) => format)).not.toContain('cmdb-csv');
  });

  it('ranks what people reconciled over what tools measured over what was declared elsewhere', () => {
    const order = [...new Set(INVENTORY_FORMATS.map(({ format }) => format))].sort(
      (a, b) => precedenceOf(a) - precedenceOf(b),
    );
    expect(order).toEqual([
      'cloudready',
      'cloudready-csv',
      'rvtools',
      'aws-ads',
      'azure-migrate',
      'cmdb-csv',
      'aws-cmf',
      'ansible',
      'netstat',
    ]);
  });

  it('names every format in --help and in docs/inventory.md', () => {
    const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/inventory.md'), 'utf8');
    for (const { help } of INVENTORY_FORMATS) expect(FORMATS_HELP).toContain(help);
    for (const name of [
      'RVTools',
      'Azure Migrate',
      'Application Discovery Service',
      'Migration Hub',
      'Cloud Migration Factory',
      'Ansible',
      'netstat',
      'CMDB',
    ])
      expect(docs).toContain(name);
  });
});
