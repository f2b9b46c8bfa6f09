import { describe, expect, it } from 'vitest';
import { factsOf } from './analyse.js';

/** Assembler layout: name in column 1, operation from 10, operands from 16; X in column 72 continues. */
function asm(lines: [name: string, operation: string, operands: string, continued?: boolean][]): string {
  return lines
    .map(
      ([name, op, operands, continued]) =>
        `${name.padEnd(9)}${`${op} `.padEnd(6)}${operands}`.padEnd(continued ? 71 : 0) + (continued ? 'X' : ''),
    )
    .join('\n');
}

describe('IMS DBD and PSB extractor', () => {
  it('a DBD is a database unit with its segments', async () => {
    const dbd = asm([
      ['', 'DBD', 'NAME=CUSTDB,ACCESS=(HIDAM,VSAM)'],
      ['', 'DATASET', 'DD1=CUSTDD,DEVICE=3390'],
      ['', 'SEGM', 'NAME=CUSTOMER,PARENT=0,BYTES=120', true],
      ['', '', '      POINTER=TWIN'],
      ['', 'SEGM', 'NAME=ACCOUNT,PARENT=CUSTOMER,BYTES=80'],
      ['', 'DBDGEN', ''],
    ]);
    const facts = await factsOf('ims/CUSTDB.dbd', `* CUSTOMER DATABASE\n${dbd}\n`);
    expect(facts.units.map((u) => [u.id, u.kind, u.location.line])).toEqual([['CUSTDB', 'database', 2]]);
    expect(facts.definitions.map((d) => d.attributes)).toEqual([
      { access: 'HIDAM,VSAM', segments: 'CUSTOMER,ACCOUNT' },
    ]);
  });

  it('a PSB names the databases and segments a program may read or update', async () => {
    const psb = asm([
      ['', 'PCB', 'TYPE=DB,DBDNAME=CUSTDB,PROCOPT=G,KEYLEN=16'],
      ['', 'SENSEG', 'NAME=CUSTOMER,PARENT=0'],
      ['', 'PCB', 'TYPE=DB,DBDNAME=ORDDB,PROCOPT=A'],
      ['', 'SENSEG', 'NAME=ORDER,PARENT=0'],
      ['', 'PSBGEN', 'LANG=COBOL,PSBNAME=CUSTPSB'],
    ]);
    const facts = await factsOf('ims/CUSTPSB.psb', psb);
    expect(facts.units.map((u) => [u.id, u.kind])).toEqual([['CUSTPSB', 'program-spec']]);
    expect(facts.references.map((r) => r.to)).toEqual(['CUSTDB', 'ORDDB']);
    expect(facts.dataAccess.map((d) => [d.target, d.mode])).toEqual([
      ['CUSTDB.CUSTOMER', 'read'],
      ['ORDDB.ORDER', 'write'],
    ]);
  });
});

describe('assembler extractor', () => {
  it('CSECTs are program units; CALL, LINK EP=, COPY and EXEC CICS; comment lines ignored', async () => {
    const source = [
      '* CALL OLDPGM  (a comment line)',
      asm([
        ['PAYCALC', 'CSECT', ''],
        ['', 'COPY', 'PAYREGS'],
        ['', 'CALL', 'PAYRATE,(PARM1,PARM2)'],
        ['', 'LINK', 'EP=PAYPRINT'],
        ['', 'CALL', '(15)'],
        ['', 'EXEC', "CICS LINK PROGRAM('PAYAUDIT') COMMAREA(AREA)"],
        ['PAYSUB', 'CSECT', ''],
        ['', 'XCTL', 'EP=PAYEND'],
      ]),
    ].join('\n');
    const facts = await factsOf('asm/PAYCALC.asm', source);
    expect(facts.units.map((u) => u.id)).toEqual(['PAYCALC', 'PAYSUB']);
    expect(facts.references.map((r) => [r.from, r.kind, r.to, r.dynamic ?? false])).toEqual([
      ['PAYCALC', 'includes', 'PAYREGS', false],
      ['PAYCALC', 'calls', 'PAYRATE', false],
      ['PAYCALC', 'calls', 'PAYPRINT', false],
      ['PAYCALC', 'calls', '(15)', true],
      ['PAYCALC', 'calls', 'PAYAUDIT', false],
      ['PAYSUB', 'calls', 'PAYEND', false],
    ]);
    expect(facts.mainframe.map((m) => [m.family, m.verb, m.resources])).toEqual([
      ['cics', 'LINK', { PROGRAM: 'PAYAUDIT' }],
    ]);
  });
});
