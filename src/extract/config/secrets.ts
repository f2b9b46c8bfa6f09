import type { ConfigEntry } from './config-entries.js';

/** A secret found in configuration: where it is and what kind, never its value. */
export interface Secret {
  key: string;
  kind: 'password' | 'secret' | 'token' | 'key' | 'connection-string' | 'url-credentials';
  line: number;
  /** Set for a literal in source code; absent for a configuration setting. */
  inCode?: true;
}

const SECRET_KEY =
  /(password|passwd|pwd|passphrase|secret|token|(api|access|private|secret|signing|encryption|client|master)[_-]?key|apikey|credential)s?$/i;
/**
 * Values that point to a secret instead of being one: ${VAR}, ${{ secrets.X }} (CI expressions),
 * %(var)s, {{ var }}, [parameters('x')] (ARM templates), <placeholder>, ****.
 */
const PLACEHOLDER =
  /^(\$\{\{[^}]*\}\}|\[\s*(parameters|variables|reference)\([^\]]*\]|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%\([^)]*\)s|\{\{.*\}\}|<[^>]*>|\*+|x+|changeme|null|none|true|false|your[-_ ]?[a-z_-]*|(change|replace)[-_ ]?(me|it|this)[a-z_-]*|(todo|tbd|dummy|placeholder)[a-z_-]*)$/i;

export function secretsIn(entries: ConfigEntry[]): Secret[] {
  const secrets: Secret[] = [];
  for (const { key, value, line } of entries) {
    const trimmed = value.trim();
    if (!trimmed || PLACEHOLDER.test(trimmed)) continue;
    const last = key.split(/[.@[]/).filter(Boolean).at(-1) ?? key;
    // Public keys and their tokens (assembly bindings' publicKeyToken) are published on purpose.
    if (/public[_-]?key/i.test(last)) continue;
    // Settings about a secret rather than the secret: a permission level (`permissions: id-token:
    // write` in a workflow), a switch or a count (`token.enabled: true`, `password.min-length: 8`).
    if (
      /^(read|write|none|read-all|write-all|true|false|yes|no|on|off|enabled|disabled|required|optional|\d{1,4})$/i.test(
        trimmed,
      )
    )
      continue;
    if (SECRET_KEY.test(last)) {
      secrets.push({
        key,
        kind: /token/i.test(last)
          ? 'token'
          : /key/i.test(last)
            ? 'key'
            : /secret|credential/i.test(last)
              ? 'secret'
              : 'password',
        line,
      });
    } else if (/(^|;)\s*(password|pwd)\s*=\s*[^;${\s][^;]*/i.test(trimmed)) {
      secrets.push({ key, kind: 'connection-string', line });
    } else if (/\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:[^@\s/${]+@/i.test(trimmed)) {
      secrets.push({ key, kind: 'url-credentials', line });
    }
  }
  return secrets;
}

/** `name = "value"`, `name: 'value'`, `name := "value"`, `'name' => 'value'`: a quoted value without spaces or escapes. */
// A colon directly after the name (object keys, dict keys): ` : ` with a space before is a ternary's.
// The name starts after a non-word character, so a long run of word characters (a minified or
// base64 line) is scanned once, not once from every position in it.
const CODE_ASSIGNMENT = /(?:^|[^\w$])([A-Za-z_$][\w$]*)(?:["']?:|["']?\s*(?::=|=>|=))\s*(["'`])([^"'`\s\\]{4,200})\2/g;
/** Common weak secrets: a lowercase word is otherwise an identifier ('request', 'username'). */
const WEAK_SECRET =
  /^(secret|password|passwd|pass|admin|root|letmein|qwerty|welcome|default|master|guest|changeit|s3cr3t|p@ssw0rd)$/;

/**
 * Secrets written as literals in source code (its comments blanked): an identifier that names a
 * password, secret, token or API key, given a literal that is not a label, a placeholder, a header
 * name, a reference or the identifier's own name (`PASSWORD = "password"` names a form field).
 */
export function secretsInCode(masked: string): Secret[] {
  const secrets: Secret[] = [];
  let line = 1;
  let counted = 0;
  for (const match of masked.matchAll(CODE_ASSIGNMENT)) {
    const [, name, , value] = match as unknown as [string, string, string, string];
    if (
      !SECRET_KEY.test(name) ||
      /public[_-]?key|^(type|input|field|label|header|param)/i.test(name) ||
      /(Field|Label|Header|Name|Param|Url|Uri|Path|File|Length|Pattern|Regex|Type|Id)$/.test(name)
    )
      continue;
    if (PLACEHOLDER.test(value) || value.toLowerCase().replace(/[-_]/g, '') === name.toLowerCase().replace(/[-_]/g, ''))
      continue;
    // A capitalised word is a label ("Password", "Passwort"), a lowercase one an identifier, unless a known weak secret.
    if (/^[A-Z][a-z]+$/.test(value) || (/^[a-z]+$/.test(value) && !WEAK_SECRET.test(value))) continue;
    // Paths, template names and snake_case identifiers: auth/reset_passwd, login_username.
    if (/^[\w.-]+(\/[\w.-]+)+$/.test(value) || /^[a-z]+(_[a-z]+)+$/.test(value)) continue;
    // Header names, paths, URLs, references, template expressions (Razor @..., calls) are not values.
    if (/^[A-Za-z]+(-[A-Za-z]+)+$|^[./~@]|:\/\/|^\$|%|[{}()]|^(Bearer|Basic|Token)$/i.test(value)) continue;
    // A name built on the secret word names a setting or a message (customerPassword, google_api_key,
    // ORCHARD_USERS_RESETPASSWORD); the bare word itself ('secret', 'password') is a weak secret.
    const word = /password|passwd|pwd|secret|token|key|credential/i.exec(name)?.[0].toLowerCase();
    const lower = value.toLowerCase();
    if (word && lower !== word && lower.includes(word)) continue;
    if (/^(KEY|PARAM|PROP|PROPERTY|ATTR|CONF|CONFIG|COOKIE|SESSION|HEADER|FIELD|MSG|MESSAGE)_/.test(name)) continue;
    // Line numbers counted as the matches go, once over the text, up to where the name starts.
    const start = match.index! + match[0].indexOf(name);
    for (; counted < start; counted++) if (masked.charCodeAt(counted) === 10) line++;
    secrets.push({
      key: name,
      kind: /token/i.test(name)
        ? 'token'
        : /key/i.test(name)
          ? 'key'
          : /secret|credential/i.test(name)
            ? 'secret'
            : 'password',
      line,
      inCode: true,
    });
  }
  return secrets;
}
