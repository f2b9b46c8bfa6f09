import { printableDeep } from '../util/printable.js';
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { languageById } from '../discover/languages.js';
import { SEVERITY_ORDER, type Application, type Finding, type ScanResult, type Severity } from '../result/schema.js';
import { compareStrings } from '../util/compare.js';
import { plural } from '../util/plural.js';
import type { Reporter } from './reporter.js';
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
      c.dim(` · ${plural(summary.applications, 'application')} · ${plural(summary.loc, 'line')} of code · ${plural(summary.files, 'file')}`),
  );
  if (result.applications.length === 0 && result.hosts.some((server) => server.readiness)) {
    lines.push('', 'No application code found: the servers below are judged from the inventories alone.');
  } else if (result.applications.length === 0) {
    lines.push('', 'No applications found. cloudready looks for build manifests (pom.xml, package.json, *.csproj, *.sln, ...),');
    lines.push('Dockerfiles, mainframe programs (COBOL, PL/I) and folders of program sources; declare applications in cloudready.yaml otherwise.');
  } else {
    const low = result.applications.filter((app) => app.confidence.level !== 'high').map((app) => `${app.name} (${app.confidence.level})`);
    lines.push(
      '',
      portfolioTable(result.applications, c),
      c.dim(`Effort: ${summary.effortRange.low}-${summary.effortRange.high} person-days for the portfolio.${low.length ? ` Lower confidence: ${low.join(', ')}.` : ''} cloudready explain APP shows how a score was made.`),
      '',
      ...topFindings(result, c),
    );
  }
  lines.push(...boundaries(result, c));
  const apart = result.uncounted.filter((finding) => finding.severity !== 'info');
  if (apart.length > 0) {
    const origins = [...new Set(apart.flatMap((finding) => finding.evidence.map((item) => item.origin ?? 'production')))].sort(compareStrings);
    const where = origins.length > 0 ? `${origins.join(', ')} code` : 'applications without production code';
    lines.push('', c.dim(`${plural(apart.length, 'more finding')} only in ${where}, not counted (--include-context ${origins[0] ?? 'test'} counts them; --format json: uncounted)`));
  }
  if (result.suppressed.length > 0) {
    const findings = new Set(result.suppressed.map((item) => item.findingId)).size;
    lines.push('', c.dim(`${plural(result.suppressed.length, 'place')} in ${plural(findings, 'finding')} suppressed by cloudready-ignore comments or rules.ignore (--format json: suppressed)`));
  }
  const inventory = summary.inventory;
  if (inventory.files > 0) {
    const formats = [...new Set(result.inventories.map((file) => file.format))].sort(compareStrings).join(', ');
    const counts = [`${plural(inventory.imported, 'record')} imported`, inventory.ignored ? `${inventory.ignored} ignored` : '', inventory.rejected ? c.yellow(`${inventory.rejected} rejected`) : ''].filter(Boolean).join(', ');
    lines.push('', `Inventories: ${plural(inventory.files, 'file')} (${formats}): ${counts}; ${plural(inventory.hosts, 'host')}, ${plural(inventory.connections, 'connection')}`);
  }
  lines.push(...serversSection(result, c));
  // Errors first: they are what sets the exit code.
  const skipped = [...result.diagnostics.filter((d) => d.level === 'error'), ...result.diagnostics.filter((d) => d.level === 'warning')];
  if (skipped.length > 0) {
    lines.push('', c.yellow(`${plural(skipped.length, 'input problem')} (files skipped or not understood):`));
    for (const d of skipped.slice(0, 5)) lines.push(`  ${d.level === 'error' ? c.red('error') : c.yellow('warning')} ${d.file ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`);
    if (skipped.length > 5) lines.push(c.dim(`  … ${skipped.length - 5} more in the JSON result (--format json): diagnostics`));
  }
  if (result.gate) {
    lines.push('', result.gate.passed ? c.green('Gate passed.') : c.red.bold(`Gate failed for ${result.gate.failures.length} application${result.gate.failures.length === 1 ? '' : 's'} (reasons on stderr).`));
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
    for (const unit of result.setAside.slice(0, 5)) lines.push(`  ${unit.kind.padEnd(8)} ${unit.name === unit.path ? unit.name : `${unit.name} ${c.dim(unit.path)}`}: ${unit.reason}`);
    if (result.setAside.length > 5) lines.push(c.dim(`  … ${result.setAside.length - 5} more (--format json: setAside)`));
  }
  const notes = result.diagnostics.filter((d) => d.code === 'application-boundary');
  const outside = result.outside.filter((folder) => folder.kind !== 'docs' && folder.kind !== 'inventory');
  if (outside.length > 0 || notes.length > 0) {
    const kinds = [...new Set(outside.map((folder) => folder.kind))].sort(compareStrings).join(', ');
    const parts = [outside.length > 0 ? `${plural(outside.length, 'folder')} outside every application (${kinds})` : '', notes.length > 0 ? `${plural(notes.length, 'boundary call')} to check` : ''].filter(Boolean);
    lines.push('', c.dim(`${parts.join('; ')}: --format json lists them (outside, diagnostics); cloudready.yaml applications: names, merges or excludes (docs/applications.md)`));
    for (const note of notes.slice(0, 3)) lines.push(c.dim(`  ${note.file ?? ''}: ${note.message}`));
  }
  return lines;
}

function portfolioTable(applications: Application[], c: ChalkInstance): string {
  const table = new Table({
    head: ['Application', 'Kind', 'Score', 'Strategy', 'Blockers', 'Major', 'Minor', 'Languages', 'LOC', 'Effort (days)'].map((h) => c.bold(h)),
    colAligns: ['left', 'left', 'right', 'left', 'right', 'right', 'right', 'left', 'right', 'right'],
    style: { head: [], border: [] },
    // No rule between rows: a portfolio of fifty applications should fit on a screen.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const ordered = [...applications].sort((a, b) => b.score - a.score || compareStrings(a.name, b.name));
  for (const app of ordered) {
    const { blocker, major, minor } = app.findingCounts;
    table.push([
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
    ]);
  }
  return table.toString();
}

function topFindings(result: ScanResult, c: ChalkInstance): string[] {
  const names = new Map(result.applications.map((app) => [app.id, app.name]));
  const ordered = [...result.findings]
    .filter((finding) => finding.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.evidenceCount - a.evidenceCount || compareStrings(a.id, b.id));
  if (ordered.length === 0) return [c.green('No findings above info: every application can move as it is.')];
  const lines = [c.bold('Top findings')];
  for (const finding of ordered.slice(0, TOP_FINDINGS)) {
    lines.push(`${severityLabel(finding.severity, c)} ${names.get(finding.applicationId) ?? finding.applicationId}: ${finding.message} ${c.dim(`[${finding.ruleId}]`)}`);
    const where = firstPlace(finding);
    if (where) lines.push(`         ${c.cyan(where)}`);
  }
  if (ordered.length > TOP_FINDINGS) lines.push(c.dim(`… ${ordered.length - TOP_FINDINGS} more findings: see --format json`));
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

