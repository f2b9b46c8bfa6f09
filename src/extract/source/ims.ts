import type { SourceText } from '../source-text.js';
import { assemblerStatements, keywordOperands } from './assembler-statements.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/** PROCOPT letters that update: insert, replace, delete, all. */
const UPDATES = /[AIRD]/;

/**
 * IMS database descriptions (DBD: DBD, DATASET, SEGM) and program specifications (PSB: PCB,
 * SENSEG, PSBGEN). A PSB tells which databases and segments a program may touch, and how.
 */
export function extractIms(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'ims');
  let dbd:
    | { name: string; access: string; segments: string[]; location: SourceFacts['units'][number]['location'] }
    | undefined;
  const pcbs: {
    dbd: string;
    procopt: string;
    segments: string[];
    location: SourceFacts['units'][number]['location'];
  }[] = [];
  let psbName: string | undefined;
  let psbLocation: SourceFacts['units'][number]['location'] | undefined;
  for (const statement of assemblerStatements(source)) {
    const operands = keywordOperands(statement.operands);
    switch (statement.operation) {
      case 'DBD':
        dbd = {
          name: (operands.NAME ?? statement.name).toUpperCase(),
          access: (operands.ACCESS ?? '').replace(/[()]/g, ''),
          segments: [],
          location: statement.location,
        };
        break;
      case 'SEGM':
        if (dbd && operands.NAME) dbd.segments.push(operands.NAME.replace(/[()].*$/, '').toUpperCase());
        break;
      case 'PCB':
        if (/TYPE=DB/i.test(statement.operands) && operands.DBDNAME)
          pcbs.push({
            dbd: operands.DBDNAME.toUpperCase(),
            procopt: (operands.PROCOPT ?? 'G').toUpperCase(),
            segments: [],
            location: statement.location,
          });
        break;
      case 'SENSEG':
        if (operands.NAME) pcbs.at(-1)?.segments.push(operands.NAME.toUpperCase());
        break;
      case 'PSBGEN':
        psbName = operands.PSBNAME?.toUpperCase();
        psbLocation = statement.location;
        break;
    }
  }
  if (dbd) {
    facts.units.push({ id: dbd.name, name: dbd.name, kind: 'database', location: dbd.location });
    facts.definitions.push({
      kind: 'ims-database',
      name: dbd.name,
      attributes: { access: dbd.access, segments: dbd.segments.join(',') },
      location: dbd.location,
    });
  }
  if (psbName && psbLocation) {
    facts.units.push({ id: psbName, name: psbName, kind: 'program-spec', location: psbLocation });
    for (const pcb of pcbs) {
      facts.definitions.push({
        kind: 'ims-psb',
        name: psbName,
        attributes: { dbd: pcb.dbd, procopt: pcb.procopt, segments: pcb.segments.join(',') },
        location: pcb.location,
      });
      facts.references.push({ from: psbName, to: pcb.dbd, kind: 'uses', location: pcb.location });
      for (const segment of pcb.segments) {
        facts.dataAccess.push({
          unit: psbName,
          target: `${pcb.dbd}.${segment}`,
          targetKind: 'segment',
          mode: UPDATES.test(pcb.procopt) ? 'write' : 'read',
          via: 'ims-psb',
          location: pcb.location,
        });
      }
    }
  }
  if (!dbd && !psbName)
    facts.problems.push({
      message: 'neither a DBD nor a PSBGEN statement found',
      location: { file: source.rel, line: 1, column: 1 },
    });
  return facts;
}
