import { describe, expect, it } from 'vitest';
import { looksLikeSql, sqlTables } from '../../../src/extract/source/sql-tables.js';

describe('sqlTables', () => {
  it('reads the tables a statement reads and writes', () => {
    expect(sqlTables('SELECT o.ID FROM ORDERS o JOIN customers c ON o.CUST = c.ID')).toEqual({
      verb: 'SELECT',
      tables: [
        { name: 'ORDERS', mode: 'read' },
        { name: 'CUSTOMERS', mode: 'read' },
      ],
    });
    expect(sqlTables('INSERT INTO billing."Invoice" (ID) SELECT ID FROM ORDERS').tables).toEqual([
      { name: 'BILLING.INVOICE', mode: 'write' },
      { name: 'ORDERS', mode: 'read' },
    ]);
  });

  it('takes DELETE FROM as a write, whatever whitespace or case separates the words', () => {
    expect(sqlTables('delete\n\t from LEDGER where ID = ?').tables).toEqual([{ name: 'LEDGER', mode: 'write' }]);
    expect(sqlTables('UPDATE STOCK SET QTY = (SELECT SUM(Q) FROM MOVES) WHERE ID = ?').tables).toEqual([
      { name: 'STOCK', mode: 'write' },
      { name: 'MOVES', mode: 'read' },
    ]);
  });

  it('does not take SELECT ... INTO host variables or string contents for tables', () => {
    expect(sqlTables("SELECT NAME INTO :WS-NAME FROM CUSTOMER WHERE NOTE = 'FROM SHADOW'").tables).toEqual([
      { name: 'CUSTOMER', mode: 'read' },
    ]);
  });

  it('gives the same answer for a statement read again (the memo)', () => {
    const sql = 'MERGE INTO ACCOUNT_BALANCE USING STAGING ON (1 = 1)';
    const first = sqlTables(sql);
    expect(sqlTables(sql)).toEqual(first);
    expect(first.tables).toEqual([{ name: 'ACCOUNT_BALANCE', mode: 'write' }]);
  });

  it('reads a long generated statement in linear time', () => {
    const joins = Array.from({ length: 2000 }, (_, i) => `JOIN T${i} ON T${i}.ID = A.ID`).join(' ');
    const statement = sqlTables(`DELETE FROM A WHERE ID IN (SELECT A.ID FROM A ${joins})`);
    expect(statement.tables).toHaveLength(2001);
    expect(statement.tables[0]).toEqual({ name: 'A', mode: 'write' });
  });
});

describe('looksLikeSql', () => {
  it('tells statements from prose', () => {
    expect(looksLikeSql('SELECT * FROM T')).toBe(true);
    expect(looksLikeSql('Update available: restart to install')).toBe(false);
    expect(looksLikeSql('Please update your profile')).toBe(false);
  });
});
