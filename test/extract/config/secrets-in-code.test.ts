import { describe, expect, it } from 'vitest';
import { secretsInCode } from '../../../src/extract/config/secrets.js';

describe('secrets written into source code', () => {
  it('finds literals given to names of passwords, secrets, tokens and keys, on their own lines', () => {
    const code = [
      'module.exports = {',
      "  sessionSecret: 'secret',",
      'dbPassword = "Winter2026!"',
      '  apiKey := "k-7f3a9c2e55d1"',
      "  'client_secret' => 'a8f0c2d4e6',",
      '}',
    ].join('\n');
    expect(secretsInCode(code)).toEqual([
      { key: 'sessionSecret', kind: 'secret', line: 2, inCode: true },
      { key: 'dbPassword', kind: 'password', line: 3, inCode: true },
      { key: 'apiKey', kind: 'key', line: 4, inCode: true },
      { key: 'client_secret', kind: 'secret', line: 5, inCode: true },
    ]);
  });

  it('leaves field names, labels, headers, references, paths and ternaries alone', () => {
    const code = [
      'PASSWORD = "password"',
      'passwordLabel = "Password"',
      'CSRF_TOKEN = "X-CSRF-TOKEN"',
      'secret = "${APP_SECRET}"',
      'token = "changeme"',
      'KEY_GOOGLE_API_KEY = "google_api_key"',
      'tmplAuthResetPassword = "auth/reset_passwd"',
      "mode = admin ? credential : 'password'",
      "antiForgeryToken: '@Html.AntiForgeryTokenValueOrchard()'",
      "REQUEST_TOKEN = 'request'",
    ].join('\n');
    expect(secretsInCode(code)).toEqual([]);
  });

  it('reads a long run of word characters once: a minified or base64 line does not stall it', () => {
    const code = `${'A'.repeat(100_000)}\nconst apiKey = "k-7f3a9c2e55d1";\n`;
    expect(secretsInCode(code)).toEqual([{ key: 'apiKey', kind: 'key', line: 2, inCode: true }]);
  });
});
