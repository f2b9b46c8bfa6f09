import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import { xmlElements } from './xml-elements.js';

/** Control-M XML exports: a DEFTABLE, a (smart) folder of a data center, or jobs with JOBNAME attributes. */
export const CONTROL_M_XML =
  /<(DEFTABLE|SMART_FOLDER|SMART_TABLE)\b|<FOLDER\b[^>]*\bDATACENTER=|<JOB\b[^>]*\bJOBNAME="/;

/**
 * Control-M job definitions exported as XML (DEFTABLE with FOLDER/SMART_FOLDER/TABLE and JOB
 * elements). Each job runs a JCL member on a schedule; IN/OUT conditions chain jobs, so a job
 * whose in-condition another job sets follows that job.
 */
export function extractControlM(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'control-m');
  const { elements, error } = xmlElements(source.text, source.rel, ['JOB']);
  if (error) {
    facts.problems.push({ message: error.message, location: error });
    return facts;
  }
  const producers = new Map<string, string>();
  const jobs = elements.map((job) => {
    const a = job.attributes;
    const member = (a.MEMNAME || a.JOBNAME || '').toUpperCase();
    for (const out of xmlElements(job.body, source.rel, ['OUTCOND']).elements)
      if (out.attributes.SIGN !== '-' && out.attributes.NAME) producers.set(out.attributes.NAME, member);
    return {
      job,
      member,
      inConditions: xmlElements(job.body, source.rel, ['INCOND'])
        .elements.map((c) => c.attributes.NAME)
        .filter((name): name is string => Boolean(name)),
    };
  });
  for (const { job, member, inConditions } of jobs) {
    const a = job.attributes;
    const name = (a.JOBNAME || member).toUpperCase();
    if (!member) continue;
    const attributes: Record<string, string> = { member };
    for (const [key, attribute] of Object.entries({
      library: 'MEMLIB',
      application: 'APPLICATION',
      subApplication: 'SUB_APPLICATION',
      from: 'TIMEFROM',
      to: 'TIMETO',
      days: 'DAYS',
      weekdays: 'WEEKDAYS',
      cyclic: 'CYCLIC',
      interval: 'INTERVAL',
      type: 'TASKTYPE',
    })) {
      if (a[attribute]) attributes[key] = a[attribute]!;
    }
    facts.definitions.push({ kind: 'scheduled-job', name, attributes, location: job.location });
    facts.entryPoints.push({
      unit: member,
      kind: 'scheduled',
      detail: describeSchedule(attributes),
      location: job.location,
    });
    for (const condition of inConditions) {
      const predecessor = producers.get(condition);
      if (predecessor && predecessor !== member)
        facts.references.push({ from: member, to: predecessor, kind: 'follows', location: job.location });
    }
  }
  return facts;
}

/** "daily from 01:30", "MON,WED from 22:00", "cyclic every 15 minutes". */
function describeSchedule(a: Record<string, string>): string {
  const days = a.weekdays ? a.weekdays : a.days === 'ALL' || !a.days ? 'daily' : `days ${a.days}`;
  const time = a.from ? ` from ${a.from.slice(0, 2)}:${a.from.slice(2)}` : '';
  const cyclic = a.cyclic === '1' && a.interval ? `, cyclic every ${a.interval.replace(/^0+/, '')}` : '';
  return `${days}${time}${cyclic}`;
}
