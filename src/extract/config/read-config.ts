import { unescapeString } from '../unescape-string.js';
import { parseJson } from '../../util/json-input.js';
import { LineCounter, parseAllDocuments, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { xmlProblem } from '../../util/xml-validation.js';
import type { ConfigEntry, ConfigFile, ConfigFormat } from './config-entries.js';

/**
 * Flattens a configuration file into positioned key/value entries, whatever its format, so that
 * endpoints, secrets and config conditions are written once. Malformed input is a problem with
 * its line; whatever could be read still counts.
 */
export function readConfig(file: string, format: ConfigFormat, text: string): ConfigFile {
  const result: ConfigFile = { file, format, entries: [], problems: [] };
  const problem = (message: string, line: number) =>
    result.problems.push({ message, location: { file, line, column: 1 } });
  switch (format) {
    case 'properties':
      result.entries = readProperties(text);
      break;
    case 'env':
      result.entries = readEnv(text);
      break;
    case 'ini':
      result.entries = readIni(text);
      break;
    case 'json': {
      // YAML reads JSON with positions, but also accepts what JSON does not: check JSON first.
      const json = parseJson(text);
      if (!json.ok) problem(json.message, json.line);
      else result.entries = readYaml(text, problem);
      break;
    }
    case 'yaml':
      result.entries = readYaml(text, problem);
      break;
    case 'toml':
      result.entries = readToml(text, problem);
      break;
    case 'xml':
      result.entries = readXml(text, problem);
      break;
    case 'dockerfile':
      result.entries = readDockerfile(text);
      break;
    case 'procfile':
      result.entries = readEnv(text.replace(/^(\w[\w-]*):\s*/gm, '$1='));
      break;
  }
  return result;
}

/** Java properties: `key=value`, `key: value` or `key value`; `\` continues; `#` and `!` comment. */
function readProperties(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!.trimStart();
    const match = /^((?:\\.|[^\s:=])+)\s*[:=\s]\s*(.*)$/.exec(line);
    // Values unescaped as java.util.Properties reads them: jdbc\:h2\:file is jdbc:h2:file.
    if (match)
      entries.push({
        key: match[1]!.replace(/\\(.)/g, '$1'),
        value: unescapeString(match[2]!.trim()),
        line: start + 1,
      });
  }
  return entries;
}

/**
 * Dockerfile instructions as entries (`FROM`, `EXPOSE`, `USER`, `HEALTHCHECK`, `ENV.NAME` ...),
 * continuation lines joined; a later stage's instructions follow the earlier ones'.
 */
function readDockerfile(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  // Only the last stage of a multi-stage build is the image that runs: earlier stages' instructions
  // keep their place but under `stage.NAME.` (`stage.builder.FROM`), so rules about the running image skip them.
  const stages: number[] = [];
  const stageNames: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trim()} ${lines[++i]!.trim()}`;
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const instruction = match[1]!.toUpperCase();
    if (instruction === 'FROM') {
      stages.push(entries.length);
      stageNames.push(/\s+as\s+([\w.-]+)\s*$/i.exec(match[2]!)?.[1] ?? String(stages.length - 1));
    }
    if (instruction === 'ENV' || instruction === 'ARG') {
      for (const pair of match[2]!.matchAll(/([\w.-]+)(?:=|\s+)("[^"]*"|'[^']*'|\S+)/g))
        entries.push({
          key: `${instruction}.${pair[1]}`,
          value: pair[2]!.replace(/^["']|["']$/g, ''),
          line: start + 1,
        });
    } else entries.push({ key: instruction, value: match[2]!, line: start + 1 });
  }
  for (let stage = 0; stage < stages.length - 1; stage++) {
    for (let at = stages[stage]!; at < stages[stage + 1]!; at++)
      entries[at]!.key = `stage.${stageNames[stage]}.${entries[at]!.key}`;
  }
  return entries;
}

/** .env files: `KEY=value`, optionally `export`ed and quoted. */
function readEnv(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!match) return;
    const value = match[2]!.trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    entries.push({ key: match[1]!, value: quoted ? quoted[2]! : value.replace(/\s+#.*$/, ''), line: index + 1 });
  });
  return entries;
}

/** INI: `[section]` then `key = value`; keys become `section.key`. */
function readIni(text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  let section = '';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      return;
    }
    const match = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (match)
      entries.push({ key: section ? `${section}.${match[1]}` : match[1]!, value: match[2]!.trim(), line: index + 1 });
  });
  return entries;
}

/** YAML (all documents of a stream) and JSON (a subset of YAML), scalars with their lines. */
function readYaml(text: string, problem: (message: string, line: number) => void): ConfigEntry[] {
  const lineCounter = new LineCounter();
  const entries: ConfigEntry[] = [];
  for (const document of parseAllDocuments(text, { lineCounter, uniqueKeys: false, logLevel: 'error' })) {
    if ('errors' in document && document.errors.length > 0) {
      const error = document.errors[0]!;
      // The position is reported as the line; the library's own "at line N, column M:" is dropped.
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problem(
        `malformed ${text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? 'JSON' : 'YAML'}: ${reason}`,
        lineCounter.linePos(error.pos[0]).line,
      );
      continue;
    }
    const walk = (node: unknown, path: string) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          walk(pair.value, path ? `${path}.${key}` : key);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => walk(item, `${path}[${index}]`));
      } else if (isScalar(node) && node.value !== null && node.value !== undefined) {
        const offset = (node as YamlNode).range?.[0] ?? 0;
        entries.push({ key: path, value: String(node.value), line: lineCounter.linePos(offset).line });
      }
    };
    walk(document.contents, '');
  }
  return entries;
}

/** TOML has no positions in its parser's output: each value's line is found by its key. */
function readToml(text: string, problem: (message: string, line: number) => void): ConfigEntry[] {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    problem(`malformed TOML: ${(error as Error).message.split('\n')[0]}`, line);
    return [];
  }
  // The first line that assigns each key, indexed once: looking each key up line by line was quadratic in the key count.
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const key = /^\s*"?([^"=\s]+)"?\s*=/.exec(line)?.[1];
    if (key !== undefined && !firstLine.has(key)) firstLine.set(key, index + 1);
  });
  const lineOf = (key: string) => firstLine.get(key) ?? 1;
  const entries: ConfigEntry[] = [];
  const walk = (value: unknown, path: string, leaf: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`, leaf));
    else if (value && typeof value === 'object' && !(value instanceof Date))
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key, key);
    else
      entries.push({
        key: path,
        value: value instanceof Date ? value.toISOString() : String(value),
        line: lineOf(leaf),
      });
  };
  walk(data, '', '');
  return entries;
}

/**
 * XML configuration: every attribute and text value with its element path. .NET-style
 * `<add key="K" value="V"/>` and `<add name="N" connectionString="C"/>` become `section.K` and
 * `section.N`, the way people refer to them.
 */
function readXml(text: string, problem: (message: string, line: number) => void): ConfigEntry[] {
  const invalid = xmlProblem(text);
  if (invalid) {
    problem(invalid.message, invalid.line);
    return [];
  }
  const entries: ConfigEntry[] = [];
  const stack: string[] = [];
  let line = 1;
  let last = 0;
  const tokens =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (const token of text.matchAll(tokens)) {
    for (let i = text.indexOf('\n', last); i !== -1 && i < token.index; i = text.indexOf('\n', i + 1)) line++;
    last = token.index;
    const [, cdata, closing, opening, attributeText, selfClosing, body] = token;
    if (closing) stack.pop();
    else if (opening) {
      const element = opening.replace(/^[\w.-]+:/, '');
      const attributes = [...(attributeText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map(
        (m) => [m[1]!, decode(m[2] ?? m[3] ?? '')] as const,
      );
      const named = element === 'add' ? attributes.find(([name]) => name === 'key' || name === 'name')?.[1] : undefined;
      const path = [...stack, named ?? element].join('.');
      for (const [name, value] of attributes) {
        if (named && (name === 'key' || name === 'name')) continue;
        entries.push({
          key: named && (name === 'value' || name === 'connectionString') ? path : `${path}.@${name}`,
          value,
          line,
        });
      }
      if (!selfClosing) stack.push(named ?? element);
    } else {
      const value = (cdata ?? body ?? '').trim();
      if (value && stack.length > 0) entries.push({ key: stack.join('.'), value: decode(value), line });
    }
  }
  return entries;
}

function decode(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
