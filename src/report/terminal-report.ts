import { printableDeep } from '../util/printable.js';
import { Chalk, type ChalkInstance } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import Table from 'cli-table3';
import { languageById } from '../languages/registry.js';
import { SEVERITY_ORDER, type Application, type Finding, type ScanResult, type Severity } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { plural } from '../util/plural.js';
import type { Reporter } from './reporter-types.js';
import { serversSection } from './servers-table.js';

const TOP_FINDINGS = 12;

/** The portfolio table an architect reads first, then the findings that matter most. */
export const terminalReport: Reporter = (scanned, options) => {
  // Names, paths and snippets come from scanned files: no control character reaches the terminal.
  // The graph, most of a large result, is not printed here, so it is not walked (160 ms at 180,000 edges).
  const { graph, ...printed } = scanned;
  const result = { ...printableDeep(printed), graph };
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const { summary } = result;
  lines.push(
    c.bold(`cloudready ${result.tool.version}`) +
      c.dim(
        ` · ${plural(summary.applications, 'application')} · ${plural(summary.loc, 'line')} of code · ${plural(summary.files, 'file')}`,
      ),
  );
  if (result.applications.length === 0 && result.hosts.some((server) => server.readiness)) {
    lines.push('', 'No application code found: the servers below are judged from the inventories alone.');
  } else if (result.applications.length === 0) {
    lines.push(
      '',
      'No applications found. cloudready looks for build manifests (pom.xml, package.json, *.csproj, *.sln, ...),',
    );
    lines.push(
      'Dockerfiles, mainframe programs (COBOL, PL/I) and folders of program sources; declare applications in cloudready.yaml otherwise.',
    );
  } else {
    const low = result.applications
      .filter((app) => app.confidence.level !== 'high')
      .map((app) => `${app.name} (${app.confidence.level})`);
    const table = portfolioTable(result.applications, c, options.width);
    lines.push(
      '',
      table.text,
      ...(table.hidden.length > 0
        ? [
            c.dim(
              `Fitted to ${options.width} columns: ${table.hidden.join(', ')} left out (a wider terminal, or --format json, shows every column).`,
            ),
          ]
        : []),
      c.dim(
        `Effort: ${summary.effortRange.low}-${summary.effortRange.high} person-days for the portfolio.${low.length ? ` Lower confidence: ${low.join(', ')}.` : ''} cloudready explain APP shows how a score was made.`,
      ),
      '',
      ...topFindings(result, c),
    );
  }
  lines.push(...boundaries(result, c));
  const apart = result.uncounted.filter((finding) => finding.severity !== 'info');
  if (apart.length > 0) {
    const origins = [
      ...new Set(apart.flatMap((finding) => finding.evidence.map((item) => item.origin ?? 'production'))),
    ].sort(compareStrings);
    const where = origins.length > 0 ? `${origins.join(', ')} code` : 'applications without production code';
    lines.push(
      '',
      c.dim(
        `${plural(apart.length, 'more finding')} only in ${where}, not counted (--include-context ${origins[0] ?? 'test'} counts them; --format json: uncounted)`,
      ),
    );
  }
  if (result.suppressed.length > 0) {
    const findings = new Set(result.suppressed.map((item) => item.findingId)).size;
    lines.push(
      '',
      c.dim(
        `${plural(result.suppressed.length, 'place')} in ${plural(findings, 'finding')} suppressed by cloudready-ignore comments or rules.ignore (--format json: suppressed)`,
      ),
    );
  }
  const inventory = summary.inventory;
  if (inventory.files > 0) {
    const formats = [...new Set(result.inventories.map((file) => file.format))].sort(compareStrings).join(', ');
    const counts = [
      `${plural(inventory.imported, 'record')} imported`,
      inventory.ignored ? `${inventory.ignored} ignored` : '',
      inventory.rejected ? c.yellow(`${inventory.rejected} rejected`) : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      '',
      `Inventories: ${plural(inventory.files, 'file')} (${formats}): ${counts}; ${plural(inventory.hosts, 'host')}, ${plural(inventory.connections, 'connection')}`,
    );
  }
  lines.push(...serversSection(result, c, options.width));
  // Errors first: they are what sets the exit code.
  const skipped = [
    ...result.diagnostics.filter((d) => d.level === 'error'),
    ...result.diagnostics.filter((d) => d.level === 'warning'),
  ];
  if (skipped.length > 0) {
    lines.push('', c.yellow(`${plural(skipped.length, 'input problem')} (files skipped or not understood):`));
    for (const d of skipped.slice(0, 5))
      lines.push(
        `  ${d.level === 'error' ? c.red('error') : c.yellow('warning')} ${d.file ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`,
      );
    if (skipped.length > 5)
      lines.push(c.dim(`  … ${skipped.length - 5} more in the JSON result (--format json): diagnostics`));
  }
  if (result.gate) {
    lines.push(
      '',
      result.gate.passed
        ? c.green('Gate passed.')
        : c.red.bold(
            `Gate failed for ${result.gate.failures.length} application${result.gate.failures.length === 1 ? '' : 's'} (reasons on stderr).`,
          ),
    );
  }
  return `${lines.join('\n')}\n`;
};

/**
 * What is not in the table and why: libraries and desktop clients set aside, folders outside
 * every application, and the boundary calls the user may want to change in cloudready.yaml.
 */
function boundaries(result: ScanResult, c: ChalkInstance): string[] {
  const lines: string[] = [];
  if (result.setAside.length > 0) {
    lines.push('', `Not migration candidates (${result.setAside.length}):`);
    for (const unit of result.setAside.slice(0, 5))
      lines.push(
        `  ${unit.kind.padEnd(8)} ${unit.name === unit.path ? unit.name : `${unit.name} ${c.dim(unit.path)}`}: ${unit.reason}`,
      );
    if (result.setAside.length > 5)
      lines.push(c.dim(`  … ${result.setAside.length - 5} more (--format json: setAside)`));
  }
  const notes = result.diagnostics.filter((d) => d.code === 'application-boundary');
  const outside = result.outside.filter((folder) => folder.kind !== 'docs' && folder.kind !== 'inventory');
  if (outside.length > 0 || notes.length > 0) {
    const kinds = [...new Set(outside.map((folder) => folder.kind))].sort(compareStrings).join(', ');
    const parts = [
      outside.length > 0 ? `${plural(outside.length, 'folder')} outside every application (${kinds})` : '',
      notes.length > 0 ? `${plural(notes.length, 'boundary call')} to check` : '',
    ].filter(Boolean);
    lines.push(
      '',
      c.dim(
        `${parts.join('; ')}: --format json lists them (outside, diagnostics); cloudready.yaml applications: names, merges or excludes (docs/applications.md)`,
      ),
    );
    for (const note of notes.slice(0, 3)) lines.push(c.dim(`  ${note.file ?? ''}: ${note.message}`));
  }
  return lines;
}

/** The portfolio table's columns; those with a `drop` rank give way, lowest first, when the terminal is too narrow. */
const COLUMNS: { head: string; align: 'left' | 'right'; drop?: number }[] = [
  { head: 'Application', align: 'left' },
  { head: 'Kind', align: 'left', drop: 1 },
  { head: 'Score', align: 'right' },
  { head: 'Strategy', align: 'left' },
  { head: 'Blockers', align: 'right' },
  { head: 'Major', align: 'right', drop: 5 },
  { head: 'Minor', align: 'right', drop: 4 },
  { head: 'Languages', align: 'left', drop: 2 },
  { head: 'LOC', align: 'right', drop: 3 },
  { head: 'Effort (days)', align: 'right' },
];
/** Names are cut to this before the finding counts give way, and never narrower than the least. */
const NAME_WIDTH = 26;
const MIN_NAME_WIDTH = 12;

const widthOf = (text: string) => Math.max(...text.split('\n').map((line) => stripVTControlCharacters(line).length));

/**
 * The portfolio table, fitted to the terminal's width when there is one: the columns that matter
 * least give way first (kind, languages, lines of code, minor and major counts), then long
 * application names are cut with an ellipsis. Files and pipes get every column; --format json
 * has everything either way. Returns the table and the columns it left out.
 */
function portfolioTable(
  applications: Application[],
  c: ChalkInstance,
  width?: number,
): { text: string; hidden: string[] } {
  const ordered = [...applications].sort((a, b) => b.score - a.score || compareStrings(a.name, b.name));
  const rows = ordered.map((app) => {
    const { blocker, major, minor } = app.findingCounts;
    return [
      app.name === app.path ? app.name : `${app.name} ${c.dim(app.path)}`,
      app.kind,
      scoreColour(app.score, c)(String(app.score)),
      app.strategy,
      blocker > 0 ? c.red.bold(String(blocker)) : c.dim('0'),
      major > 0 ? c.yellow(String(major)) : c.dim('0'),
      String(minor),
      topLanguages(app),
      app.loc.toLocaleString('en-US'),
      `${app.effortRange.low}-${app.effortRange.high}`,
    ];
  });
  const render = (shown: number[], nameWidth?: number) => {
    const table = new Table({
      head: shown.map((at) => c.bold(COLUMNS[at]!.head)),
      colAligns: shown.map((at) => COLUMNS[at]!.align),
      style: { head: [], border: [] },
      // No rule between rows: a portfolio of fifty applications should fit on a screen.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      ...(nameWidth
        ? { colWidths: shown.map((at) => (at === 0 ? nameWidth : null)), wordWrap: false, truncate: '…' }
        : {}),
    });
    for (const row of rows) table.push(shown.map((at) => row[at]!));
    return table.toString();
  };
  let shown = COLUMNS.map((_column, at) => at);
  let nameWidth: number | undefined;
  let text = render(shown);
  const nameColumn = Math.max(...[COLUMNS[0]!.head, ...rows.map((row) => row[0]!)].map(widthOf)) + 2;
  // The application column takes what the others leave (its padding included), down to `floor`.
  const cutNames = (floor: number) => {
    if (!width || widthOf(text) <= width) return;
    nameWidth = Math.max(floor, (nameWidth ?? nameColumn) - (widthOf(text) - width));
    text = render(shown, nameWidth);
  };
  const drop = (upTo: number) => {
    for (const column of COLUMNS.map((entry, at) => ({ at, rank: entry.drop }))
      .filter((entry) => entry.rank !== undefined && entry.rank <= upTo)
      .sort((a, b) => a.rank! - b.rank!)) {
      if (!width || widthOf(text) <= width) return;
      shown = shown.filter((at) => at !== column.at);
      text = render(shown, nameWidth);
    }
  };
  // Kind, languages and lines of code go first; then names are cut to a readable width; then the
  // minor and major counts go; then names are cut to the least that still tells them apart.
  drop(3);
  cutNames(NAME_WIDTH);
  drop(5);
  cutNames(MIN_NAME_WIDTH);
  return {
    text,
    hidden: COLUMNS.map((column, at) => (shown.includes(at) ? undefined : column.head)).filter(
      (head) => head !== undefined,
    ),
  };
}

function topFindings(result: ScanResult, c: ChalkInstance): string[] {
  const names = new Map(result.applications.map((app) => [app.id, app.name]));
  const ordered = [...result.findings]
    .filter((finding) => finding.severity !== 'info')
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        b.evidenceCount - a.evidenceCount ||
        compareStrings(a.id, b.id),
    );
  if (ordered.length === 0) return [c.green('No findings above info: every application can move as it is.')];
  const lines = [c.bold('Top findings')];
  for (const finding of ordered.slice(0, TOP_FINDINGS)) {
    lines.push(
      `${severityLabel(finding.severity, c)} ${names.get(finding.applicationId) ?? finding.applicationId}: ${finding.message} ${c.dim(`[${finding.ruleId}]`)}`,
    );
    const where = firstPlace(finding);
    if (where) lines.push(`         ${c.cyan(where)}`);
  }
  if (ordered.length > TOP_FINDINGS)
    lines.push(c.dim(`… ${ordered.length - TOP_FINDINGS} more findings: see --format json`));
  return lines;
}

function firstPlace(finding: Finding): string | undefined {
  const first = finding.evidence[0];
  if (!first) return undefined;
  const location = `${first.file}${first.line ? `:${first.line}` : ''}`;
  return first.snippet ? `${location}  ${first.snippet}` : location;
}

function severityLabel(severity: Severity, c: ChalkInstance): string {
  const label = severity.toUpperCase().padEnd(8);
  return severity === 'blocker' ? c.red.bold(label) : severity === 'major' ? c.yellow(label) : c.dim(label);
}

function scoreColour(score: number, c: ChalkInstance) {
  return score >= 80 ? c.green : score >= 50 ? c.yellow : c.red;
}

function topLanguages(app: Application): string {
  return Object.entries(app.languages)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([id]) => languageById(id)?.name ?? id)
    .join(', ');
}
