import { describe, expect, it } from 'vitest';
import { cobolLines, factsOf } from './analyse.js';

describe('COBOL extractor', () => {
  const program = cobolLines([
    [' ', ' IDENTIFICATION DIVISION.'],
    [' ', ' PROGRAM-ID. ORDUPD.'],
    ['*', "    EXEC CICS XCTL PROGRAM('OLDPGM') END-EXEC."],
    [' ', ' DATA DIVISION.'],
    [' ', ' WORKING-STORAGE SECTION.'],
    [' ', " 01  WS-MSG PIC X(60) VALUE 'ORDER RECEIVED FOR PROCESSING BY"],
    ['-', "    'THE NIGHTLY RUN'."],
    [' ', " 01  WS-PGM PIC X(8) VALUE 'PRICING'."],
    [' ', '     COPY ORDREC.'],
    [' ', ' PROCEDURE DIVISION.'],
    [' ', "     EXEC CICS READ FILE('ORDFILE') INTO(ORD-REC)"],
    [' ', '               RIDFLD(WS-KEY) UPDATE END-EXEC.'],
    [' ', '     EXEC CICS REWRITE FILE(WS-FILE) FROM(ORD-REC) END-EXEC.'],
    [' ', '     EXEC SQL'],
    [' ', "         UPDATE ORDERS.ORDER_HDR SET STATUS = 'S'"],
    [' ', '          WHERE ORDER_ID IN (SELECT ORDER_ID FROM ORDERS.PICKLIST)'],
    [' ', '     END-EXEC.'],
    [' ', '     EXEC DLI GU USING PCB(1) SEGMENT(CUSTOMER) END-EXEC.'],
    [' ', "     CALL 'MQPUT' USING HCONN HOBJ MD PMO BUFLEN BUF CC RC."],
    [' ', "     CALL 'DATEUTIL' USING WS-DATE."],
    [' ', '     CALL WS-PGM USING ORD-REC.'],
    [' ', "     EXEC CICS RETURN TRANSID('OR01') END-EXEC."],
  ]);

  it('takes the program, copybooks, static and dynamic calls, skipping comment lines', async () => {
    const facts = await factsOf('src/ORDUPD.cbl', program);
    expect(facts.units).toEqual([
      { id: 'ORDUPD', name: 'ORDUPD', kind: 'program', location: { file: 'src/ORDUPD.cbl', line: 2, column: 9 } },
    ]);
    expect(facts.references.map((r) => [r.kind, r.to, r.dynamic ?? false, r.location.line])).toEqual([
      ['includes', 'ORDREC', false, 9],
      ['calls', 'DATEUTIL', false, 20],
      ['calls', 'WS-PGM', true, 21],
    ]);
    expect(JSON.stringify(facts)).not.toContain('OLDPGM');
  });

  it('reads CICS, SQL, DL/I and MQ commands with their resources and data access', async () => {
    const facts = await factsOf('src/ORDUPD.cbl', program);
    expect(facts.mainframe.map((m) => [m.family, m.verb, m.resources, m.dynamic ?? [], m.location.line])).toEqual([
      ['cics', 'READ', { FILE: 'ORDFILE' }, [], 11],
      ['cics', 'REWRITE', {}, ['FILE'], 13],
      ['sql', 'UPDATE', { TABLES: 'ORDERS.ORDER_HDR,ORDERS.PICKLIST' }, [], 14],
      ['dli', 'GU', { SEGMENT: 'CUSTOMER' }, [], 18],
      ['cics', 'RETURN', { TRANSID: 'OR01' }, [], 22],
      ['mq', 'MQPUT', {}, [], 19],
    ]);
    expect(facts.dataAccess.map((d) => [d.targetKind, d.target, d.mode, d.via])).toEqual([
      ['file', 'ORDFILE', 'read', 'cics-file'],
      ['table', 'ORDERS.ORDER_HDR', 'write', 'sql'],
      ['table', 'ORDERS.PICKLIST', 'read', 'sql'],
      ['segment', 'CUSTOMER', 'read', 'dli'],
    ]);
    expect(facts.entryPoints).toEqual([
      { unit: 'ORDUPD', kind: 'cics-transaction', detail: 'OR01', location: facts.units[0]!.location },
    ]);
  });

  it('joins continuation lines: a literal continued on the next line does not break the statement', async () => {
    const facts = await factsOf('src/ORDUPD.cbl', program);
    // The continued literal spans lines 6-7; the COPY on line 9 still maps to its own line.
    expect(facts.references[0]?.location).toEqual({ file: 'src/ORDUPD.cbl', line: 9, column: 13 });
    expect(facts.problems).toEqual([]);
  });

  it('reads a batch program: file control with OPEN modes, indexed files as VSAM', async () => {
    const batch = cobolLines([
      [' ', ' PROGRAM-ID. SETTLE.'],
      [' ', ' FILE-CONTROL.'],
      [' ', '     SELECT TXN-IN ASSIGN TO UT-S-TXNIN.'],
      [' ', '     SELECT ACCT ASSIGN TO ACCTMST ORGANIZATION IS INDEXED'],
      [' ', '            RECORD KEY IS ACCT-ID.'],
      [' ', '     SELECT RPT ASSIGN TO RPTOUT.'],
      [' ', ' PROCEDURE DIVISION.'],
      [' ', '     OPEN INPUT TXN-IN I-O ACCT'],
      [' ', '          OUTPUT RPT.'],
      [' ', '     STOP RUN.'],
    ]);
    const facts = await factsOf('SETTLE.cob', batch);
    expect(facts.dataAccess.map((d) => [d.target, d.mode, d.via])).toEqual([
      ['TXNIN', 'read', 'sequential-file'],
      ['ACCTMST', 'read', 'vsam'],
      ['ACCTMST', 'write', 'vsam'],
      ['RPTOUT', 'write', 'sequential-file'],
    ]);
    expect(facts.entryPoints.map((e) => e.kind)).toEqual(['batch-program']);
  });

  it('reads copybooks, free format, CRLF, a BOM and Latin-1 text', async () => {
    const copybook = await factsOf(
      'copy/CUSTREC.cpy',
      '      * Kundenstamm: Schlüssel\r\n       01  CUST-REC.\r\n           05 CUST-ID PIC X(8).\r\n',
    );
    expect(copybook.units.map((u) => [u.id, u.kind])).toEqual([['CUSTREC', 'copybook']]);
    const free = await factsOf(
      'free.cbl',
      '\uFEFF>>SOURCE FORMAT FREE\nIDENTIFICATION DIVISION.\nPROGRAM-ID. FREEPGM.\nPROCEDURE DIVISION.\n*> CALL "IGNORED"\nCALL "REALONE".\nSTOP RUN.\n',
    );
    expect(free.units[0]?.id).toBe('FREEPGM');
    expect(free.references.map((r) => r.to)).toEqual(['REALONE']);
    const latin1 = Buffer.from(
      cobolLines([
        [' ', ' PROGRAM-ID. PRUEF.'],
        ['*', ' Prüfung'],
        [' ', ' PROCEDURE DIVISION.'],
        [' ', "     CALL 'PRÜFMOD'."],
      ]),
      'latin1',
    );
    const facts = await factsOf('PRUEF.cbl', latin1);
    expect(facts.references.map((r) => r.to)).toEqual(['PRÜFMOD']);
  });

  it('reports an EXEC block without END-EXEC with its position, and keeps the rest', async () => {
    const facts = await factsOf(
      'BROKEN.cbl',
      cobolLines([
        [' ', ' PROGRAM-ID. BROKEN.'],
        [' ', ' PROCEDURE DIVISION.'],
        [' ', "     CALL 'FIRST'."],
        [' ', '     EXEC CICS RETURN'],
      ]),
    );
    expect(facts.problems).toEqual([
      { message: 'EXEC CICS without END-EXEC', location: { file: 'BROKEN.cbl', line: 4, column: 13 } },
    ]);
    expect(facts.references.map((r) => r.to)).toEqual(['FIRST']);
  });
});
