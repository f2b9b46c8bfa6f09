import type { AccessMode } from './source-facts.js';

export interface SqlStatement {
  readonly verb: string;
  readonly tables: readonly { readonly name: string; readonly mode: AccessMode }[];
}

const IDENTIFIER = String.raw`((?:"[^"]+"|\[[^\]]+\]|[A-Za-z_#@$][\w#@$]*)(?:\.(?:"[^"]+"|\[[^\]]+\]|[A-Za-z_#@$][\w#@$]*)){0,2})`;
const READ_TABLE = new RegExp(String.raw`\b(?:FROM|JOIN)\s+${IDENTIFIER}`, 'gi');
const WRITE_TABLE = new RegExp(
  String.raw`\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE\s+TABLE|INTO)\s+${IDENTIFIER}`,
  'gi',
);
const SQL_START = /^\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|DECLARE|TRUNCATE|CREATE|ALTER|DROP|CALL|EXEC)\b/i;
/** Words a naive FROM/INTO match would take for tables. */
const NOT_TABLES = new Set(['SELECT', 'DUAL', 'LATERAL', 'UNNEST', 'TABLE', 'VALUES', 'SYSIBM.SYSDUMMY1']);

/** True when a string literal reads like a SQL statement rather than prose. */
export function looksLikeSql(text: string): boolean {
  if (!SQL_START.test(text)) return false;
  return /\b(FROM|INTO|SET|WHERE|VALUES|TABLE)\b/i.test(text);
}

/** Statements already read: the same SQL recurs across the DAOs of a code base. */
const memo = new Map<string, SqlStatement>();
const MEMO_LIMIT = 10_000;

/**
 * Tables a SQL statement reads and writes. A lexical reading, not a parser: enough to attribute
 * table access to the unit that holds the statement, which is what the model needs. The result
 * is shared between callers: read it, never change it.
 */
export function sqlTables(sql: string): SqlStatement {
  let statement = memo.get(sql);
  if (!statement) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    statement = readStatement(sql);
    memo.set(sql, statement);
  }
  return statement;
}

function readStatement(sql: string): SqlStatement {
  const text = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/\s+/g, ' ');
  const verb = (/^\s*(\w+)/.exec(text)?.[1] ?? '').toUpperCase();
  const tables = new Map<string, AccessMode>();
  const add = (name: string | undefined, mode: AccessMode) => {
    if (!name) return;
    const clean = name.replace(/["[\]]/g, '').toUpperCase();
    if (NOT_TABLES.has(clean) || clean.startsWith(':') || /^\d/.test(clean)) return;
    if (tables.get(clean) !== 'write') tables.set(clean, mode);
  };
  // SELECT ... INTO :host-variables is not a write: only take INTO after INSERT/MERGE.
  const intoIsWrite = /^(INSERT|MERGE)$/.test(verb);
  for (const match of text.matchAll(WRITE_TABLE)) {
    if (/^INTO\b/i.test(match[0]) && !intoIsWrite) continue;
    add(match[1], 'write');
  }
  for (const match of text.matchAll(READ_TABLE)) {
    // DELETE FROM t is a write, already taken (whitespace is one space by now).
    if (text.slice(Math.max(0, match.index - 7), match.index).toUpperCase() === 'DELETE ') continue;
    add(match[1], 'read');
  }
  return { verb, tables: [...tables].map(([name, mode]) => ({ name, mode })) };
}
