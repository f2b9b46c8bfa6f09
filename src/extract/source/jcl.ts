import type { SourceText } from '../source-text.js';
import { operandField, splitOperands } from './logical-text.js';
import { emptyFacts, type AccessMode, type JobStep, type Location, type SourceFacts } from './source-facts.js';

/** System utilities a step may run; the application's own programs are everything else. */
const UTILITIES = new Set([
  'IDCAMS',
  'SORT',
  'DFSORT',
  'ICEMAN',
  'ICETOOL',
  'SYNCSORT',
  'IKJEFT01',
  'IKJEFT1A',
  'IKJEFT1B',
  'DFSRRC00',
  'IEBGENER',
  'ICEGENER',
  'IEBCOPY',
  'IEFBR14',
  'IEHLIST',
  'IEHPROGM',
  'ADRDSSU',
  'FTP',
  'DSNUTILB',
  'DSNTIAUL',
  'DSNTEP2',
  'IRXJCL',
  'BPXBATCH',
  'IEBUPDTE',
  'IEBCOMPR',
  'DFHCSDUP',
]);
const TSO_BATCH = /^IKJEFT(01|1A|1B)$/;

interface Statement {
  name: string;
  operation: string;
  operands: string;
  location: Location;
  /** In-stream data (DD * or DD DATA) following the statement. */
  data: string[];
}

/**
 * JCL: jobs, steps (EXEC PGM= or a procedure), DD statements with datasets, dispositions and
 * generations, and in-stream control cards read for the programs utilities really run.
 */
export function extractJcl(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'jcl');
  const statements = readStatements(source, facts);
  let job = '';
  let step: JobStep | undefined;
  let lastDd = '';
  for (const statement of statements) {
    const operation = statement.operation;
    if (operation === 'JOB' || operation === 'PROC') {
      job = statement.name || job || 'PROC';
      facts.units.push({
        id: job,
        name: job,
        kind: operation === 'JOB' ? 'job' : 'procedure',
        location: statement.location,
      });
      if (operation === 'JOB') facts.entryPoints.push({ unit: job, kind: 'batch-job', location: statement.location });
    } else if (operation === 'EXEC') {
      step = execStep(job || 'JOB', statement);
      facts.jobSteps.push(step);
      const target = step.program ?? step.procedure;
      if (target) facts.references.push({ from: step.job, to: target, kind: 'calls', location: statement.location });
    } else if (operation === 'DD' && step) {
      lastDd = statement.name || lastDd;
      addDataset(facts, step, lastDd, statement);
      if (step.utility && TSO_BATCH.test(step.utility) && lastDd === 'SYSTSIN') {
        const run = /\bRUN\s+PROGRAM\s*\(\s*([A-Z0-9$#@]+)\s*\)/i.exec(statement.data.join('\n'));
        if (run) {
          step.program = run[1]!.toUpperCase();
          facts.references.push({ from: step.job, to: step.program, kind: 'calls', location: statement.location });
        }
      }
      if (step.utility === 'IDCAMS' && lastDd === 'SYSIN') addIdcamsDefinitions(facts, step, statement);
    }
  }
  return facts;
}

/** Joins continued statements (operand field ending in a comma) and collects in-stream data. */
function readStatements(source: SourceText, facts: SourceFacts): Statement[] {
  const statements: Statement[] = [];
  const lines = source.masked.split('\n').map((line) => line.replace(/\r$/, ''));
  let inStream: Statement | undefined;
  let continuing: Statement | undefined;
  lines.forEach((line, index) => {
    const location = { file: source.rel, line: index + 1, column: 1 };
    if (inStream) {
      if (line.startsWith('/*') || (line.startsWith('//') && !line.startsWith('//*'))) inStream = undefined;
      else {
        inStream.data.push(line);
        return;
      }
      if (line.startsWith('/*')) return;
    }
    if (!line.startsWith('//') || line.trim() === '//' || line.startsWith('//*')) return;
    if (continuing) {
      continuing.operands += operandField(line.slice(2).trimStart());
      if (!continuing.operands.endsWith(',')) continuing = undefined;
      return;
    }
    const match = /^\/\/(\S*)\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) {
      facts.problems.push({ message: 'JCL statement without an operation', location });
      return;
    }
    const statement: Statement = {
      name: match[1]!.toUpperCase(),
      operation: match[2]!.toUpperCase(),
      operands: operandField(match[3]!),
      location,
      data: [],
    };
    statements.push(statement);
    if (statement.operands.endsWith(',')) continuing = statement;
    if (statement.operation === 'DD' && /^(\*|DATA)(,|$)/i.test(statement.operands)) inStream = statement;
  });
  return statements;
}

function keyword(operands: string[], name: string): string | undefined {
  const prefix = `${name}=`;
  return operands.find((operand) => operand.toUpperCase().startsWith(prefix))?.slice(prefix.length);
}

function execStep(job: string, statement: Statement): JobStep {
  const operands = splitOperands(statement.operands);
  const program = keyword(operands, 'PGM')?.toUpperCase();
  const procedure =
    keyword(operands, 'PROC')?.toUpperCase() ??
    (operands[0] && !operands[0].includes('=') ? operands[0].toUpperCase() : undefined);
  const step: JobStep = { job, step: statement.name || '(unnamed)', location: statement.location };
  if (program && UTILITIES.has(program)) {
    step.utility = program;
    // IMS: PARM='DLI,PROGRAM,PSB' or (BMP,PROGRAM,PSB): the second value is the application program.
    const parm = keyword(operands, 'PARM')?.replace(/^['(]|[')]$/g, '');
    const imsProgram = program === 'DFSRRC00' ? parm?.split(',')[1]?.trim() : undefined;
    if (imsProgram) step.program = imsProgram.toUpperCase();
  } else if (program) step.program = program;
  else if (procedure) step.procedure = procedure;
  return step;
}

function addDataset(facts: SourceFacts, step: JobStep, dd: string, statement: Statement) {
  const operands = splitOperands(statement.operands);
  const dsnOperand = keyword(operands, 'DSN') ?? keyword(operands, 'DSNAME');
  if (!dsnOperand || dsnOperand.startsWith('&&') || dsnOperand.startsWith('*.')) return;
  const generation = /\(([+-]?\d+)\)$/.exec(dsnOperand)?.[1];
  const member = generation ? undefined : /\(([A-Z0-9$#@]+)\)$/i.exec(dsnOperand)?.[1];
  const dsn = dsnOperand.replace(/\([^)]*\)$/, '').toUpperCase();
  const disposition = keyword(operands, 'DISP')
    ?.replace(/^\(|\)$/g, '')
    .toUpperCase();
  const status = disposition?.split(',')[0] || 'NEW';
  const mode: AccessMode = status === 'SHR' ? 'read' : 'write';
  facts.datasets.push({
    job: step.job,
    step: step.step,
    dd,
    dsn: member ? `${dsn}(${member.toUpperCase()})` : dsn,
    ...(disposition ? { disposition } : {}),
    ...(generation ? { generation } : {}),
    mode,
    location: statement.location,
  });
}

/** IDCAMS DEFINE CLUSTER/AIX/GDG NAME(...) in the control cards creates datasets. */
function addIdcamsDefinitions(facts: SourceFacts, step: JobStep, statement: Statement) {
  const cards = statement.data.map((line) => line.slice(0, 72).replace(/-\s*$/, ' ')).join(' ');
  for (const match of cards.matchAll(
    /\bDEFINE\s+(CLUSTER|ALTERNATEINDEX|AIX|GDG|PATH)\s*\(\s*NAME\s*\(\s*([A-Z0-9$#@.-]+)\s*\)/gi,
  )) {
    facts.datasets.push({
      job: step.job,
      step: step.step,
      dd: 'SYSIN',
      dsn: match[2]!.toUpperCase(),
      disposition: `DEFINE ${match[1]!.toUpperCase()}`,
      mode: 'write',
      location: statement.location,
    });
  }
}
