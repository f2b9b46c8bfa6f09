import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/extract/read-text.js';

describe('decodeText', () => {
  it('reads UTF-8 and strips a BOM', () => {
    const result = decodeText(Buffer.from('\uFEFFclass Größe {}', 'utf8'), 'a.java');
    expect(result).toEqual({ ok: true, text: 'class Größe {}', encoding: 'utf-8' });
  });

  it('reads UTF-16 with either byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('EXEC CICS', 'utf16le')]);
    expect(decodeText(le, 'a.cbl')).toEqual({ ok: true, text: 'EXEC CICS', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.cbl')).toMatchObject({
      ok: true,
      text: 'EXEC CICS',
    });
  });

  it('falls back to Latin-1 for legacy sources that are not valid UTF-8', () => {
    const latin1 = Buffer.from('* Prüfung der Kartennummer', 'latin1');
    expect(decodeText(latin1, 'a.cbl')).toEqual({ ok: true, text: '* Prüfung der Kartennummer', encoding: 'latin1' });
  });

  it('refuses binary content with a diagnostic naming the file', () => {
    const result = decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]), 'lib/fake.java');
    expect(result).toEqual({
      ok: false,
      diagnostic: {
        level: 'warning',
        code: 'binary-file',
        file: 'lib/fake.java',
        message: expect.stringContaining('binary'),
      },
    });
  });
});
