import writeXlsxFile from 'write-excel-file/browser';
import { spreadsheetCsv } from '../../csv-cells.js';
import { h } from './dom.js';
import type { ReportIndex } from './report-index.js';

type Cloud = 'aws' | 'azure' | 'gcp';
const CLOUDS: Cloud[] = ['aws', 'azure', 'gcp'];

/** A cell: numbers stay numbers in a workbook. */
type Cell = string | number;

/** A file name from the report's scanned folders: demo-portfolio-applications.csv. */
function fileName(index: ReportIndex, what: string, extension = 'csv'): string {
  const base =
    index.data.roots
      .join('-')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'cloudready';
  return `${base}-${what}.${extension}`;
}

/**
 * Saves rows as a CSV file: UTF-8 with a byte-order mark, which spreadsheets need to read
 * accents and C#; cells that would start a formula are written as text (csv-cells.ts). The file
 * is made in the page: nothing is sent anywhere.
 */
function saveCsv(name: string, rows: Cell[][]): void {
  saveBlob(
    name,
    new Blob([`\ufeff${spreadsheetCsv(rows.map((row) => row.map(String)))}`], { type: 'text/csv;charset=utf-8' }),
  );
}

/**
 * Saves a workbook of one sheet per table (write-excel-file): numbers as numbers, the header row
 * bold and kept in view. Text cells are text, never formulas, whatever they start with.
 */
async function saveWorkbook(name: string, sheets: { sheet: string; rows: Cell[][] }[]): Promise<void> {
  const workbook = writeXlsxFile(
    sheets.map(({ sheet, rows }) => ({
      sheet,
      stickyRowsCount: 1,
      data: rows.map((row, at) => (at === 0 ? row.map((value) => ({ value, fontWeight: 'bold' as const })) : row)),
    })),
  );
  saveBlob(name, await workbook.toBlob());
}

function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  // Not through h(): its links are in-page or web addresses only, and this is the page's own blob.
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const text = (value: string | undefined | null) => value ?? '';

function applicationRows(index: ReportIndex): Cell[][] {
  const rows: Cell[][] = [
    [
      'id',
      'name',
      'path',
      'kind',
      'score',
      'strategy',
      'runner_up',
      'blockers',
      'major',
      'minor',
      'info',
      'effort_low',
      'effort_typical',
      'effort_high',
      'confidence',
      'wave',
      'lines',
      'languages',
      'criticality',
      'owner',
      ...(['code', 'platform', 'data', 'operations', 'delivery'] as const).map((dimension) => `score_${dimension}`),
    ],
  ];
  for (const app of index.data.applications) {
    const wave = index.waveOf.get(app.id);
    const languages = Object.entries(app.languages)
      .sort((a, b) => b[1] - a[1])
      .map(([language]) => index.data.languageNames[language] ?? language);
    rows.push([
      app.id,
      app.name,
      app.path,
      app.kind,
      app.score,
      app.strategy,
      app.strategyRunnerUp.strategy,
      app.findingCounts.blocker,
      app.findingCounts.major,
      app.findingCounts.minor,
      app.findingCounts.info,
      app.effortRange.low,
      app.effort,
      app.effortRange.high,
      app.confidence.level,
      wave ?? (index.stays.has(app.id) ? 'stays' : ''),
      app.loc,
      languages.join('; '),
      text(index.business.get(app.id)?.criticality),
      text(index.business.get(app.id)?.owner),
      app.dimensions.code,
      app.dimensions.platform,
      app.dimensions.data,
      app.dimensions.operations,
      app.dimensions.delivery,
    ]);
  }
  return rows;
}

function findingRows(index: ReportIndex): Cell[][] {
  const rows: Cell[][] = [
    [
      'application_id',
      'application',
      'severity',
      'category',
      'rule',
      'title',
      'message',
      'effort',
      'places',
      'first_place',
      'remediation',
      'baseline',
    ],
  ];
  for (const finding of index.data.findings) {
    const rule = index.rules.get(finding.ruleId);
    const first = finding.evidence[0];
    rows.push([
      finding.applicationId,
      index.apps.get(finding.applicationId)?.name ?? finding.applicationId,
      finding.severity,
      finding.category,
      finding.ruleId,
      finding.title ?? rule?.title ?? '',
      finding.message,
      finding.effort,
      finding.evidenceCount,
      first ? `${first.file}${first.line ? `:${first.line}` : ''}` : '',
      finding.remediation ?? rule?.remediation ?? '',
      finding.baselineState ?? '',
    ]);
  }
  return rows;
}

function serverRows(index: ReportIndex): Cell[][] {
  const rows: Cell[][] = [
    [
      'id',
      'name',
      'os',
      'power',
      'vcpu',
      'memory_gib',
      'applications',
      ...CLOUDS.flatMap((cloud) => [`${cloud}_verdict`, `${cloud}_size`, `${cloud}_monthly`, `${cloud}_reasons`]),
    ],
  ];
  for (const server of index.data.hosts.filter((host) => host.readiness)) {
    rows.push([
      server.id,
      server.name,
      server.os?.name ?? '',
      server.powerState ?? '',
      server.cores ?? '',
      server.memoryGiB ?? '',
      server.applications.join('; '),
      ...CLOUDS.flatMap((cloud) => {
        const target = server.targets?.[cloud];
        return [
          server.readiness![cloud].status,
          target?.instance ?? '',
          target ? Math.round(target.monthly.total * 100) / 100 : '',
          server.readiness![cloud].reasons.join('; '),
        ];
      }),
    ]);
  }
  return rows;
}

const button = (label: string, onclick: () => void) =>
  h('button', { type: 'button', class: 'download', onclick }, label);

/** Buttons that save the applications and their findings as CSV files, and everything as one workbook. */
export const applicationDownloads = (index: ReportIndex) => [
  button('Download applications (CSV)', () => saveCsv(fileName(index, 'applications'), applicationRows(index))),
  button('Download findings (CSV)', () => saveCsv(fileName(index, 'findings'), findingRows(index))),
  button(
    'Download workbook (XLSX)',
    () =>
      void saveWorkbook(fileName(index, 'assessment', 'xlsx'), [
        { sheet: 'Applications', rows: applicationRows(index) },
        { sheet: 'Findings', rows: findingRows(index) },
        ...(index.data.hosts.some((host) => host.readiness) ? [{ sheet: 'Servers', rows: serverRows(index) }] : []),
      ]),
  ),
];

/** A button that saves every server with its verdict, size and cost per cloud as a CSV file. */
export const serverDownload = (index: ReportIndex) =>
  button('Download servers (CSV)', () => saveCsv(fileName(index, 'servers'), serverRows(index)));
