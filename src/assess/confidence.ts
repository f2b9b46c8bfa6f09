import type { PlacedApplication } from '../model/inventory-context.js';
import { hasFactExtractor } from '../extract/source/index.js';
import type { Diagnostic, Finding } from '../result/schema.js';

export interface Confidence {
  score: number;
  level: 'high' | 'medium' | 'low';
  reasons: string[];
}

/** The one reason given when nothing lowered confidence. */
const NOTHING_LOWERED = 'every file read, an extractor for every language, hosts known';

/**
 * How much of the application cloudready could see (docs/scoring.md): files it could not read
 * or parse, code in languages it only counts, no inventory describing where it runs, traffic
 * to machines nobody described. A high score with low confidence is a question, not an answer.
 */
export function assessConfidence(facts: PlacedApplication, diagnostics: Diagnostic[]): Confidence {
  const reasons: string[] = [];
  let score = 100;
  const prefix = facts.app.rootRel ? `${facts.app.rootRel}/` : '';
  const files = Math.max(1, facts.files.length);
  const unread = diagnostics.filter(
    (d) =>
      d.level !== 'info' &&
      d.file !== undefined &&
      d.file.startsWith(prefix) &&
      facts.files.some(({ file }) => file.rel === d.file),
  ).length;
  if (unread > 0) {
    const penalty = Math.min(40, Math.ceil((40 * unread) / files) + 5);
    score -= penalty;
    reasons.push(`${unread} of ${facts.files.length} files could not be read or parsed (−${penalty})`);
  }
  const loc = Object.values(facts.languages).reduce((sum, lines) => sum + lines, 0);
  const opaque = Object.entries(facts.languages).filter(([language]) => !hasFactExtractor(language));
  const opaqueLoc = opaque.reduce((sum, [, lines]) => sum + lines, 0);
  if (loc > 0 && opaqueLoc > 0) {
    const penalty = Math.round((20 * opaqueLoc) / loc);
    if (penalty > 0) {
      score -= penalty;
      reasons.push(
        `${Math.round((100 * opaqueLoc) / loc)} % of its code is in languages read only by text rules (${opaque
          .map(([language]) => language)
          .sort()
          .join(', ')}) (−${penalty})`,
      );
    }
  }
  if (loc === 0) {
    score -= 20;
    reasons.push('no lines of code were found (−20)');
  }
  if (!facts.inventory || facts.inventory.hosts.length === 0) {
    score -= 15;
    reasons.push('no inventory places it on hosts: platform, licences and service level are unknown (−15)');
  }
  const unknown = facts.inventory?.connections.filter((connection) => !connection.peer.host).length ?? 0;
  if (unknown > 0) {
    score -= 10;
    reasons.push(`${unknown} connection${unknown === 1 ? '' : 's'} to machines no inventory describes (−10)`);
  }
  score = Math.max(0, score);
  return { score, level: levelOf(score), reasons: reasons.length ? reasons : [NOTHING_LOWERED] };
}

/**
 * What the evidence behind a verdict is worth: a strategy decided by one finding found in one
 * place rests on one line a reader should open; an application whose findings sit mostly in code
 * that does not count (tests, copied libraries, samples) was judged on little of what was found.
 */
export function weighEvidence(
  confidence: Confidence,
  counted: Finding[],
  uncounted: Finding[],
  deciding: Finding[],
): Confidence {
  const reasons = confidence.reasons.filter((reason) => reason !== NOTHING_LOWERED);
  let score = confidence.score;
  const single = deciding.length === 1 ? deciding[0]! : undefined;
  if (single && single.evidenceCount === 1 && single.evidence[0]?.line !== undefined) {
    score -= 10;
    const place = single.evidence[0];
    reasons.push(`the strategy rests on one place: ${single.ruleId} at ${place.file}:${place.line}; check it (−10)`);
  }
  const placesOf = (findings: Finding[]) =>
    findings.filter((finding) => finding.severity !== 'info').reduce((sum, finding) => sum + finding.evidenceCount, 0);
  const inside = placesOf(counted);
  const outside = placesOf(uncounted);
  if (outside > inside && outside >= 5) {
    score -= 10;
    reasons.push(
      `${outside} of ${inside + outside} places found are in tests, copied libraries, samples or tooling and do not count (−10)`,
    );
  }
  if (score === confidence.score) return confidence;
  score = Math.max(0, score);
  return { score, level: levelOf(score), reasons };
}

function levelOf(score: number): Confidence['level'] {
  return score >= 80 ? 'high' : score >= 50 ? 'medium' : 'low';
}
