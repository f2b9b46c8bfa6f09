import { describe, expect, it } from 'vitest';
import { factsOf } from './analyse.js';

describe('BMS and CICS CSD extractors', () => {
  it('BMS: the map set and its maps, across continued statements', async () => {
    const bms = [
      '* INQUIRY SCREEN',
      'INQSET   DFHMSD TYPE=&SYSPARM,MODE=INOUT,LANG=COBOL,                   X',
      '               TIOAPFX=YES',
      'INQMAP1  DFHMDI SIZE=(24,80)',
      'FIELD1   DFHMDF POS=(1,1),LENGTH=10',
      '         DFHMSD TYPE=FINAL',
    ].join('\n');
    const facts = await factsOf('bms/INQSET.bms', bms);
    expect(facts.units.map((u) => [u.id, u.kind, u.location.line])).toEqual([['INQSET', 'mapset', 2]]);
    expect(facts.definitions.map((d) => [d.kind, d.name, d.attributes])).toEqual([
      ['cics-map', 'INQMAP1', { mapset: 'INQSET' }],
    ]);
  });

  it('CSD: transactions start programs; files name their datasets', async () => {
    const csd = [
      ' DEFINE TRANSACTION(INQ1) GROUP(INQ) PROGRAM(INQPGM)',
      '        DESCRIPTION(CUSTOMER INQUIRY)',
      ' DEFINE FILE(CUSTFIL) GROUP(INQ) DSNAME(CUST.PROD.MASTER)',
    ].join('\n');
    const facts = await factsOf('csd/INQ.csd', csd);
    expect(facts.definitions.map((d) => [d.kind, d.name, d.attributes])).toEqual([
      ['cics-transaction', 'INQ1', { group: 'INQ', program: 'INQPGM', description: 'CUSTOMER INQUIRY' }],
      ['cics-file', 'CUSTFIL', { group: 'INQ', dsname: 'CUST.PROD.MASTER' }],
    ]);
    expect(facts.entryPoints.map((e) => [e.unit, e.kind, e.detail])).toEqual([['INQPGM', 'cics-transaction', 'INQ1']]);
  });
});
