import type { Format, Reporter } from './reporter-types.js';

export { FORMATS } from './reporter-types.js';
export type { DocumentInfo, Format, Reporter, ReportOptions } from './reporter-types.js';

/** Reporters load lazily so a JSON run never pays for the table renderer and vice versa. */
export async function loadReporter(format: Format): Promise<Reporter> {
  switch (format) {
    case 'json':
      return (await import('./json-report.js')).jsonReport;
    case 'table':
      return (await import('./terminal-report.js')).terminalReport;
    case 'sarif':
      return (await import('./sarif-report.js')).sarifReport;
    case 'markdown':
      return (await import('./markdown-report.js')).markdownReport;
    case 'junit':
      return (await import('./junit-report.js')).junitReport;
    case 'html':
      return (await import('./html/html-report.js')).htmlReport;
  }
}
