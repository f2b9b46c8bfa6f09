import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInventory } from '../../../src/extract/inventory/import-inventory.js';
import type { Diagnostic } from '../../../src/result/schema.js';
import { makeTree } from '../../helpers/temp-tree.js';

const HEADER =
  'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port';

describe('Azure Migrate dependency exports', () => {
  it('count a connection once per time slot, however many processes show it there', async () => {
    const rows: string[] = [];
    for (let hour = 0; hour < 5; hour++) {
      const slot = `01-03-2025 ${String(hour).padStart(2, '0')}:00`;
      // Three worker processes of one web server talk to the database in every slot.
      for (const process of ['w3wp.exe', 'w3wp.exe', 'dllhost.exe'])
        rows.push(`${slot},WEB01,10.1.0.5,IIS,${process},SQL01,10.1.0.9,SQL Server,sqlservr.exe,1433`);
    }
    rows.push('01-03-2025 02:00,WEB01,10.1.0.5,IIS,w3wp.exe,REDIS01,10.1.0.12,Redis,redis-server,6379');
    const root = await makeTree({ 'deps.csv': `${HEADER}\n${rows.join('\n')}\n` });
    const diagnostics: Diagnostic[] = [];
    const loaded = await importInventory(
      {
        abs: path.join(root, 'deps.csv'),
        file: 'deps.csv',
        size: (await fs.stat(path.join(root, 'deps.csv'))).size,
        explicit: true,
      },
      diagnostics,
    );
    expect(diagnostics).toEqual([]);
    expect(loaded?.inventory.connections.map(({ target, port, observations }) => [target, port, observations])).toEqual(
      [
        ['SQL01', 1433, 5],
        ['REDIS01', 6379, 1],
      ],
    );
  });
});
