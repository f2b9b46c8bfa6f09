import { Chalk, type ChalkInstance } from 'chalk';
import type { SplitMetric, SplitProposal } from '../plan/split-types.js';
import { printableDeep } from '../util/printable.js';
import type { ReportOptions } from './reporter-types.js';

/** The proposal as a Mermaid flowchart: services, shared libraries, the front end, calls and conflicting writes. */
export function mermaid(proposal: SplitProposal): string {
  const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');
  const lines = ['flowchart LR'];
  for (const service of proposal.services)
    lines.push(
      `  ${id(service.name)}["${service.name}<br/><small>${service.units.length} units; owns ${service.entities.join(', ') || 'no table'}</small>"]`,
    );
  for (const library of proposal.sharedLibraries)
    lines.push(`  ${id(library.name)}(["${library.name}<br/><small>shared, ${library.units.length} units</small>"])`);
  for (const service of proposal.services) {
    for (const target of [...new Set(service.outbound.map((interfaceCall) => interfaceCall.service))])
      lines.push(`  ${id(service.name)} -->|calls| ${id(target)}`);
    for (const library of service.sharedLibraries) lines.push(`  ${id(service.name)} -.-> ${id(library)}`);
  }
  if (proposal.frontEnd) {
    lines.push(`  web_front_end[/"web front end<br/><small>${proposal.frontEnd.files.length} browser files</small>"/]`);
    for (const service of proposal.frontEnd.services) lines.push(`  web_front_end -->|HTTP| ${id(service)}`);
  }
  for (const conflict of proposal.conflicts)
    for (const writer of conflict.writers)
      if (writer.service !== conflict.owner)
        lines.push(`  ${id(writer.service)} -. "writes ${conflict.entity} (conflict)" .-> ${id(conflict.owner)}`);
  return `${lines.join('\n')}\n`;
}

/** The proposal as the terminal shows it; names come from scanned code, so escapes are made printable. */
export function splitTable(proposal: SplitProposal, options: ReportOptions): string {
  return table(printableDeep(proposal), new Chalk({ level: options.color ? 1 : 0 }));
}

export function splitJson(proposal: SplitProposal): string {
  return `${JSON.stringify(proposal, null, 2)}\n`;
}

function table(proposal: SplitProposal, c: ChalkInstance): string {
  const history = `${proposal.history ? `co-change from ${proposal.history.commits} commit${proposal.history.commits === 1 ? '' : 's'} (${proposal.history.pairs} file pair${proposal.history.pairs === 1 ? '' : 's'})` : 'no git history read'}${proposal.runtimeCalls ? `; measured calls between ${proposal.runtimeCalls.pairs} class pair${proposal.runtimeCalls.pairs === 1 ? '' : 's'}` : ''}`;
  const lines = [
    `${c.bold(`Split proposal for ${proposal.application}`)}: ${proposal.services.length} services`,
    c.dim(`${proposal.choice.why}; ${history}`),
    '',
  ];
  for (const service of proposal.services) {
    lines.push(c.bold(service.name), `  units (${service.units.length}): ${service.units.join(', ')}`);
    lines.push(`  owns: ${service.entities.join(', ') || c.dim('no table')}`);
    if (service.entryPoints.length) lines.push(`  serves: ${service.entryPoints.join(', ')}`);
    if (service.inbound.length)
      lines.push(
        `  called by others: ${service.inbound.map((item) => `${item.unit} (from ${item.from.join(', ')})`).join(', ')}`,
      );
    if (service.outbound.length)
      lines.push(`  calls: ${service.outbound.map((item) => `${item.unit} (${item.service})`).join(', ')}`);
    lines.push('');
  }
  if (proposal.frontEnd) {
    lines.push(
      c.bold('Web front end'),
      `  one unit of ${proposal.frontEnd.files.length} browser file${proposal.frontEnd.files.length === 1 ? '' : 's'}: ${proposal.frontEnd.files.join(', ')}`,
    );
    lines.push(`  calls: ${proposal.frontEnd.services.join(', ') || c.dim('no service with HTTP routes')}`, '');
  }
  if (proposal.sharedLibraries.length) {
    lines.push(c.bold('Shared libraries'));
    for (const library of proposal.sharedLibraries)
      lines.push(`  ${library.name}: ${library.units.join(', ')}; used by ${library.usedBy.join(', ')}`);
    lines.push('');
  }
  lines.push(c.bold(`Data ownership conflicts (${proposal.conflicts.length})`));
  for (const conflict of proposal.conflicts) lines.push(`  ${c.yellow(conflict.entity)}: ${conflict.suggestion}`);
  lines.push('', c.bold('Extraction order (strangler fig: fewest inbound dependencies and cleanest data first)'));
  proposal.extractionOrder.forEach((step, index) => lines.push(`  ${index + 1}. ${step.service}: ${step.why}`));
  const m = proposal.metrics;
  const shown = (metric: SplitMetric) => (metric.value === null ? c.dim('n/a') : String(metric.value));
  lines.push(
    '',
    `${c.bold('Metrics')} over ${m.over.classes} classes in ${m.over.groups} services and shared libraries, ${m.over.links} ${m.over.edges === 'runtime' ? 'measured call' : 'static code'} links ${c.dim('(docs/split.md)')}`,
  );
  lines.push(
    `  modularity ${shown(m.modularity)} · SM ${shown(m.sm)} · ICP ${shown(m.icp)} · IFN ${shown(m.ifn)} · NED ${shown(m.ned)} · BCP ${shown(m.bcp)}`,
  );
  for (const [name, metric] of Object.entries({
    modularity: m.modularity,
    SM: m.sm,
    ICP: m.icp,
    IFN: m.ifn,
    NED: m.ned,
    BCP: m.bcp,
  }))
    if (metric.value === null) lines.push(c.dim(`  ${name} n/a: ${metric.reason}`));
  return `${lines.join('\n')}\n`;
}
