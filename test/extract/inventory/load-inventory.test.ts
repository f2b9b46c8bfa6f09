import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEstate } from '../../../src/model/estate.js';
import { isCloudreadyInventory, loadInventory } from '../../../src/extract/inventory/load-inventory.js';
import type { Diagnostic } from '../../../src/result/schema.js';
import { REPO } from '../../helpers/run-cli.js';

describe('cloudready inventory', () => {
  it('loads the demo inventory: hosts with software and licences, applications with SLAs, connections', async () => {
    const text = await fs.readFile(path.join(REPO, 'fixtures/demo-portfolio/inventory/hosts.yaml'), 'utf8');
    expect(isCloudreadyInventory(text)).toBe(true);
    const diagnostics: Diagnostic[] = [];
    const loaded = loadInventory(text, 'inventory/hosts.yaml', diagnostics);
    const inventory = loaded?.inventory;
    expect(diagnostics).toEqual([]);
    // Entry lines, for evidence that points into the inventory.
    expect(loaded?.lines.get('host:zos-prd1')).toBe(
      text.split('\n').findIndex((line) => line.includes('id: zos-prd1')) + 1,
    );
    expect(loaded?.lines.get('app:risk-batch')).toBe(
      text.split('\n').findIndex((line) => line.includes('id: risk-batch')) + 1,
    );
    expect(inventory?.hosts.map((h) => h.platform)).toEqual(
      expect.arrayContaining(['z/OS', 'AIX', 'Windows', 'Linux']),
    );
    expect(inventory?.hosts.find((h) => h.id === 'riskhpc01')?.software[0]?.licence).toEqual({
      model: 'node-locked',
      hostId: '0x1a2b3c4d',
      byol: false,
    });
    expect(inventory?.applications.find((a) => a.id === 'card-authorisation')?.sla).toEqual({
      availability: 99.99,
      rtoMinutes: 15,
      rpoMinutes: 0,
      criticality: 'mission-critical',
      dataClassification: 'pci-dss',
    });
    expect(inventory?.connections).toHaveLength(7);
  });

  it('a misspelt field or a wrong value is an error with its line; the scan goes on without the file', () => {
    const diagnostics: Diagnostic[] = [];
    const text = 'version: 1\nhosts:\n  - id: a\n    platfrom: Linux\n';
    // The misspelt key's own line (4), not its host's (3).
    expect(loadInventory(text, 'inventory/bad.yaml', diagnostics)).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        level: 'error',
        code: 'inventory-invalid',
        file: 'inventory/bad.yaml',
        line: 4,
        message: expect.stringContaining('Unrecognized key: "platfrom"'),
      },
    ]);
    const licence: Diagnostic[] = [];
    loadInventory(
      'version: 1\nhosts:\n  - id: a\n    software:\n      - name: X\n        licence: { model: perpetual }\n',
      'inventory/licence.yaml',
      licence,
    );
    expect(licence[0]).toMatchObject({ code: 'inventory-invalid', line: 6 });
  });

  it('an application on a host no inventory describes is a warning; a connection to one is traffic to an unknown machine', () => {
    const diagnostics: Diagnostic[] = [];
    const loaded = loadInventory(
      'version: 1\nhosts:\n  - id: a\napplications:\n  - id: shop\n    hosts: [a, b]\nconnections:\n  - { source: a, target: c, port: 443 }\n',
      'inventory/refs.yaml',
      diagnostics,
    );
    const estate = buildEstate([loaded!], diagnostics);
    expect(diagnostics.map((d) => [d.level, d.line, d.message])).toEqual([
      ['warning', 5, 'application shop names host "b", which no inventory describes'],
    ]);
    expect(estate.applications).toMatchObject([{ id: 'shop', hosts: ['a'] }]);
    expect(estate.connections).toMatchObject([
      { source: 'a', sourceHost: 'a', target: 'c', targetHost: undefined, port: 443, line: 8 },
    ]);
  });

  it('other YAML under inventory/ (Ansible, say) is not taken for this format', () => {
    expect(isCloudreadyInventory('all:\n  hosts:\n    web01:\n')).toBe(false);
  });

  it('the committed JSON Schema is generated from the zod schema (run npm run schemas to refresh it)', async () => {
    const { schemaFiles } = (await import(path.join(REPO, 'scripts/generate-schemas.mjs'))) as {
      schemaFiles: () => Promise<Record<string, unknown>>;
    };
    for (const [file, schema] of Object.entries(await schemaFiles())) {
      expect(JSON.parse(await fs.readFile(path.join(REPO, file), 'utf8')), file).toEqual(
        JSON.parse(JSON.stringify(schema)),
      );
    }
  });
});
