import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { ScanResult } from '../../result/schema.js';
import type { Reporter } from '../reporter-types.js';
import { buildReportData } from './build-report-data.js';

/**
 * The page script and stylesheet, bundled at build time (scripts/build-report-assets.mjs) into
 * dist/report/html/assets/, read from there by the compiled, the bundled and the source modules.
 */
function readAsset(name: string): string {
  const file = path.join(PACKAGE_ROOT, 'dist', 'report', 'html', 'assets', name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  throw new Error(`the HTML report's ${name} is missing: run npm run build`);
}

let assets: { script: string; style: string } | undefined;
function reportAssets() {
  // A "</script" inside the bundle would end the inline script early; it can only sit in a string there.
  assets ??= {
    script: readAsset('report.js').replaceAll('</script', '<\\/script'),
    style: readAsset('report.css').replaceAll('</style', '<\\/style'),
  };
  return assets;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/**
 * JSON that is safe inside a script element: no "<" (so no "</script>" or "<!--"), and no
 * line separators that old parsers read as line breaks.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** A plain table for readers whose viewer runs no scripts: every application's verdict. */
function noScriptSummary(result: ScanResult): string {
  const rows = result.applications
    .map(
      (app) =>
        `<tr><td>${escapeHtml(app.name)}</td><td>${app.score}</td><td>${escapeHtml(app.strategy)}</td><td>${app.blockers}</td><td>${app.effortRange.low}-${app.effortRange.high}</td></tr>`,
    )
    .join('');
  return `<noscript><p>This report draws its charts, graph and pages with JavaScript, which this viewer does not run. The verdict for each application:</p><table><thead><tr><th>Application</th><th>Score</th><th>Strategy</th><th>Blockers</th><th>Effort (person-days)</th></tr></thead><tbody>${rows}</tbody></table></noscript>`;
}

/**
 * One self-contained HTML file: styles, the page script (with Chart.js and Cytoscape.js bundled
 * in) and the data inline. The Content-Security-Policy allows only this file's own script (by
 * hash) and no connection of any kind, so the report makes no network request when opened,
 * and a scanned string that escaped escaping still could not run.
 */
export const htmlReport: Reporter = (result, options) => {
  const { script, style } = reportAssets();
  const data = buildReportData(result, options.document);
  const policy = [
    `default-src 'none'`,
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'unsafe-inline'`,
    `img-src data: blob:`,
    `connect-src 'none'`,
    `form-action 'none'`,
    `base-uri 'none'`,
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cloudready ${escapeHtml(result.tool.version)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(data.title)}</title>
<style>${style}</style>
</head>
<body>
<div id="report" aria-live="polite"></div>
${noScriptSummary(result)}
<script type="application/json" id="cloudready-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
};
