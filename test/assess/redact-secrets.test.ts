import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/assess/redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    ['reporting.db.password=Winter2014!', 'reporting.db.password=****'],
    ['connectionString="Server=db;User Id=sa;Password=Bill!ng2016;"', 'connectionString="Server=db;User Id=sa;Password=****;"'],
    ['  password: "s3cr3t-value"', '  password: "****"'],
    ['<add key="ApiKey" value="x"/> apiKey = ab12cd34', '<add key="ApiKey" value="x"/> apiKey = ****'],
    ['url = "amqp://orders:Pa55word@mq01:5672/"', 'url = "amqp://orders:****@mq01:5672/"'],
    ['client_secret => "abc123"', 'client_secret => "****"'],
    ['-----BEGIN RSA PRIVATE KEY-----MIIEow', '-----BEGIN PRIVATE KEY----- ****'],
    ["EXEC SQL CONNECT TO LEDGERDB USER 'LEDG' USING 'Led9er!' END-EXEC.", "EXEC SQL CONNECT TO LEDGERDB USER 'LEDG' USING '****' END-EXEC."],
    ['CONNECT scott IDENTIFIED BY tiger;', 'CONNECT scott IDENTIFIED BY ****;'],
  ])('masks %s', (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
  });

  it('leaves placeholders and ordinary text alone', () => {
    expect(redactSecrets('password: ${CATALOG_DB_PASSWORD}')).toBe('password: ${CATALOG_DB_PASSWORD}');
    expect(redactSecrets('EXEC CICS READ FILE(CARDMST)')).toBe('EXEC CICS READ FILE(CARDMST)');
    // A host variable names where the password is, not what it is; USING outside a CONNECT is no password.
    expect(redactSecrets('EXEC SQL CONNECT TO :DB USER :WS-USER USING :WS-PASSWORD END-EXEC.')).toBe('EXEC SQL CONNECT TO :DB USER :WS-USER USING :WS-PASSWORD END-EXEC.');
    expect(redactSecrets('SORT SORT-FILE ON ASCENDING KEY K USING INFILE GIVING OUTFILE')).toBe('SORT SORT-FILE ON ASCENDING KEY K USING INFILE GIVING OUTFILE');
  });
});
