import type { SourceText } from '../source-text.js';
import { assemblerStatements, keywordOperands } from './assembler-statements.js';
import { parseOptions } from './logical-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/**
 * HLASM sources: each CSECT is a program unit; CALL, LINK/XCTL/LOAD EP= and COPY connect it to
 * other programs and members; EXEC CICS commands are read as in COBOL.
 */
export function extractAssembler(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'assembler');
  const stem = source.rel
    .slice(source.rel.lastIndexOf('/') + 1)
    .replace(/\.[^.]+$/, '')
    .toUpperCase();
  let unit: string | undefined;
  const current = (location: SourceFacts['units'][number]['location']) => {
    if (!unit) {
      unit = stem;
      facts.units.push({ id: unit, name: unit, kind: 'program', location });
    }
    return unit;
  };
  const statements = assemblerStatements(source);
  for (const statement of statements) {
    const { operation, operands, location } = statement;
    if ((operation === 'CSECT' || operation === 'START' || operation === 'RSECT') && statement.name) {
      if (!facts.units.some((u) => u.id === statement.name))
        facts.units.push({ id: statement.name, name: statement.name, kind: 'program', location });
      unit = statement.name;
    } else if (operation === 'CALL') {
      // CALL (15): through a register, so the target is known only at run time.
      const target = operands.split(',')[0];
      if (target)
        facts.references.push({
          from: current(location),
          to: target.toUpperCase(),
          kind: 'calls',
          location,
          ...(target.startsWith('(') ? { dynamic: true } : {}),
        });
    } else if (operation === 'LINK' || operation === 'XCTL' || operation === 'LOAD') {
      const target = keywordOperands(operands).EP;
      if (target) facts.references.push({ from: current(location), to: target.toUpperCase(), kind: 'calls', location });
    } else if (operation === 'COPY' && operands) {
      facts.references.push({ from: current(location), to: operands.toUpperCase(), kind: 'includes', location });
    } else if (operation === 'EXEC' && /^CICS\b/i.test(operands)) {
      // The operand field stops at a blank: take the rest of the logical statement from the source text.
      const line = source.lines.line(location.line).slice(location.column - 1);
      const command = /EXEC\s+CICS\s+(.*)$/i.exec(line)?.[1] ?? '';
      const options = parseOptions(command);
      const resources = Object.fromEntries(
        options
          .filter((o) => o.value && !o.variable && /^(FILE|PROGRAM|QUEUE|TRANSID|MAP|MAPSET)$/.test(o.name))
          .map((o) => [o.name, o.value!.toUpperCase()]),
      );
      facts.mainframe.push({
        unit: current(location),
        family: 'cics',
        verb: options[0]?.name ?? 'EXEC',
        resources,
        location,
      });
      if (resources.PROGRAM && /^(LINK|XCTL)$/.test(options[0]?.name ?? ''))
        facts.references.push({ from: current(location), to: resources.PROGRAM, kind: 'calls', location });
    }
  }
  if (facts.units.length === 0 && statements.length > 0) current(statements[0]!.location);
  return facts;
}
