import type { SourceText } from '../source-text.js';
import { LogicalText } from './logical-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/**
 * BMS map sets (assembler macros DFHMSD/DFHMDI/DFHMDF). A non-blank column 72 continues a
 * statement on the next line from column 16.
 */
export function extractBms(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'bms');
  const logical = new LogicalText(source.rel);
  let continued = false;
  source.masked.split('\n').forEach((raw, index) => {
    const original = source.lines.line(index + 1);
    const line = raw.replace(/\r$/, '').slice(0, 71);
    if (line.trim() === '' && !continued) return;
    if (continued) logical.append(line.slice(15).trim(), index + 1, 16, '');
    else logical.append(line, index + 1, 1);
    continued = (original[71] ?? ' ') !== ' ';
  });
  let mapset: string | undefined;
  for (const match of logical.text.matchAll(/^([A-Z0-9$#@]+)?\s+(DFHMSD|DFHMDI)\s+(\S*)/gim)) {
    const name = match[1]?.toUpperCase();
    const location = logical.locate(match.index);
    if (match[2]!.toUpperCase() === 'DFHMSD' && name && !/TYPE=FINAL/i.test(match[3] ?? '')) {
      mapset = name;
      facts.units.push({ id: mapset, name: mapset, kind: 'mapset', location });
    } else if (match[2]!.toUpperCase() === 'DFHMDI' && name && mapset) {
      facts.definitions.push({ kind: 'cics-map', name, attributes: { mapset }, location });
    }
  }
  if (!mapset) facts.problems.push({ message: 'no DFHMSD map set definition found', location: { file: source.rel, line: 1, column: 1 } });
  return facts;
}
