import type { ConfigEntry } from './config-entries.js';

/** A secret found in configuration: where it is and what kind, never its value. */
export interface Secret {
  key: string;
  kind: 'password' | 'secret' | 'token' | 'key' | 'connection-string' | 'url-credentials';
  line: number;
}

const SECRET_KEY = /(password|passwd|pwd|passphrase|secret|token|(api|access|private|secret|signing|encryption|client|master)[_-]?key|apikey|credential)s?$/i;
/**
 * Values that point to a secret instead of being one: ${VAR}, ${{ secrets.X }} (CI expressions),
 * %(var)s, {{ var }}, [parameters('x')] (ARM templates), <placeholder>, ****.
 */
const PLACEHOLDER = /^(\$\{\{[^}]*\}\}|\[\s*(parameters|variables|reference)\([^\]]*\]|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%\([^)]*\)s|\{\{.*\}\}|<[^>]*>|\*+|x+|changeme|null|none|true|false|your[-_ ]?[a-z_-]*|(change|replace)[-_ ]?(me|it|this)[a-z_-]*|(todo|tbd|dummy|placeholder)[a-z_-]*)$/i;

export function secretsIn(entries: ConfigEntry[]): Secret[] {
  const secrets: Secret[] = [];
  for (const { key, value, line } of entries) {
    const trimmed = value.trim();
    if (!trimmed || PLACEHOLDER.test(trimmed)) continue;
    const last = key.split(/[.@[]/).filter(Boolean).at(-1) ?? key;
    // Public keys and their tokens (assembly bindings' publicKeyToken) are published on purpose.
    if (/public[_-]?key/i.test(last)) continue;
    if (SECRET_KEY.test(last)) {
      secrets.push({ key, kind: /token/i.test(last) ? 'token' : /key/i.test(last) ? 'key' : /secret|credential/i.test(last) ? 'secret' : 'password', line });
    } else if (/(^|;)\s*(password|pwd)\s*=\s*[^;${\s][^;]*/i.test(trimmed)) {
      secrets.push({ key, kind: 'connection-string', line });
    } else if (/\b[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:[^@\s/${]+@/i.test(trimmed)) {
      secrets.push({ key, kind: 'url-credentials', line });
    }
  }
  return secrets;
}
