import type { SourceText } from '../source-text.js';
import { assemblerStatements } from './assembler-statements.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/** BMS map sets (DFHMSD) and their maps (DFHMDI): the 3270 screens of a CICS application. */
export function extractBms(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'bms');
  let mapset: string | undefined;
  for (const statement of assemblerStatements(source)) {
    if (statement.operation === 'DFHMSD' && statement.name && !/TYPE=FINAL/i.test(statement.operands)) {
      mapset = statement.name;
      facts.units.push({ id: mapset, name: mapset, kind: 'mapset', location: statement.location });
    } else if (statement.operation === 'DFHMDI' && statement.name && mapset) {
      facts.definitions.push({
        kind: 'cics-map',
        name: statement.name,
        attributes: { mapset },
        location: statement.location,
      });
    }
  }
  if (!mapset)
    facts.problems.push({
      message: 'no DFHMSD map set definition found',
      location: { file: source.rel, line: 1, column: 1 },
    });
  return facts;
}
