import type { SourceText } from '../source-text.js';
import { LogicalText, parseOptions } from './logical-text.js';
import { emptyFacts, type ResourceDefinition, type SourceFacts } from './source-facts.js';

const KINDS: Record<string, ResourceDefinition['kind']> = {
  TRANSACTION: 'cics-transaction',
  PROGRAM: 'cics-program',
  FILE: 'cics-file',
  TSMODEL: 'cics-queue',
  TDQUEUE: 'cics-queue',
};

/**
 * CICS system definitions (DFHCSDUP input or CSD extracts): DEFINE TRANSACTION/PROGRAM/FILE.
 * Transactions name the program they start (an entry point of that program); files name the
 * VSAM dataset behind a CICS file name.
 */
export function extractCicsCsd(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'csd');
  const logical = new LogicalText(source.rel);
  source.masked.split('\n').forEach((line, index) => logical.append(line.replace(/\r$/, ''), index + 1, 1, ' '));
  // Each DEFINE runs to the next DEFINE (statements may span lines).
  for (const match of logical.text.matchAll(/\bDEFINE\s+([\s\S]*?)(?=\bDEFINE\b|$)/gi)) {
    const options = parseOptions(match[1]!);
    const head = options[0];
    const kind = head && KINDS[head.name];
    if (!head?.value || !kind) continue;
    const attributes = Object.fromEntries(
      options
        .slice(1)
        .filter((o) => o.value !== undefined)
        .map((o) => [o.name.toLowerCase(), o.value!.toUpperCase()]),
    );
    const location = logical.locate(match.index);
    const name = head.value.toUpperCase();
    facts.definitions.push({ kind, name, attributes, location });
    if (kind === 'cics-transaction' && attributes.program) {
      facts.entryPoints.push({ unit: attributes.program, kind: 'cics-transaction', detail: name, location });
    }
  }
  return facts;
}
