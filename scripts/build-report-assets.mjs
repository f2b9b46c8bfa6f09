// Bundles the HTML report's page script (with Chart.js and Cytoscape.js) and its stylesheet into
// dist/report/html/assets/, which the HTML reporter inlines into every report. Runs at build time
// only: the report itself loads nothing.
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const client = path.join(root, 'src/report/html/client');
const outdir = path.join(root, 'dist/report/html/assets');
const common = {
  bundle: true,
  minify: true,
  outdir,
  charset: 'utf8',
  logLevel: 'warning',
  target: ['chrome109', 'edge109', 'firefox115', 'safari15.6'],
};

await esbuild.build({
  ...common,
  entryPoints: { report: path.join(client, 'main.ts') },
  format: 'iife',
  // The CSV downloads use the same writer as the CLI (csv-cells.ts), in its browser build.
  alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  // The bundled libraries are MIT-licensed: their notices travel with the code.
  legalComments: 'inline',
  banner: {
    js: '/*! cloudready HTML report. Bundles Chart.js (MIT, Chart.js contributors), Cytoscape.js (MIT, The Cytoscape Consortium), cytoscape-fcose (MIT, iVis@Bilkent), csv-stringify (MIT, Adaltas), write-excel-file (MIT, catamphetamine) and fflate (MIT, Arjun Barrett). */',
  },
});
await esbuild.build({ ...common, entryPoints: { report: path.join(client, 'report.css') } });
