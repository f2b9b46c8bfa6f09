import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/** AutoSys JIL: `insert_job: NAME` opens a job definition. */
export const AUTOSYS_JIL = /^[ \t]*insert_job[ \t]*:[ \t]*\S/m;

const KEPT: Record<string, string> = {
  job_type: 'type',
  command: 'command',
  machine: 'host',
  owner: 'runAs',
  start_times: 'from',
  days_of_week: 'weekdays',
  run_calendar: 'calendar',
  box_name: 'box',
};

/**
 * AutoSys (Broadcom Workload Automation AE) job definitions in JIL, whatever the file is called:
 * `insert_job: NAME job_type: CMD` followed by `attribute: value` lines. A `condition: s(OTHER)`
 * makes the job follow OTHER.
 */
export function extractAutosys(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'autosys');
  let current: { name: string; line: number; attributes: Record<string, string>; after: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const location = { file: source.rel, line: current.line, column: 1 };
    facts.definitions.push({ kind: 'scheduled-job', name: current.name, attributes: current.attributes, location });
    for (const predecessor of current.after)
      if (predecessor !== current.name)
        facts.references.push({ from: current.name, to: predecessor, kind: 'follows', location });
    current = undefined;
  };
  source.text.split('\n').forEach((line, index) => {
    // JIL puts several `key: value` pairs on one line: `insert_job: BILNIGHT   job_type: CMD`.
    for (const pair of line.matchAll(/\b([a-z_]+)\s*:\s*("[^"]*"|\S+(?:\s+(?![a-z_]+\s*:)\S+)*)/g)) {
      const key = pair[1]!;
      const value = pair[2]!.replace(/^"|"$/g, '');
      if (key === 'insert_job') {
        flush();
        current = { name: value, line: index + 1, attributes: {}, after: [] };
      } else if (current && key === 'condition') {
        for (const other of value.matchAll(
          /\b(?:s|success|d|done|n|notrunning|t|terminated|f|failure)\s*\(\s*([\w.#-]+)/gi,
        ))
          current.after.push(other[1]!);
      } else if (current && KEPT[key]) {
        current.attributes[KEPT[key]!] = value;
      }
    }
  });
  flush();
  return facts;
}
