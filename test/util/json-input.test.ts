import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/util/json-input.js';

describe('parseJson', () => {
  it('a malformed file is a message with its line that never repeats the input, which may be a secret', () => {
    const unquoted = parseJson('{\n  "user": "app",\n  "password": hunter2-secret\n}');
    expect(unquoted).toMatchObject({ ok: false });
    expect(JSON.stringify(unquoted)).not.toContain('hunter2');
    expect(unquoted.ok ? '' : unquoted.message).toMatch(/^malformed JSON: Unexpected token/);
    const trailing = parseJson('{ "a": 1,\n}');
    expect(trailing).toMatchObject({
      ok: false,
      line: 2,
      message: expect.stringMatching(/^malformed JSON: Expected double-quoted property name in JSON at position 10/),
    });
  });
});
