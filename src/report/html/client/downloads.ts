import { spreadsheetCsv } from '../../csv-cells.js';
import { h } from './dom.js';
import type { ReportIndex } from './report-index.js';

type Cloud = 'aws' | 'azure' | 'gcp';
const CLOUDS: Cloud[] = ['aws', 'azure', 'gcp'];

/** A file name from the report's scanned folders: demo-portfolio-applications.csv. */
function fileName(index: ReportIndex, what: string): string {
  const base = index.data.roots.join('-').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cloudready';
  return `${base}-${what}.csv`;
}

/**
 * Saves rows as a CSV file: UTF-8 with a byte-order mark, which spreadsheets need to read
 * accents and C#; cells that would start a formula are written as text (csv-cells.ts). The file
 * is made in the page: nothing is sent anywhere.
 */
function save(name: string, rows: string[][]): void {
  const url = URL.createObjectURL(new Blob([`\ufeff${spreadsheetCsv(rows)}`], { type: 'text/csv;charset=utf-8' }));
  // Not through h(): its links are in-page or web addresses only, and this is the page's own blob.
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function applicationRows(index: ReportIndex): string[][] {
  const rows = [['id', 'name', 'path', 'kind', 'score', 'strategy', 'runner_up', 'blockers', 'major', 'minor', 'info', 'effort_low', 'effort_typical', 'effort_high', 'confidence', 'wave', 'lines', 'languages', 'criticality', 'owner', ...(['code', 'platform', 'data', 'operations', 'delivery'] as const).map((dimension) => `score_${dimension}`)]];
  for (const app of index.data.applications) {
    const wave = index.waveOf.get(app.id);
    const languages = Object.entries(app.languages).sort((a, b) => b[1] - a[1]).map(([language]) => index.data.languageNames[language] ?? language);
    rows.push([app.id, app.name, app.path, app.kind, text(app.score), app.strategy, app.strategyRunnerUp.strategy, text(app.findingCounts.blocker), text(app.findingCounts.major), text(app.findingCounts.minor), text(app.findingCounts.info), text(app.effortRange.low), text(app.effort), text(app.effortRange.high), app.confidence.level, wave ? String(wave) : index.stays.has(app.id) ? 'stays' : '', text(app.loc), languages.join('; '), index.business.get(app.id)?.criticality ?? '', index.business.get(app.id)?.owner ?? '', text(app.dimensions.code), text(app.dimensions.platform), text(app.dimensions.data), text(app.dimensions.operations), text(app.dimensions.delivery)]);
  }
  return rows;
}

function findingRows(index: ReportIndex): string[][] {
  const rows = [['application_id', 'application', 'severity', 'category', 'rule', 'title', 'message', 'effort', 'places', 'first_place', 'remediation', 'baseline']];
  for (const finding of index.data.findings) {
    const rule = index.rules.get(finding.ruleId);
    const first = finding.evidence[0];
    rows.push([finding.applicationId, index.apps.get(finding.applicationId)?.name ?? finding.applicationId, finding.severity, finding.category, finding.ruleId, finding.title ?? rule?.title ?? '', finding.message, text(finding.effort), text(finding.evidenceCount), first ? `${first.file}${first.line ? `:${first.line}` : ''}` : '', finding.remediation ?? rule?.remediation ?? '', finding.baselineState ?? '']);
  }
  return rows;
}

function serverRows(index: ReportIndex): string[][] {
  const rows = [['id', 'name', 'os', 'power', 'vcpu', 'memory_gib', 'applications', ...CLOUDS.flatMap((cloud) => [`${cloud}_verdict`, `${cloud}_size`, `${cloud}_monthly`, `${cloud}_reasons`])]];
  for (const server of index.data.hosts.filter((host) => host.readiness)) {
    rows.push([
      server.id,
      server.name,
      server.os?.name ?? '',
      server.powerState ?? '',
      text(server.cores),
      text(server.memoryGiB),
      server.applications.join('; '),
      ...CLOUDS.flatMap((cloud) => {
        const target = server.targets?.[cloud];
        return [server.readiness![cloud].status, target?.instance ?? '', target ? target.monthly.total.toFixed(2) : '', server.readiness![cloud].reasons.join('; ')];
      }),
    ]);
  }
  return rows;
}

const button = (label: string, onclick: () => void) => h('button', { type: 'button', class: 'download', onclick }, label);

/** Buttons that save the applications and their findings as CSV files. */
export const applicationDownloads = (index: ReportIndex) => [
  button('Download applications (CSV)', () => save(fileName(index, 'applications'), applicationRows(index))),
  button('Download findings (CSV)', () => save(fileName(index, 'findings'), findingRows(index))),
];

/** A button that saves every server with its verdict, size and cost per cloud as a CSV file. */
export const serverDownload = (index: ReportIndex) => button('Download servers (CSV)', () => save(fileName(index, 'servers'), serverRows(index)));
