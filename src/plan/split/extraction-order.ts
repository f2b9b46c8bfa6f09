import { compareStrings } from '../../util/compare.js';
import { plural } from '../../util/plural.js';
import type { ExtractionStep, SplitProposal, SplitService } from '../split-types.js';
import type { SplitInput } from './split-input.js';

/**
 * The order to extract services in (docs/split.md, Extraction order): the one whose move pays
 * most for least risk first. It pays by the use cases it serves (entry points) and the data it
 * takes along; it risks by the classes of other services that call into it (each becomes a
 * remote call) and by the writers of its data elsewhere. A stub with no entry point and no data
 * pays nothing, so it does not go first however small it is. Each step names the tables that move
 * and the calls that become remote.
 */
export function extractionOrder(
  services: SplitService[],
  conflicts: SplitProposal['conflicts'],
  input: SplitInput,
  serviceOf: (atom: string) => string | undefined,
): ExtractionStep[] {
  const remote = new Map<string, { from: string; to: string }[]>();
  const callers = new Map<string, Set<string>>();
  for (const [atom, used] of input.uses) {
    for (const target of used) {
      const [from, to] = [serviceOf(atom), serviceOf(target)];
      if (!from || !to || from === to) continue;
      const call = { from: input.label(atom), to: input.label(target) };
      for (const service of [from, to]) remote.set(service, [...(remote.get(service) ?? []), call]);
      callers.set(to, (callers.get(to) ?? new Set()).add(atom));
    }
  }
  const scored = services.map((service) => {
    const inbound = callers.get(service.name)?.size ?? 0;
    const contested = conflicts.filter((conflict) =>
      conflict.writers.some((writer) => writer.service === service.name),
    ).length;
    const payoff = service.entryPoints.length + 2 * service.entities.length;
    const risk = inbound + 2 * contested;
    return { service, inbound, contested, payoff, risk, score: payoff / (1 + risk) };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.inbound - b.inbound || compareStrings(a.service.name, b.service.name))
    .map(({ service, inbound, contested, payoff }) => ({
      service: service.name,
      why: `${payoff === 0 ? 'serves no entry point and owns no data' : `${plural(service.entryPoints.length, 'entry point')} and ${plural(service.entities.length, 'table')} of its own`}; ${plural(inbound, 'class', 'classes')} of other services call${inbound === 1 ? 's' : ''} into it; ${plural(contested, 'data conflict')}`,
      tables: [...service.entities],
      remoteCalls: (remote.get(service.name) ?? []).sort(
        (a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to),
      ),
    }));
}
