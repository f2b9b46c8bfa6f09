import type { LoadedPack } from '../assess/rules/load-rules.js';
import type { Impact } from '../model/impact.js';
import type { SplitProposal } from '../plan/split-types.js';
import type { ScanResult } from '../result/schema.js';
import type { DiffInput } from './diff-report.js';
import type { ExplainInput } from './explain-report.js';
import type { GraphExport } from './graph-export.js';
import type { GraphInput } from './graph-report.js';
import type { ReportOptions } from './reporter-types.js';
import type { RuleInput } from './rules-report.js';
import type { WavesInput } from './waves-report.js';

/**
 * Every output cloudready writes, and every format of each: the one place a reporter is added
 * (docs/architecture.md). A reporter is a pure function of what it renders; commands compute that
 * (scan, plan, compare) and write what the reporter returns. Reporters load on first use, so a
 * JSON run never pays for the table renderer, and `--help` lists formats without loading any.
 */
export interface OutputInputs {
  /** scan, merge and report: the whole result. */
  scan: ScanResult;
  servers: ScanResult;
  graph: GraphInput;
  impact: Impact;
  split: SplitProposal;
  waves: WavesInput;
  explain: ExplainInput;
  diff: DiffInput;
  rules: LoadedPack[];
  rule: RuleInput;
}

/** Text, or for an export of several files (Neo4j import) the files by name. */
export type Rendered = string | GraphExport;
export type Reporter<I> = (input: I, options: ReportOptions) => Rendered;
type Formats<I> = Record<string, () => Promise<Reporter<I>>>;

export const OUTPUTS = {
  scan: {
    table: async () => (await import('./terminal-report.js')).terminalReport,
    json: async () => (await import('./json-report.js')).jsonReport,
    sarif: async () => (await import('./sarif-report.js')).sarifReport,
    markdown: async () => (await import('./markdown-report.js')).markdownReport,
    junit: async () => (await import('./junit-report.js')).junitReport,
    html: async () => (await import('./html/html-report.js')).htmlReport,
  },
  servers: {
    table: async () => (await import('./servers-report.js')).serversText,
    json: async () => (await import('./servers-report.js')).serversJson,
    csv: async () => (await import('./servers-report.js')).serversCsv,
  },
  graph: {
    tree: async () => (await import('./graph-report.js')).graphTree,
    json: async () => (await import('./graph-report.js')).graphExport('json'),
    dot: async () => (await import('./graph-report.js')).graphExport('dot'),
    mermaid: async () => (await import('./graph-report.js')).graphExport('mermaid'),
    gexf: async () => (await import('./graph-report.js')).graphExport('gexf'),
    graphml: async () => (await import('./graph-report.js')).graphExport('graphml'),
    neo4j: async () => (await import('./graph-report.js')).graphExport('neo4j'),
  },
  impact: {
    table: async () => (await import('./graph-report.js')).impactTable,
    json: async () => (await import('./graph-report.js')).impactJson,
  },
  split: {
    table: async () => (await import('./split-report.js')).splitTable,
    json: async () => (await import('./split-report.js')).splitJson,
    mermaid: async () => (await import('./split-report.js')).mermaid,
  },
  waves: {
    table: async () => (await import('./waves-report.js')).wavesTable,
    json: async () => (await import('./waves-report.js')).wavesJson,
    csv: async () => (await import('./waves-report.js')).wavesCsv,
    cmf: async () => (await import('./waves-report.js')).wavesCmf,
  },
  explain: {
    table: async () => (await import('./explain-report.js')).explainText,
  },
  diff: {
    table: async () => (await import('./diff-report.js')).diffTable,
    json: async () => (await import('./diff-report.js')).diffJson,
  },
  rules: {
    table: async () => (await import('./rules-report.js')).rulesTable,
    json: async () => (await import('./rules-report.js')).rulesJson,
  },
  rule: {
    table: async () => (await import('./rules-report.js')).ruleText,
  },
} as const satisfies { [O in keyof OutputInputs]: Formats<OutputInputs[O]> };

export type Output = keyof typeof OUTPUTS;
export type FormatOf<O extends Output> = keyof (typeof OUTPUTS)[O] & string;
/** The scan report's formats (scan, merge and report write the same ones). */
export type Format = FormatOf<'scan'>;

/** An output's formats, in the order `--help` lists them. */
export function formatsOf<O extends Output>(output: O): FormatOf<O>[] {
  return Object.keys(OUTPUTS[output]) as FormatOf<O>[];
}

export async function loadReporter<O extends Output>(
  output: O,
  format: FormatOf<O>,
): Promise<Reporter<OutputInputs[O]>> {
  const load = (OUTPUTS[output] as unknown as Formats<OutputInputs[O]>)[format];
  if (!load) throw new Error(`no ${format} format for ${output}`);
  return load();
}

/** Renders what an output shows in one of its formats. */
export async function render<O extends Output>(
  output: O,
  format: FormatOf<O>,
  input: OutputInputs[O],
  options: ReportOptions,
): Promise<Rendered> {
  return (await loadReporter(output, format))(input, options);
}

/** Text of an output that is one file (every format but a multi-file export). */
export async function renderText<O extends Output>(
  output: O,
  format: FormatOf<O>,
  input: OutputInputs[O],
  options: ReportOptions,
): Promise<string> {
  const rendered = await render(output, format, input, options);
  if (typeof rendered === 'string') return rendered;
  if ('text' in rendered) return rendered.text;
  throw new Error(`${output} --format ${format} writes several files`);
}
