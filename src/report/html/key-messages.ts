import type { Application, ScanResult, Strategy } from '../../result/schema.js';
import { compareStrings } from '../../util/compare.js';
import { listOf } from './top-risks.js';
import { plural } from '../../util/plural.js';

/** What each strategy means, said as a steering committee would say it. */
const STRATEGY_PHRASES: Record<Strategy, string> = {
  rehost: 'can move as they are (rehost)',
  replatform: 'need platform changes first (replatform)',
  refactor: 'need changes to their code (refactor)',
  repurchase: 'are better replaced by a bought service (repurchase)',
  relocate: 'can move whole onto a cloud-hosted platform (relocate)',
  retain: 'stay where they are for now (retain)',
  retire: 'could be switched off (retire)',
};
const STRATEGY_ORDER: Strategy[] = ['rehost', 'replatform', 'refactor', 'repurchase', 'relocate', 'retain', 'retire'];

const days = (value: number) => Math.round(value).toLocaleString('en-US');

function strategyMix(apps: Application[]): string {
  const parts = STRATEGY_ORDER.map((strategy) => ({
    strategy,
    size: apps.filter((app) => app.strategy === strategy).length,
  })).filter((part) => part.size > 0);
  const phrases = parts.map((part) => `${part.size} ${STRATEGY_PHRASES[part.strategy]}`);
  return `Of ${plural(apps.length, 'application')}, ${listOf(phrases, phrases.length)}.`;
}

function blockers(result: ScanResult, name: (id: string) => string): string {
  const byApp = new Map<string, Set<string>>();
  for (const finding of result.findings) {
    if (finding.severity !== 'blocker') continue;
    // "Node-locked licence" reads on mid-sentence as "node-locked licence"; "CICS" stays as it is.
    const title = /^[A-Z][a-z]/.test(finding.title)
      ? finding.title.charAt(0).toLowerCase() + finding.title.slice(1)
      : finding.title;
    byApp.set(finding.applicationId, (byApp.get(finding.applicationId) ?? new Set()).add(title));
  }
  if (byApp.size === 0) return 'Nothing blocks any application from moving: what remains is work, not impossibility.';
  const blocked = [...byApp].sort((a, b) => b[1].size - a[1].size || compareStrings(name(a[0]), name(b[0])));
  const shown = blocked
    .slice(0, 3)
    .map(([id, titles]) => `${name(id)} (${listOf([...titles].sort(compareStrings), 2)})`);
  return `${plural(byApp.size, 'application')} cannot move until ${byApp.size === 1 ? 'its blockers are' : 'their blockers are'} resolved: ${listOf(shown, 3)}${blocked.length > 3 ? ` and ${blocked.length - 3} more` : ''}.`;
}

function plan(result: ScanResult, name: (id: string) => string): string {
  const { waves, staying } = result.waves;
  const moving = waves.reduce((sum, wave) => sum + wave.applications.length, 0);
  const effort = waves.reduce((sum, wave) => sum + wave.effort, 0);
  if (waves.length === 0) return `No application is planned to move: ${plural(staying.length, 'application')} stay.`;
  const first = waves[0]!;
  const pilot = first.reasons.some((reason) => /pilot/i.test(reason));
  return `Moving ${plural(moving, 'application')} takes about ${days(effort)} person-days in ${plural(waves.length, 'wave')}; ${pilot ? 'the pilot, wave 1,' : 'wave 1'} moves ${listOf(first.applications.map(name), 3)} (${days(first.effort)} person-days) to prove the landing zone and the runbook.${staying.length ? ` ${plural(staying.length, 'application')} ${staying.length === 1 ? 'stays' : 'stay'}.` : ''}`;
}

function ties(result: ScanResult): string | undefined {
  const { applicationCycles, sharedDatastores, unknownEndpoints } = result.graphAnalysis;
  const parts = [
    applicationCycles.length &&
      plural(
        applicationCycles.length,
        'circle of applications that depend on each other',
        'circles of applications that depend on each other',
      ),
    sharedDatastores.length &&
      plural(
        sharedDatastores.length,
        'datastore shared between applications',
        'datastores shared between applications',
      ),
  ].filter((part): part is string => Boolean(part));
  const unknown = unknownEndpoints.length
    ? `${plural(unknownEndpoints.length, 'endpoint')} that no scanned application or inventory describes ${unknownEndpoints.length === 1 ? 'needs an owner' : 'need owners'} before the plan is final`
    : '';
  if (parts.length === 0 && !unknown) return undefined;
  const tied = parts.length ? `${listOf(parts, 2)} decide which applications move together` : '';
  return `${[tied, unknown].filter(Boolean).join('; ')}.`.replace(/^./, (first) => first.toUpperCase());
}

function servers(result: ScanResult): string | undefined {
  const judged = result.hosts.filter((host) => host.readiness);
  if (judged.length === 0) return undefined;
  const clouds = (['aws', 'azure', 'gcp'] as const).map((cloud) => ({
    cloud,
    label: { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' }[cloud],
    ready: judged.filter((host) => host.readiness![cloud].status === 'ready').length,
    conditions: judged.filter((host) => host.readiness![cloud].status === 'ready-with-conditions').length,
    monthly: result.serverCosts?.clouds[cloud]?.monthly,
    sized: result.serverCosts?.clouds[cloud]?.servers ?? 0,
  }));
  const best = [...clouds].sort(
    (a, b) =>
      b.ready + b.conditions - (a.ready + a.conditions) || b.ready - a.ready || compareStrings(a.cloud, b.cloud),
  )[0]!;
  const priced = clouds.filter((cloud) => cloud.monthly !== undefined).sort((a, b) => a.monthly! - b.monthly!);
  const money = (value: number) =>
    `${result.serverCosts!.currency === 'USD' ? '$' : `${result.serverCosts!.currency} `}${Math.round(value).toLocaleString('en-US')}`;
  const cost = priced.length
    ? ` The ${plural(priced[0]!.sized, 'server')} that could be sized cost about ${money(priced[0]!.monthly!)} a month on ${priced[0]!.label}${priced.length > 1 ? ` (${money(priced.at(-1)!.monthly!)} on ${priced.at(-1)!.label})` : ''}, at ${result.serverCosts!.source === 'built-in' ? 'list prices' : 'the given prices'}.`
    : '';
  return `Of ${plural(judged.length, 'server')}, ${best.ready} can be rehosted on ${best.label} as they are and ${best.conditions} with conditions.${cost}`;
}

/**
 * Three to five sentences a steering committee reads first: what can move, what blocks, what
 * the move takes, what ties applications together, and what the servers cost.
 */
export function keyMessages(result: ScanResult): string[] {
  if (result.applications.length === 0 && result.hosts.length === 0)
    return ['No application and no server was found in the scanned folders.'];
  const names = new Map(result.applications.map((app) => [app.id, app.name]));
  const name = (id: string) => names.get(id) ?? id;
  const messages = result.applications.length
    ? [strategyMix(result.applications), blockers(result, name), plan(result, name), ties(result)]
    : [];
  return [...messages, servers(result)].filter((message): message is string => Boolean(message));
}
