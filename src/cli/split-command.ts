import { printableDeep } from '../util/printable.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import { graphFromResult } from '../model/graph-view.js';
import { proposeSplit, type SplitMetric, type SplitOptions, type SplitProposal } from '../plan/split.js';
import { readCoChange } from '../extract/git-history.js';
import { readRuntimeCalls } from '../extract/runtime-calls.js';
import { InputError } from '../errors.js';
import { LANGUAGES } from '../languages/registry.js';
import type { ScanResult } from '../result/schema.js';
import { findApplication, readResult, resultFor, type ResultSource } from './load-result.js';
import { wantsColour } from './colour.js';
import { ExitCode } from './exit-codes.js';
import { writeOutputAtomically } from './write-output.js';
import { reportInputProblems } from './input-problems.js';

export interface SplitCommandOptions extends ResultSource {
  history?: boolean;
  /** Measured call volumes: a CSV of caller,callee,count or an OpenTelemetry span export. */
  calls?: string;
  services?: number;
  seed?: number;
  format: 'table' | 'json' | 'mermaid';
  output?: string;
  color: boolean;
}

function mermaid(proposal: SplitProposal): string {
  const id = (name: string) => name.replace(/[^A-Za-z0-9]/g, '_');
  const lines = ['flowchart LR'];
  for (const service of proposal.services) lines.push(`  ${id(service.name)}["${service.name}<br/><small>${service.units.length} units; owns ${service.entities.join(', ') || 'no table'}</small>"]`);
  for (const library of proposal.sharedLibraries) lines.push(`  ${id(library.name)}(["${library.name}<br/><small>shared, ${library.units.length} units</small>"])`);
  for (const service of proposal.services) {
    for (const target of [...new Set(service.outbound.map((interfaceCall) => interfaceCall.service))]) lines.push(`  ${id(service.name)} -->|calls| ${id(target)}`);
    for (const library of service.sharedLibraries) lines.push(`  ${id(service.name)} -.-> ${id(library)}`);
  }
  if (proposal.frontEnd) {
    lines.push(`  web_front_end[/"web front end<br/><small>${proposal.frontEnd.files.length} browser files</small>"/]`);
    for (const service of proposal.frontEnd.services) lines.push(`  web_front_end -->|HTTP| ${id(service)}`);
  }
  for (const conflict of proposal.conflicts) for (const writer of conflict.writers) if (writer.service !== conflict.owner) lines.push(`  ${id(writer.service)} -. "writes ${conflict.entity} (conflict)" .-> ${id(conflict.owner)}`);
  return `${lines.join('\n')}\n`;
}

function table(proposal: SplitProposal, c: InstanceType<typeof Chalk>): string {
  const history = `${proposal.history ? `co-change from ${proposal.history.commits} commit${proposal.history.commits === 1 ? '' : 's'} (${proposal.history.pairs} file pair${proposal.history.pairs === 1 ? '' : 's'})` : 'no git history read'}${proposal.runtimeCalls ? `; measured calls between ${proposal.runtimeCalls.pairs} class pair${proposal.runtimeCalls.pairs === 1 ? '' : 's'}` : ''}`;
  const lines = [`${c.bold(`Split proposal for ${proposal.application}`)}: ${proposal.services.length} services`, c.dim(`${proposal.choice.why}; ${history}`), ''];
  for (const service of proposal.services) {
    lines.push(c.bold(service.name), `  units (${service.units.length}): ${service.units.join(', ')}`);
    lines.push(`  owns: ${service.entities.join(', ') || c.dim('no table')}`);
    if (service.entryPoints.length) lines.push(`  serves: ${service.entryPoints.join(', ')}`);
    if (service.inbound.length) lines.push(`  called by others: ${service.inbound.map((item) => `${item.unit} (from ${item.from.join(', ')})`).join(', ')}`);
    if (service.outbound.length) lines.push(`  calls: ${service.outbound.map((item) => `${item.unit} (${item.service})`).join(', ')}`);
    lines.push('');
  }
  if (proposal.frontEnd) {
    lines.push(c.bold('Web front end'), `  one unit of ${proposal.frontEnd.files.length} browser file${proposal.frontEnd.files.length === 1 ? '' : 's'}: ${proposal.frontEnd.files.join(', ')}`);
    lines.push(`  calls: ${proposal.frontEnd.services.join(', ') || c.dim('no service with HTTP routes')}`, '');
  }
  if (proposal.sharedLibraries.length) {
    lines.push(c.bold('Shared libraries'));
    for (const library of proposal.sharedLibraries) lines.push(`  ${library.name}: ${library.units.join(', ')}; used by ${library.usedBy.join(', ')}`);
    lines.push('');
  }
  lines.push(c.bold(`Data ownership conflicts (${proposal.conflicts.length})`));
  for (const conflict of proposal.conflicts) lines.push(`  ${c.yellow(conflict.entity)}: ${conflict.suggestion}`);
  lines.push('', c.bold('Extraction order (strangler fig: fewest inbound dependencies and cleanest data first)'));
  proposal.extractionOrder.forEach((step, index) => lines.push(`  ${index + 1}. ${step.service}: ${step.why}`));
  const m = proposal.metrics;
  const shown = (metric: SplitMetric) => (metric.value === null ? c.dim('n/a') : String(metric.value));
  lines.push('', `${c.bold('Metrics')} over ${m.over.classes} classes in ${m.over.groups} services and shared libraries, ${m.over.links} ${m.over.edges === 'runtime' ? 'measured call' : 'static code'} links ${c.dim('(docs/split.md)')}`);
  lines.push(`  modularity ${shown(m.modularity)} · SM ${shown(m.sm)} · ICP ${shown(m.icp)} · IFN ${shown(m.ifn)} · NED ${shown(m.ned)} · BCP ${shown(m.bcp)}`);
  for (const [name, metric] of Object.entries({ modularity: m.modularity, SM: m.sm, ICP: m.icp, IFN: m.ifn, NED: m.ned, BCP: m.bcp })) if (metric.value === null) lines.push(c.dim(`  ${name} n/a: ${metric.reason}`));
  return `${lines.join('\n')}\n`;
}

/** `cloudready split APP`: an application id in the scanned portfolio, or an application folder. */
export async function runSplit(target: string, paths: string[], options: SplitCommandOptions): Promise<number> {
  // A broken calls file is told before a scan is waited for.
  const runtimeCalls = options.calls ? await readRuntimeCalls(options.calls) : undefined;
  let result: ScanResult;
  let applicationId = target;
  let scannedRoot: string | undefined;
  if (options.from) result = await readResult(options.from);
  else {
    const isFolder = paths.length === 0 && (await fs.stat(target).catch(() => undefined))?.isDirectory();
    const roots = isFolder ? [target] : paths.length ? paths : ['.'];
    result = await resultFor(roots, { ...options, from: undefined });
    scannedRoot = roots.length === 1 ? path.resolve(roots[0]!) : undefined;
    if (isFolder) {
      if (result.applications.length !== 1) throw new InputError(`${target} holds ${result.applications.length} applications`, `Name one: ${result.applications.map((app) => app.id).join(', ')}.`);
      applicationId = result.applications[0]!.id;
    }
  }
  const app = findApplication(result, applicationId);
  const graph = graphFromResult(result.graph);
  const units = graph.filterNodes((node) => node.startsWith(`unit:${app.id}:`)).length;
  if (units < 2) {
    throw new InputError(`${app.id} has no unit graph to split (languages: ${Object.keys(app.languages).join(', ') || 'none'})`, `split reads the units of ${LANGUAGES.filter(({ analysis }) => analysis?.extractor ?? analysis?.project).map(({ name }) => name).join(', ')}; other languages are only counted (docs/languages.md).`);
  }
  // Co-change coupling from git, when the application's folder is in a repository.
  let coChange: SplitOptions['coChange'];
  if (options.history && scannedRoot) {
    const folder = path.join(scannedRoot, app.path);
    const history = await readCoChange(folder);
    if (history) coChange = { commits: history.commits, pairs: history.pairs.map((pair) => ({ ...pair, a: path.posix.join(app.path === '.' ? '' : app.path, pair.a), b: path.posix.join(app.path === '.' ? '' : app.path, pair.b) })) };
  }
  let proposal: SplitProposal;
  try {
    proposal = proposeSplit(graph, app.id, { services: options.services, seed: options.seed, coChange, runtimeCalls });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const text = options.format === 'json' ? `${JSON.stringify(proposal, null, 2)}\n` : options.format === 'mermaid' ? mermaid(proposal) : table(printableDeep(proposal), new Chalk({ level: !options.output && wantsColour(options.color) ? 1 : 0 }));
  if (options.output) await writeOutputAtomically(options.output, text);
  else process.stdout.write(text);
  return reportInputProblems(result, options) ?? ExitCode.ok;
}
