import { isMap, isScalar, LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { InventoryBuilder } from '../inventory-builder.js';
import { isIpAddress, parsePositiveInteger, platformOf } from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * Ansible inventories, INI and YAML: groups, children and host variables. Hosts keep every group
 * they belong to (directly or through children), so that a group named like an application
 * places that application on them. Only the variables cloudready understands are read: a
 * password in an inventory is never copied anywhere.
 */
const MAX_EXPANDED_HOSTS = 10_000;
/** Hosts one inventory file may name, ranges included: more is not an inventory but an attack on memory. */
const MAX_HOSTS_PER_FILE = 100_000;
/** Groups followed up through :children from one group: a chain 50,000 deep is read to this depth. */
const MAX_ANCESTORS = 1_000;

/** INI with [group] sections whose lines start with a host name (vars sections aside). */
export function isAnsibleIni(text: string): boolean {
  if (/^\s*ansible_(host|user|connection|port)\s*=/m.test(text) || /\sansible_(host|user|connection)=/.test(text))
    return true;
  const sections = [...text.matchAll(/^\[([^\]\s]+)\]\s*$/gm)].map((match) => match[1]!);
  return sections.some((name) => name.endsWith(':children') || name.endsWith(':vars'));
}

export function isAnsibleYaml(text: string): boolean {
  return /^all:\s*$/m.test(text) && /^\s+(hosts|children):\s*$/m.test(text);
}

interface HostEntry {
  name: string;
  line: number;
  vars: Record<string, string>;
  groups: Set<string>;
}

interface Inventory {
  hosts: Map<string, HostEntry>;
  groupVars: Map<string, Record<string, string>>;
  /** group → its parent groups */
  parents: Map<string, Set<string>>;
  /** The line where the file reached MAX_HOSTS_PER_FILE, if it did. */
  truncatedAt?: number;
}

/** A host range: [01:03], [a:c], [0:20:5]. */
const RANGE = /\[([0-9a-z]+):([0-9a-z]+)(?::(\d+))?\]/i;

/**
 * Expands host ranges: web[01:03] → web01 web02 web03; db-[a:c] → db-a db-b db-c;
 * rack[1:2]-node[1:2] → rack1-node1 rack1-node2 rack2-node1 rack2-node2. At most `limit` names are
 * ever made: `web[0:9999]-[0:9999]` costs `limit` strings, not a hundred million.
 */
export function expandHostPattern(pattern: string, limit = MAX_EXPANDED_HOSTS): string[] {
  const parts: (string | string[])[] = [];
  let rest = pattern;
  for (let match = RANGE.exec(rest); match; match = RANGE.exec(rest)) {
    const values = rangeValues(match[1]!, match[2]!, match[3], limit);
    if (!values) return [pattern];
    parts.push(rest.slice(0, match.index), values);
    rest = rest.slice(match.index + match[0].length);
  }
  if (parts.length === 0) return [pattern];
  parts.push(rest);
  const lists = parts.filter((part): part is string[] => Array.isArray(part));
  if (lists.some((list) => list.length === 0)) return [];
  // An odometer over the ranges, the last turning fastest, stopped at the limit.
  const position = lists.map(() => 0);
  const names: string[] = [];
  while (names.length < limit) {
    let range = 0;
    names.push(parts.map((part) => (typeof part === 'string' ? part : part[position[range++]!])).join(''));
    let turning = lists.length - 1;
    while (turning >= 0 && ++position[turning]! === lists[turning]!.length) position[turning--] = 0;
    if (turning < 0) break;
  }
  return names;
}

function rangeValues(from: string, to: string, stepText: string | undefined, limit: number): string[] | undefined {
  const step = Math.max(1, Number(stepText ?? 1));
  const values: string[] = [];
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const width = from.startsWith('0') ? from.length : 0;
    for (let n = Number(from); n <= Number(to) && values.length < limit; n += step)
      values.push(String(n).padStart(width, '0'));
  } else if (from.length === 1 && to.length === 1) {
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0) && values.length < limit; c += step)
      values.push(String.fromCharCode(c));
  } else return undefined;
  return values;
}

function addHost(inventory: Inventory, name: string, line: number, group: string, vars: Record<string, string>) {
  const room = MAX_HOSTS_PER_FILE - inventory.hosts.size;
  for (const expanded of expandHostPattern(name, Math.max(1, Math.min(MAX_EXPANDED_HOSTS, room)))) {
    if (!inventory.hosts.has(expanded) && inventory.hosts.size >= MAX_HOSTS_PER_FILE) {
      inventory.truncatedAt ??= line;
      return;
    }
    const entry = inventory.hosts.get(expanded) ?? { name: expanded, line, vars: {}, groups: new Set<string>() };
    Object.assign(entry.vars, vars);
    entry.groups.add(group);
    inventory.hosts.set(expanded, entry);
  }
}

function parseIni(text: string, builder: InventoryBuilder): Inventory {
  const inventory: Inventory = { hosts: new Map(), groupVars: new Map(), parents: new Map() };
  let group = 'ungrouped';
  let mode: 'hosts' | 'vars' | 'children' = 'hosts';
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      const [name, suffix] = section[1]!.split(':') as [string, string | undefined];
      group = name;
      mode = suffix === 'vars' ? 'vars' : suffix === 'children' ? 'children' : 'hosts';
      if (suffix && suffix !== 'vars' && suffix !== 'children')
        builder.note({ line: index + 1 }, `unknown section suffix ":${suffix}"; read as hosts`, 'warning');
      return;
    }
    if (mode === 'children') {
      const parents = inventory.parents.get(line) ?? new Set<string>();
      parents.add(group);
      inventory.parents.set(line, parents);
      return;
    }
    if (mode === 'vars') {
      const [key, value] = splitVar(line);
      if (key) inventory.groupVars.set(group, { ...inventory.groupVars.get(group), [key]: value ?? '' });
      return;
    }
    const [name, ...rest] = line.split(/\s+/);
    const vars = Object.fromEntries(
      [...rest.join(' ').matchAll(/([\w.-]+)=("[^"]*"|'[^']*'|\S+)/g)].map((match) => [
        match[1]!,
        match[2]!.replace(/^["']|["']$/g, ''),
      ]),
    );
    addHost(inventory, name!, index + 1, group, vars);
  });
  return inventory;
}

function splitVar(line: string): [string | undefined, string | undefined] {
  const eq = line.indexOf('=');
  if (eq <= 0) return [undefined, undefined];
  return [
    line.slice(0, eq).trim(),
    line
      .slice(eq + 1)
      .trim()
      .replace(/^["']|["']$/g, ''),
  ];
}

function parseYamlInventory(text: string, builder: InventoryBuilder): Inventory | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, logLevel: 'error' });
  if (document.errors[0]) {
    const line = lineCounter.linePos(document.errors[0].pos[0]).line;
    builder.reject({ line }, `malformed YAML: ${document.errors[0].message.split('\n')[0]}`, 'error');
    return undefined;
  }
  const inventory: Inventory = { hosts: new Map(), groupVars: new Map(), parents: new Map() };
  const scalarVars = (node: unknown): Record<string, string> => {
    if (!isMap(node)) return {};
    return Object.fromEntries(
      node.items.flatMap((pair) =>
        isScalar(pair.key) && isScalar(pair.value) ? [[String(pair.key.value), String(pair.value.value)]] : [],
      ),
    );
  };
  // Walked with a stack, not recursion: children may nest to any depth.
  const pending: [name: string, node: YAMLMap | null, parent: string | undefined][] = [];
  const root = document.contents;
  if (!isMap(root)) return inventory;
  for (const pair of [...root.items].reverse())
    if (isScalar(pair.key)) pending.push([String(pair.key.value), isMap(pair.value) ? pair.value : null, undefined]);
  while (pending.length > 0) {
    const [name, node, parent] = pending.pop()!;
    if (parent) inventory.parents.set(name, new Set([...(inventory.parents.get(name) ?? []), parent]));
    if (!node) continue;
    const hosts = node.get('hosts', true);
    if (isMap(hosts)) {
      for (const pair of hosts.items) {
        if (!isScalar(pair.key)) continue;
        const line = lineCounter.linePos(pair.key.range?.[0] ?? 0).line;
        addHost(inventory, String(pair.key.value), line, name, scalarVars(pair.value));
      }
    }
    const vars = node.get('vars', true);
    if (isMap(vars)) inventory.groupVars.set(name, { ...inventory.groupVars.get(name), ...scalarVars(vars) });
    const children = node.get('children', true);
    if (isMap(children))
      for (const pair of [...children.items].reverse())
        if (isScalar(pair.key)) pending.push([String(pair.key.value), isMap(pair.value) ? pair.value : null, name]);
  }
  return inventory;
}

/** All groups a group belongs to, through :children, without looping on cycles; walked, not recursed (a chain may be any depth). */
function ancestors(group: string, parents: Map<string, Set<string>>): Set<string> {
  const seen = new Set([group]);
  const stack = [group];
  while (stack.length > 0 && seen.size < MAX_ANCESTORS) {
    for (const parent of parents.get(stack.pop()!) ?? []) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      stack.push(parent);
    }
  }
  return seen;
}

export function importAnsible(text: string, yaml: boolean, builder: InventoryBuilder) {
  const inventory = yaml ? parseYamlInventory(text, builder) : parseIni(text, builder);
  if (!inventory) return;
  if (inventory.truncatedAt !== undefined)
    builder.note(
      { line: inventory.truncatedAt },
      `more than ${MAX_HOSTS_PER_FILE.toLocaleString('en-US')} hosts; the rest of the file is not read`,
      'warning',
    );
  const lineage = new Map<string, Set<string>>();
  for (const entry of inventory.hosts.values()) {
    const groups = new Set<string>();
    for (const group of entry.groups) {
      let above = lineage.get(group);
      if (!above) lineage.set(group, (above = ancestors(group, inventory.parents)));
      for (const ancestor of above) groups.add(ancestor);
    }
    groups.delete('all');
    groups.delete('ungrouped');
    // Group variables apply first, host variables override them (Ansible's precedence).
    const vars: Record<string, string> = { ...inventory.groupVars.get('all') };
    for (const group of groups) Object.assign(vars, inventory.groupVars.get(group));
    Object.assign(vars, entry.vars);
    const address = vars.ansible_host ?? '';
    const os =
      vars.os ??
      vars.os_family ??
      vars.ansible_os_family ??
      vars.ansible_distribution ??
      (vars.ansible_connection === 'winrm' || vars.ansible_shell_type === 'powershell' ? 'Windows' : '');
    const cores = parsePositiveInteger(vars.cpu_cores ?? vars.ansible_processor_vcpus ?? '');
    const memoryMb = parsePositiveInteger(vars.ansible_memtotal_mb ?? '');
    builder.host(
      {
        id: entry.name,
        hostname: isIpAddress(entry.name) ? undefined : address && !isIpAddress(address) ? address : entry.name,
        ips: [entry.name, address].filter(isIpAddress),
        ...(os ? { os: { name: os, ...(vars.os_version ? { version: vars.os_version } : {}) } } : {}),
        platform: platformOf(os),
        ...(cores ? { cpu: { cores } } : {}),
        ...(memoryMb ? { memoryGiB: Math.round(memoryMb / 1024) } : {}),
        environment: vars.environment ?? vars.env ?? undefined,
        location: vars.datacenter ?? vars.datacentre ?? vars.location ?? undefined,
        groups: [...groups].sort(),
      },
      { line: entry.line },
      false, // one host in several groups is how Ansible works, not a duplicate
    );
    builder.accepted();
  }
}

/** An Ansible inventory, INI or YAML. INI has no extension of its own (often just "hosts"). */
const yamlInventory = (text: string, file: string) => /\.ya?ml$/i.test(file) && isAnsibleYaml(text);

export default {
  reads: 'text',
  format: 'ansible',
  help: 'Ansible (INI/YAML)',
  precedence: 80,
  priority: 30,
  recognises: (text, file) =>
    yamlInventory(text, file) || (!/\.(csv|tsv|ya?ml|json)$/i.test(file) && isAnsibleIni(text)),
  read: (text, context) =>
    built(context, 'ansible', (builder) => importAnsible(text, yamlInventory(text, context.file), builder)),
} satisfies InventoryFormatDescriptor;
