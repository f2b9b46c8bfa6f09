import path from 'node:path';
import { isFreeFormatCobol } from '../mask-comments.js';
import type { SourceText } from '../source-text.js';
import { LogicalText, parseOptions } from './logical-text.js';
import { emptyFacts, type AccessMode, type MainframeCommand, type SourceFacts } from './source-facts.js';
import { sqlTables } from './sql-tables.js';

/** CICS commands whose second word belongs to the verb (WRITEQ TS, HANDLE CONDITION). */
const TWO_WORD_VERBS = new Set(['TS', 'TD', 'CONDITION', 'ABEND', 'AID', 'TEXT', 'CONTROL', 'PAGE', 'MAP']);
/** CICS options that name a resource outside the program. */
const CICS_RESOURCES = new Set([
  'FILE',
  'DATASET',
  'PROGRAM',
  'QUEUE',
  'QNAME',
  'TRANSID',
  'MAP',
  'MAPSET',
  'SYSID',
  'CHANNEL',
  'CONTAINER',
]);
const CICS_FILE_READS = new Set(['READ', 'READNEXT', 'READPREV', 'STARTBR', 'RESETBR']);
const CICS_FILE_WRITES = new Set(['WRITE', 'REWRITE', 'DELETE']);
const MQ_CALLS = new Set([
  'MQCONN',
  'MQCONNX',
  'MQOPEN',
  'MQPUT',
  'MQPUT1',
  'MQGET',
  'MQCLOSE',
  'MQDISC',
  'MQINQ',
  'MQSET',
  'MQCMIT',
  'MQBACK',
]);
const DLI_CALLS = new Set(['CBLTDLI', 'AIBTDLI', 'CEETDLI']);
const DLI_WRITES = new Set(['ISRT', 'REPL', 'DLET']);
/** SQL communication areas every DB2 program includes; they are not application copybooks. */
const SQL_SYSTEM_INCLUDES = new Set(['SQLCA', 'SQLDA']);

/**
 * COBOL programs and copybooks (fixed and free reference format). A careful line lexer: the
 * language is line-based, and no maintained parser ships prebuilt for Node.
 */
export function extractCobol(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'cobol');
  const logical = joinLines(source);
  const text = logical.text;
  const stem = path.posix
    .basename(source.rel)
    .replace(/\.[^.]+$/, '')
    .toUpperCase();
  const programId = /\bPROGRAM-ID\s*\.?\s*['"]?([A-Z0-9$#@][A-Z0-9$#@-]*)/i.exec(text);
  const isCopybook = !programId || /\.(cpy|copy)$/i.test(source.rel);
  const unit = isCopybook ? stem : programId[1]!.toUpperCase();
  const at = (offset: number) => logical.locate(offset);
  facts.units.push({
    id: unit,
    name: unit,
    kind: isCopybook ? 'copybook' : 'program',
    location: at(programId?.index ?? 0),
  });

  const execBlocks: [number, number][] = [];
  for (const match of text.matchAll(/\bEXEC\s+(CICS|SQL|DLI)\b([\s\S]*?)(\bEND-EXEC\b|$)/gi)) {
    execBlocks.push([match.index, match.index + match[0].length]);
    if (!match[3]) {
      facts.problems.push({ message: `EXEC ${match[1]!.toUpperCase()} without END-EXEC`, location: at(match.index) });
      continue;
    }
    const family = match[1]!.toUpperCase();
    const body = match[2]!.trim();
    if (family === 'CICS') addCics(facts, unit, body, at(match.index));
    else if (family === 'SQL') addSql(facts, unit, body, at(match.index));
    else addDli(facts, unit, body, at(match.index));
  }
  const outsideExec = (offset: number) => !execBlocks.some(([start, end]) => offset >= start && offset < end);

  for (const match of text.matchAll(/\bCOPY\s+(?:"([^"]+)"|'([^']+)'|([A-Z0-9$#@][A-Z0-9$#@-]*))/gi)) {
    if (!outsideExec(match.index)) continue;
    facts.references.push({
      from: unit,
      to: (match[1] ?? match[2] ?? match[3]!).toUpperCase(),
      kind: 'includes',
      location: at(match.index),
    });
  }
  for (const match of text.matchAll(/\bCALL\s+(?:'([^']+)'|"([^"]+)"|([A-Z][A-Z0-9-]*))/gi)) {
    if (!outsideExec(match.index)) continue;
    const literal = match[1] ?? match[2];
    const target = (literal ?? match[3]!).toUpperCase();
    const location = at(match.index);
    if (literal && MQ_CALLS.has(target))
      facts.mainframe.push({ unit, family: 'mq', verb: target, resources: {}, location });
    else if (literal && DLI_CALLS.has(target))
      facts.mainframe.push({ unit, family: 'dli', verb: 'CALL', resources: { INTERFACE: target }, location });
    else
      facts.references.push({ from: unit, to: target, kind: 'calls', location, ...(literal ? {} : { dynamic: true }) });
  }
  addFileControl(facts, unit, text, at);

  if (!isCopybook) {
    const transaction = facts.mainframe.find(
      (command) => command.family === 'cics' && command.verb === 'RETURN' && command.resources.TRANSID,
    );
    if (facts.mainframe.some((command) => command.family === 'cics')) {
      facts.entryPoints.push({
        unit,
        kind: 'cics-transaction',
        ...(transaction ? { detail: transaction.resources.TRANSID } : {}),
        location: facts.units[0]!.location,
      });
    } else if (/\bSTOP\s+RUN\b/i.test(text)) {
      facts.entryPoints.push({ unit, kind: 'batch-program', location: facts.units[0]!.location });
    }
  }
  return facts;
}

/**
 * Reference format: code in columns 8-72, `-` in column 7 continues the previous line (a literal
 * continued this way restarts with a quote, which is dropped). Comments are already blanked.
 */
function joinLines(source: SourceText): LogicalText {
  const logical = new LogicalText(source.rel);
  const free = isFreeFormatCobol(source.text);
  const lines = source.masked.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (free) {
      logical.append(line, index + 1, 1);
      return;
    }
    const indicator = source.lines.line(index + 1)[6];
    const content = line.slice(7, 72);
    if (indicator === '-' && logical.text.length > 0) {
      const trimmed = content.trimStart();
      const openLiteral =
        (logical.text.slice(logical.text.lastIndexOf('\n') + 1).match(/['"]/g)?.length ?? 0) % 2 === 1;
      const body = openLiteral ? trimmed.replace(/^['"]/, '') : trimmed;
      const startColumn = 8 + (content.length - trimmed.length) + (openLiteral ? 1 : 0);
      logical.append(body, index + 1, startColumn, openLiteral ? '' : ' ');
    } else {
      logical.append(content, index + 1, 8);
    }
  });
  return logical;
}

function addCics(facts: SourceFacts, unit: string, body: string, location: MainframeCommand['location']) {
  const options = parseOptions(body);
  const first = options[0];
  if (!first) return;
  let verb = first.name;
  let rest = options.slice(1);
  const second = rest[0];
  if (second && TWO_WORD_VERBS.has(second.name) && (second.value === undefined || second.name === 'MAP')) {
    // SEND MAP('X') keeps MAP as a resource too.
    verb = `${verb} ${second.name}`;
    if (second.value === undefined) rest = rest.slice(1);
  }
  const resources: Record<string, string> = {};
  const dynamic: string[] = [];
  for (const option of rest) {
    if (!CICS_RESOURCES.has(option.name) || option.value === undefined) continue;
    if (option.variable) dynamic.push(option.name);
    else resources[option.name] = option.value.toUpperCase();
  }
  facts.mainframe.push({ unit, family: 'cics', verb, resources, ...(dynamic.length > 0 ? { dynamic } : {}), location });

  const file = resources.FILE ?? resources.DATASET;
  const base = verb.split(' ')[0]!;
  if (file && (CICS_FILE_READS.has(base) || CICS_FILE_WRITES.has(base))) {
    facts.dataAccess.push({
      unit,
      target: file,
      targetKind: 'file',
      mode: CICS_FILE_WRITES.has(base) ? 'write' : 'read',
      via: 'cics-file',
      location,
    });
  }
  const queue = resources.QUEUE ?? resources.QNAME;
  if (queue && /^(READQ|WRITEQ|DELETEQ)/.test(verb)) {
    facts.dataAccess.push({
      unit,
      target: queue,
      targetKind: 'queue',
      mode: verb.startsWith('READQ') ? 'read' : 'write',
      via: 'cics-queue',
      location,
    });
  }
  if (resources.PROGRAM && (base === 'LINK' || base === 'XCTL' || base === 'LOAD'))
    facts.references.push({ from: unit, to: resources.PROGRAM, kind: 'calls', location });
  if (resources.MAPSET) facts.references.push({ from: unit, to: resources.MAPSET, kind: 'uses', location });
}

function addSql(facts: SourceFacts, unit: string, body: string, location: MainframeCommand['location']) {
  const include = /^INCLUDE\s+([A-Z0-9$#@-]+)/i.exec(body);
  if (include) {
    const member = include[1]!.toUpperCase();
    facts.mainframe.push({ unit, family: 'sql', verb: 'INCLUDE', resources: { MEMBER: member }, location });
    if (!SQL_SYSTEM_INCLUDES.has(member)) facts.references.push({ from: unit, to: member, kind: 'includes', location });
    return;
  }
  // DECLARE c CURSOR FOR SELECT ...: the cursor reads what its SELECT reads.
  const cursor = /^DECLARE\s+([A-Z0-9_-]+)\s+CURSOR\b[\s\S]*?\bFOR\s+([\s\S]*)$/i.exec(body);
  const statement = sqlTables(cursor ? cursor[2]! : body);
  const resources: Record<string, string> = {};
  if (cursor) resources.CURSOR = cursor[1]!.toUpperCase();
  if (statement.tables.length > 0) resources.TABLES = statement.tables.map((table) => table.name).join(',');
  facts.mainframe.push({ unit, family: 'sql', verb: cursor ? 'DECLARE CURSOR' : statement.verb, resources, location });
  for (const table of statement.tables)
    facts.dataAccess.push({ unit, target: table.name, targetKind: 'table', mode: table.mode, via: 'sql', location });
}

function addDli(facts: SourceFacts, unit: string, body: string, location: MainframeCommand['location']) {
  const options = parseOptions(body);
  const verb = options[0]?.name ?? 'DLI';
  const resources: Record<string, string> = {};
  const segment = options.find((option) => option.name === 'SEGMENT' && option.value);
  if (segment?.value) resources.SEGMENT = segment.value.toUpperCase();
  facts.mainframe.push({ unit, family: 'dli', verb, resources, location });
  if (resources.SEGMENT) {
    facts.dataAccess.push({
      unit,
      target: resources.SEGMENT,
      targetKind: 'segment',
      mode: DLI_WRITES.has(verb) ? 'write' : 'read',
      via: 'dli',
      location,
    });
  }
}

/** SELECT f ASSIGN TO dd [ORGANIZATION IS INDEXED] with OPEN INPUT/OUTPUT/I-O/EXTEND f. */
function addFileControl(
  facts: SourceFacts,
  unit: string,
  text: string,
  at: (offset: number) => MainframeCommand['location'],
) {
  const files = new Map<string, { dd: string; indexed: boolean; offset: number }>();
  for (const match of text.matchAll(
    /\bSELECT\s+(?:OPTIONAL\s+)?([A-Z0-9-]+)\s+ASSIGN\s+(?:TO\s+)?(?:'([^']+)'|"([^"]+)"|([A-Z0-9-]+))([^.]*)/gi,
  )) {
    const dd = (match[2] ?? match[3] ?? match[4]!).toUpperCase().replace(/^(UT-S-|S-|AS-)/, '');
    files.set(match[1]!.toUpperCase(), {
      dd,
      indexed: /ORGANI[SZ]ATION\s+(IS\s+)?INDEXED/i.test(match[5] ?? ''),
      offset: match.index,
    });
  }
  if (files.size === 0) return;
  const modes = new Map<string, Set<AccessMode>>();
  for (const match of text.matchAll(
    /\bOPEN\b((?:\s+(?:INPUT|OUTPUT|I-O|EXTEND)(?:\s+(?!INPUT\b|OUTPUT\b|I-O\b|EXTEND\b)[A-Z0-9-]+)+)+)/gi,
  )) {
    let mode: AccessMode[] = [];
    for (const word of match[1]!.trim().split(/\s+/)) {
      const upper = word.toUpperCase();
      if (upper === 'INPUT') mode = ['read'];
      else if (upper === 'OUTPUT' || upper === 'EXTEND') mode = ['write'];
      else if (upper === 'I-O') mode = ['read', 'write'];
      else for (const m of mode) modes.set(upper, (modes.get(upper) ?? new Set()).add(m));
    }
  }
  for (const [name, file] of files) {
    for (const mode of modes.get(name) ?? []) {
      facts.dataAccess.push({
        unit,
        target: file.dd,
        targetKind: 'dd',
        mode,
        via: file.indexed ? 'vsam' : 'sequential-file',
        location: at(file.offset),
      });
    }
  }
}
