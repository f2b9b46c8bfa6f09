import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInventory } from '../../../src/extract/inventory/import-inventory.js';
import { parseNumber } from '../../../src/extract/inventory/inventory-values.js';
import type { Diagnostic } from '../../../src/result/schema.js';
import { makeTree } from '../../helpers/temp-tree.js';

async function load(name: string, text: string) {
  const root = await makeTree({ [name]: text });
  const abs = path.join(root, name);
  const diagnostics: Diagnostic[] = [];
  const loaded = await importInventory(
    { abs, file: name, size: (await fs.stat(abs)).size, explicit: true },
    diagnostics,
  );
  return {
    hosts: loaded?.inventory.hosts ?? [],
    records: loaded?.records,
    messages: diagnostics.map((d) => `${d.level} ${d.code} ${d.line ?? '-'} ${d.message}`),
  };
}

const HEADER = 'VM,Powerstate,Template,DNS Name,CPUs,Memory,Provisioned MiB,OS according to the VMware Tools';
const rows = (count: number, separator = ',') =>
  Array.from({ length: count }, (_, at) =>
    [
      `vm${String(at).padStart(3, '0')}`,
      'poweredOn',
      'False',
      `vm${at}.corp.example`,
      '4',
      '16384',
      '102400',
      'Ubuntu 22.04.4 LTS',
    ].join(separator),
  ).join('\n');

describe('an RVTools export as people hand it over', () => {
  it('re-saved by a German or French Excel (semicolons, dots between thousands) keeps its memory and disk sizes', async () => {
    const text = `${HEADER.replaceAll(',', ';')}\n${rows(3, ';').replaceAll('16384', '16.384').replaceAll('102400', '102.400')}\nvm-big;poweredOn;False;big;8;1.048.576;2.048.000,5;Ubuntu 22.04.4 LTS\n`;
    const { hosts, messages } = await load('RVTools_tabvInfo.csv', text);
    expect(messages).toEqual([]);
    expect(hosts.map((host) => [host.id, host.memoryGiB, host.storageGiB])).toEqual([
      ['vm000', 16, 100],
      ['vm001', 16, 100],
      ['vm002', 16, 100],
      ['vm-big', 1024, 2000],
    ]);
  });

  it('with a title line above the header reads every row, and says the title was skipped', async () => {
    const { hosts, records, messages } = await load(
      'RVTools_tabvInfo.csv',
      `RVTools export of vcenter-fra2.acme.corp, 2025-09-14\n${HEADER}\n${rows(200)}\n`,
    );
    expect(hosts).toHaveLength(200);
    expect(records).toEqual({ imported: 200, ignored: 0, rejected: 0 });
    expect(messages).toEqual(['info inventory-record 1 1 title line above the header skipped']);
    expect(hosts[0]).toMatchObject({ id: 'vm000', memoryGiB: 16, cpu: { cores: 4 } });
  });

  it('without a column it cannot do without gives one error naming the column and the columns found, not one per row', async () => {
    const { hosts, messages } = await load(
      'RVTools_tabvInfo.csv',
      `${HEADER.replace('VM,', 'Gastname,')}\n${rows(500)}\n`,
    );
    expect(hosts).toEqual([]);
    expect(messages).toEqual([
      'error inventory-columns 1 this vInfo export has no VM column, so none of its rows is read; its columns: Gastname, Powerstate, Template, DNS Name, CPUs, Memory, Provisioned MiB, OS according to the VMware Tools',
    ]);
  });

  it('without the columns of a fact says once that the fact is unknown for every VM', async () => {
    const { hosts, messages } = await load(
      'RVTools_tabvInfo.csv',
      `${HEADER.replace('CPUs', 'vCPU-Zahl')}\n${rows(50)}\n`,
    );
    expect(hosts).toHaveLength(50);
    expect(hosts[0]!.cpu).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^warning inventory-record 1 this vInfo export has no CPUs column: the vCPUs of every VM is unknown; its columns: VM, Powerstate/,
    );
  });
});

describe('headers in other languages', () => {
  it('reads a German, a French and a Japanese vInfo export as the English one', async () => {
    const german =
      'Name der VM;Betriebszustand;Vorlage;DNS-Name;Anzahl CPUs;Arbeitsspeicher;Bereitgestellt MiB;Betriebssystem laut VMware Tools\nsap01;poweredOn;False;sap01.corp.example;8;65.536;512.000;SUSE Linux Enterprise Server 15 SP5\n';
    const french =
      'Nom de la VM,État d’alimentation,Modèle,Nom DNS,Processeurs,Mémoire,Provisionné Mio,Système d’exploitation selon VMware Tools\ncompta01,poweredOn,False,compta01.corp.example,4,16384,102400,Microsoft Windows Server 2019 Standard\n';
    const japanese =
      '仮想マシン,電源状態,テンプレート,DNS名,CPU数,メモリ,プロビジョニング済み MiB,VMware Tools によるゲスト OS\nkikan01,poweredOn,False,kikan01.corp.example,2,8192,81920,Red Hat Enterprise Linux 9.4\n';
    for (const [text, id, cores, memory, os] of [
      [german, 'sap01', 8, 64, 'SUSE Linux Enterprise Server 15 SP5'],
      [french, 'compta01', 4, 16, 'Microsoft Windows Server 2019 Standard'],
      [japanese, 'kikan01', 2, 8, 'Red Hat Enterprise Linux 9.4'],
    ] as const) {
      const { hosts, messages } = await load('RVTools_tabvInfo.csv', text);
      expect(messages).toEqual([]);
      expect(hosts).toHaveLength(1);
      expect(hosts[0]).toMatchObject({ id, cpu: { cores }, memoryGiB: memory, osReported: os, powerState: 'on' });
    }
  });
});

describe('numbers as a file writes them', () => {
  it('reads dots as thousands and the comma as decimal where the file uses decimal commas', () => {
    expect(parseNumber('16.384', ',')).toBe(16384);
    expect(parseNumber('1.048.576,5', ',')).toBe(1048576.5);
    expect(parseNumber('401223,5', ',')).toBe(401223.5);
    // Without the file's say, one dot is a decimal point.
    expect(parseNumber('16.384')).toBe(16.384);
  });
});
