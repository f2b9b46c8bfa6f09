import { describe, expect, it } from 'vitest';
import { continuesSecret, redactSecrets } from '../../src/assess/redact-secrets.js';

describe('redactSecrets', () => {
  it.each([
    ['reporting.db.password=Winter2014!', 'reporting.db.password=****'],
    // An unquoted value is hidden to the end of the line: where it ends cannot be told from its characters.
    [
      'connectionString="Server=db;User Id=sa;Password=Bill!ng2016;"',
      'connectionString="Server=db;User Id=sa;Password=****',
    ],
    ['db.password=correct horse, battery & staple; yes', 'db.password=****'],
    ['password: "two words, one & secret;"', 'password: "****"'],
    ['ds.setPassword("Pa55 w0rd"); ds.setUser(\'app\');', 'ds.setPassword("****"); ds.setUser(\'app\');'],
    ["builder.withApiKey('k-123').build()", "builder.withApiKey('****').build()"],
    ['new PasswordAuthentication(user, "hunter2")', 'new PasswordAuthentication(user, "****")'],
    ['  password: "s3cr3t-value"', '  password: "****"'],
    ['<add key="ApiKey" value="x"/> apiKey = ab12cd34', '<add key="ApiKey" value="x"/> apiKey = ****'],
    ['url = "amqp://orders:Pa55word@mq01:5672/"', 'url = "amqp://orders:****@mq01:5672/"'],
    ['client_secret => "abc123"', 'client_secret => "****"'],
    ['-----BEGIN RSA PRIVATE KEY-----MIIEow', '-----BEGIN PRIVATE KEY----- ****'],
    [
      "EXEC SQL CONNECT TO LEDGERDB USER 'LEDG' USING 'Led9er!' END-EXEC.",
      "EXEC SQL CONNECT TO LEDGERDB USER 'LEDG' USING '****' END-EXEC.",
    ],
    ['CONNECT scott IDENTIFIED BY tiger;', 'CONNECT scott IDENTIFIED BY ****;'],
  ])('masks %s', (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
  });

  it('leaves comparisons, empty values and calls without a literal alone', () => {
    expect(redactSecrets('if (password == null) return;')).toBe('if (password == null) return;');
    expect(redactSecrets('user.setPassword(encoder.encode(raw));')).toBe('user.setPassword(encoder.encode(raw));');
    expect(redactSecrets('password=')).toBe('password=');
  });

  it('a secret value continued on the next lines: a YAML block scalar, a .properties continuation', () => {
    const lines = (text: string) => ({ line: (at: number) => text.split('\n')[at - 1] ?? '' });
    const yaml = lines('db:\n  password: |\n    first-secret-line\n    second-secret-line\n  user: app');
    expect([3, 4, 5].map((at) => continuesSecret(yaml, at))).toEqual([true, true, false]);
    const properties = lines('db.password=abc\\\n    def\\\n    ghi\ndb.user=app\npath=C:\\\\\nnext=1');
    expect([2, 3, 4, 6].map((at) => continuesSecret(properties, at))).toEqual([true, true, false, false]);
  });

  it('leaves placeholders and ordinary text alone', () => {
    expect(redactSecrets('password: ${CATALOG_DB_PASSWORD}')).toBe('password: ${CATALOG_DB_PASSWORD}');
    expect(redactSecrets('EXEC CICS READ FILE(CARDMST)')).toBe('EXEC CICS READ FILE(CARDMST)');
    // A host variable names where the password is, not what it is; USING outside a CONNECT is no password.
    expect(redactSecrets('EXEC SQL CONNECT TO :DB USER :WS-USER USING :WS-PASSWORD END-EXEC.')).toBe(
      'EXEC SQL CONNECT TO :DB USER :WS-USER USING :WS-PASSWORD END-EXEC.',
    );
    expect(redactSecrets('SORT SORT-FILE ON ASCENDING KEY K USING INFILE GIVING OUTFILE')).toBe(
      'SORT SORT-FILE ON ASCENDING KEY K USING INFILE GIVING OUTFILE',
    );
  });
});
