import type { ScanResult } from '../../result/schema.js';
import { compareStrings } from '../../util/compare.js';
import type { Risk } from './report-data.js';
import { plural } from '../../util/plural.js';

const MAX_RISKS = 10;
/** Blockers shown before the other kinds of risk get their turn. */
const MAX_BLOCKER_RISKS = 6;
const RANK = { blocker: 0, major: 1, minor: 2 } as const;

/** "a, b, c and 4 more" */
export function listOf(items: string[], shown = 4): string {
  if (items.length <= shown)
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|cf|approx)$/i;

/** The first sentence of a remediation: what to do, without the details (not cut inside brackets or after "e.g."). */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let depth = 0;
  for (let at = 0; at < flat.length; at++) {
    const character = flat[at]!;
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (
      /[.!?]/.test(character) &&
      depth === 0 &&
      (at + 1 === flat.length || flat[at + 1] === ' ') &&
      !ABBREVIATIONS.test(flat.slice(0, at))
    )
      return flat.slice(0, at + 1);
  }
  return flat;
}

/**
 * The portfolio's main risks as sentences an executive can read: what blocks applications,
 * what ties them together, and what is not known. Most serious and widest first.
 */
export function topRisks(result: ScanResult): Risk[] {
  const risks: Risk[] = [];
  // Applications by their display names, as the portfolio table shows them; links keep the ids.
  const displayNames = new Map(result.applications.map((app) => [app.id, app.name]));
  const names = (ids: string[], shown?: number) =>
    listOf(
      ids.map((id) => displayNames.get(id) ?? id),
      shown,
    );

  const blockersByRule = new Map<string, { title: string; remediation: string; apps: Set<string> }>();
  for (const finding of result.findings) {
    if (finding.severity !== 'blocker') continue;
    const entry = blockersByRule.get(finding.ruleId) ?? {
      title: finding.title,
      remediation: finding.remediation,
      apps: new Set<string>(),
    };
    entry.apps.add(finding.applicationId);
    blockersByRule.set(finding.ruleId, entry);
  }
  for (const { title, remediation, apps } of blockersByRule.values()) {
    const ids = [...apps].sort(compareStrings);
    risks.push({
      severity: 'blocker',
      text: `${title} blocks ${plural(ids.length, 'application')} (${names(ids)}). ${firstSentence(remediation)}`,
      applications: ids,
    });
  }

  for (const cycle of result.graphAnalysis.applicationCycles) {
    const ids = cycle.map((id) => id.replace(/^app:/, ''));
    risks.push({
      severity: 'major',
      text: `${names(ids)} depend on each other in a circle: they move in one wave, or the cycle is broken first.`,
      applications: ids,
    });
  }

  for (const store of result.graphAnalysis.sharedDatastores) {
    const writers = store.writtenBy.map((id) => id.replace(/^app:/, ''));
    const users = store.applications.map((id) => id.replace(/^app:/, ''));
    if (writers.length > 1)
      risks.push({
        severity: 'major',
        text: `${store.label} is written by ${plural(writers.length, 'application')} (${names(writers)}): they move together, or one of them becomes its owner and the others call it.`,
        applications: users,
      });
    else
      risks.push({
        severity: 'minor',
        text: `${store.label} is shared by ${names(users)}: they move together or its data is split.`,
        applications: users,
      });
  }

  const unknown = result.graphAnalysis.unknownEndpoints;
  if (unknown.length > 0) {
    const appIds = new Set(result.applications.map((app) => app.id));
    const users = [...new Set(unknown.flatMap((endpoint) => endpoint.usedBy.filter((id) => appIds.has(id))))].sort(
      compareStrings,
    );
    risks.push({
      severity: 'major',
      text: `${plural(unknown.length, 'endpoint')} that no scanned application or inventory describes (${listOf(
        unknown.map((endpoint) => endpoint.label),
        3,
      )}): find their owners before planning the move.`,
      applications: users,
    });
  }

  const sensitive = result.waves.crossingLinks.filter((link) => link.latencySensitive);
  if (sensitive.length > 0) {
    const ends = [...new Set(sensitive.flatMap((link) => [link.from, link.to]))].sort(compareStrings);
    risks.push({
      severity: 'major',
      text: `${plural(sensitive.length, 'latency-sensitive link')} will cross the hybrid boundary during the migration (${listOf(
        sensitive.map((link) => `${link.from} → ${link.to}`),
        3,
      )}): measure them, or move both ends together.`,
      applications: ends,
    });
  }

  const unsure = result.applications.filter((app) => app.confidence.level === 'low').map((app) => app.id);
  if (unsure.length > 0)
    risks.push({
      severity: 'minor',
      text: `${plural(unsure.length, 'application')} could only partly be analysed (${names(unsure)}): their scores are less certain.`,
      applications: unsure,
    });

  const unreadable = result.diagnostics.filter((diagnostic) => diagnostic.level === 'error');
  if (unreadable.length > 0)
    risks.push({
      severity: 'major',
      text: `${plural(unreadable.length, 'input')} could not be read; the scan notes list them. What they hold is missing from this report.`,
      applications: [],
    });

  // Blockers come first, but not all ten: what ties applications together and what is unknown is
  // as much a steering committee's risk as what blocks one application.
  const order = (a: Risk, b: Risk) =>
    RANK[a.severity] - RANK[b.severity] ||
    b.applications.length - a.applications.length ||
    compareStrings(a.text, b.text);
  const blockers = risks.filter((risk) => risk.severity === 'blocker').sort(order);
  const others = risks.filter((risk) => risk.severity !== 'blocker').sort(order);
  let shownBlockers = Math.max(MAX_BLOCKER_RISKS, MAX_RISKS - others.length);
  // Blockers left out are counted on a line of their own, which takes a slot.
  if (blockers.length > shownBlockers) shownBlockers--;
  const hidden = blockers.length - Math.min(blockers.length, shownBlockers);
  const more: Risk[] =
    hidden > 0
      ? [
          {
            severity: 'blocker',
            text: `${plural(hidden, 'more blocking rule')}: each application's page lists its blockers.`,
            applications: [],
          },
        ]
      : [];
  return [...blockers.slice(0, shownBlockers), ...more, ...others].slice(0, MAX_RISKS);
}
