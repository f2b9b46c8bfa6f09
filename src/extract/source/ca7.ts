import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/** A DB.1 listing: its panel title, or a JOB: line with the job's SYSTEM: beside it. */
export const CA7_LISTING = /CA-7 CPU JOB DEFINITION|^[ \t]*JOB:[ \t]*[A-Z0-9$#@]{1,8}[ \t]+SYSTEM:/im;

/**
 * CA 7 job definitions as listed by the DB.1 (CPU job definition) panel or its print: JOB:,
 * SYSTEM: and JCL MEMBER: fields per job. Other CA 7 reports are not read yet (docs/languages.md).
 */
export function extractCa7(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'ca-7');
  const lines = source.text.split('\n');
  let current: { name: string; line: number; attributes: Record<string, string> } | undefined;
  const flush = () => {
    if (!current) return;
    const location = { file: source.rel, line: current.line, column: 1 };
    const member = current.attributes.member ?? current.name;
    facts.definitions.push({
      kind: 'scheduled-job',
      name: current.name,
      attributes: { ...current.attributes, member },
      location,
    });
    facts.entryPoints.push({
      unit: member,
      kind: 'scheduled',
      detail: current.attributes.system ? `CA 7 system ${current.attributes.system}` : 'CA 7',
      location,
    });
    current = undefined;
  };
  lines.forEach((line, index) => {
    const job = /^\s*JOB:\s*([A-Z0-9$#@]{1,8})\b/i.exec(line);
    if (job) {
      flush();
      current = { name: job[1]!.toUpperCase(), line: index + 1, attributes: {} };
      return;
    }
    if (!current) return;
    const system = /\bSYSTEM:\s*([A-Z0-9$#@]+)/i.exec(line);
    if (system && !/^(JOBNET|OWNER):?$/i.test(system[1]!)) current.attributes.system = system[1]!.toUpperCase();
    const member = /\bMEMBER:\s*([A-Z0-9$#@]{1,8})\b/i.exec(line);
    if (member) current.attributes.member = member[1]!.toUpperCase();
    const jclId = /\bJCL:\s*ID:\s*(\d+)/i.exec(line);
    if (jclId) current.attributes.jclId = jclId[1]!;
  });
  flush();
  return facts;
}
