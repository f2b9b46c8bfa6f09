#!/usr/bin/env node
// `npm run bench`: how fast cloudready reads source, per language, on the demo portfolio and on a
// generated tree, and what a whole scan costs (wall time, peak memory). Figures, not a test.
// Options: --lines N (generated tree size, default 1000000), --seed N (default 42),
// --hosts N and --connections N (generated inventory, default 100000 and 1000000),
// --only inventory|split|waves (one part only), --units N (split benchmark size, default 10000),
// --apps N (waves benchmark: N applications on 4N hosts, default 5000),
// --only scan (cold, warm and 1 %-changed scans of the generated tree, per stage),
// --only typescript (TypeScript import graph against dependency-cruiser, on the generated tree),
// --only html (HTML report of --report-apps applications, default 500: size, render, open in chromium),
// --only shard (the generated tree scanned as --shards N shards, default 2, one after the other as
// separate machines would, then merged), --only corpus (the real repositories of
// test/corpus/repos.yaml present under $CLOUDREADY_CORPUS, default ../corpus: each cold and warm
// against its own floor), --only demo (the demo portfolio as a whole process: CPU and wall time).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateInventory } from './generate-inventory.mjs';
import { generatePortfolio } from './generate-portfolio.mjs';
import { replicate } from './replicate-result.mjs';
import { corpusCheckouts } from './corpus-list.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (module) => import(path.join(repo, 'dist', module));
const args = process.argv.slice(2);
const option = (flag, fallback) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
const lines = option('--lines', 1_000_000);
const seed = option('--seed', 42);
const hostCount = option('--hosts', 100_000);
const connectionCount = option('--connections', 1_000_000);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

if (process.argv[2] === '--scan-child') {
  // Run in a child so that peak RSS is the scan's own. argv: tree, cache folder or "none".
  const { scan } = await dist('scan.js');
  const { jsonReportParts } = await dist('report/json-report.js');
  const { writeOutputAtomically } = await dist('cli/write-output.js');
  const timings = {};
  const started = performance.now();
  const result = await scan({
    paths: [process.argv[3]],
    cwd: process.cwd(),
    cacheDir: process.argv[4] === 'none' ? undefined : process.argv[4],
    workers: os.availableParallelism(),
    timings,
  });
  const reportStarted = performance.now();
  // As the CLI writes --format json --output FILE: in parts, as they are made.
  const output = path.join(os.tmpdir(), `cloudready-bench-result-${process.pid}.json`);
  await writeOutputAtomically(output, jsonReportParts(result));
  fs.rmSync(output);
  timings.report = performance.now() - reportStarted;
  timings['report peak RSS MiB'] = process.resourceUsage().maxRSS / 1024;
  const ms = performance.now() - started;
  const servers = {
    judged: result.hosts.filter((server) => server.readiness).length,
    sized: result.hosts.filter((server) => server.targets).length,
    waves: result.waves.waves.length,
    groups: result.waves.waves.reduce((sum, wave) => sum + wave.groups.length, 0),
    staying: result.waves.stayingServers.length,
  };
  console.log(
    JSON.stringify({
      ms,
      timings,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      applications: result.applications.length,
      loc: result.summary.loc,
      files: result.summary.files,
      hosts: result.summary.inventory.hosts,
      servers,
    }),
  );
  process.exit(0);
}

if (process.argv[2] === '--shard-child') {
  // One shard, as `cloudready scan --shard I/N --output FILE --no-cache` runs it. argv: tree, I, N, file.
  const { gatherFacts } = await dist('pipeline/gather-facts.js');
  const { encodeShard } = await dist('pipeline/shard-file.js');
  const started = performance.now();
  const shard = { index: Number(process.argv[4]), count: Number(process.argv[5]) };
  const gathered = await gatherFacts(
    { paths: [process.argv[3]], cwd: process.cwd(), workers: os.availableParallelism() },
    () => {},
    shard,
  );
  const bytes = await encodeShard(gathered, shard);
  fs.writeFileSync(process.argv[6], bytes);
  console.log(
    JSON.stringify({
      ms: performance.now() - started,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      bytes: bytes.length,
      applications: gathered.applications.length,
    }),
  );
  process.exit(0);
}

if (process.argv[2] === '--merge-child') {
  // `cloudready merge FILE... --format json`. argv: the shard files.
  const { mergeShards } = await dist('pipeline/merge-shards.js');
  const { assessPortfolio } = await dist('pipeline/assess-portfolio.js');
  const { jsonReport } = await dist('report/json-report.js');
  const started = performance.now();
  const gathered = await mergeShards(process.argv.slice(3));
  const read = performance.now() - started;
  const result = assessPortfolio(gathered, {});
  jsonReport(result, { color: false });
  console.log(
    JSON.stringify({
      ms: performance.now() - started,
      readMs: read,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      applications: result.applications.length,
    }),
  );
  process.exit(0);
}

if (process.argv[2] === '--floor-child') {
  // The physical floor: read every file and run one regular expression over it.
  const started = performance.now();
  let bytes = 0;
  let matches = 0;
  for (const rel of fs.readdirSync(process.argv[3], { recursive: true })) {
    // A checkout's .git is no part of what a scan reads.
    if (rel === '.git' || rel.startsWith(`.git${path.sep}`)) continue;
    const abs = path.join(process.argv[3], rel);
    if (!fs.lstatSync(abs).isFile()) continue;
    const text = fs.readFileSync(abs, 'utf8');
    bytes += text.length;
    matches += (text.match(/\b(?:password|jdbc:|EXEC\s+CICS|new\s+Socket|process\.env)\b/g) ?? []).length;
  }
  console.log(JSON.stringify({ ms: performance.now() - started, bytes, matches }));
  process.exit(0);
}

if (process.argv[2] === '--inventory-child') {
  // Import a cloudready hosts CSV and an Azure Migrate dependency export, then join them.
  const { importInventory } = await dist('extract/inventory/import-inventory.js');
  const { buildEstate } = await dist('model/estate.js');
  const { collectSoonerForInventories, collectAsUsual } = await dist('util/heap-growth.js');
  // As a scan does before it imports (pipeline/gather-facts.ts).
  collectSoonerForInventories(process.argv.slice(3).reduce((sum, abs) => sum + fs.statSync(abs).size, 0));
  const diagnostics = [];
  const started = performance.now();
  const loaded = [];
  for (const abs of process.argv.slice(3))
    loaded.push(
      await importInventory(
        { abs, file: path.basename(abs), size: fs.statSync(abs).size, explicit: true },
        diagnostics,
      ),
    );
  const imported = performance.now();
  const estate = buildEstate(loaded, diagnostics);
  collectAsUsual();
  const joined = performance.now();
  const records = loaded.reduce((sum, file) => sum + file.records.imported, 0);
  console.log(
    JSON.stringify({
      importMs: imported - started,
      estateMs: joined - imported,
      records,
      hosts: estate.hosts.length,
      connections: estate.connections.length,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

if (process.argv[2] === '--ts-graph-child') {
  // cloudready's TypeScript import graph of a tree, as a whole process (start-up included, as for dependency-cruiser).
  const { analyseText } = await dist('extract/source-text.js');
  const { languageForExtension } = await dist('languages/registry.js');
  const { extractTypeScriptProject } = await dist('extract/source/typescript.js');
  const root = process.argv[3];
  const byApp = new Map();
  for (const rel of fs.readdirSync(root, { recursive: true })) {
    if (!/\.[mc]?[jt]sx?$/.test(rel)) continue;
    const [app, ...rest] = rel.split(path.sep);
    const appRel = rest.join('/');
    const list = byApp.get(app) ?? [];
    list.push(
      analyseText(rel, fs.readFileSync(path.join(root, rel), 'utf8'), languageForExtension(path.extname(rel)), appRel),
    );
    byApp.set(app, list);
  }
  let modules = 0;
  let imports = 0;
  for (const sources of byApp.values()) {
    for (const facts of await extractTypeScriptProject(sources)) {
      modules++;
      imports += facts.references.filter((reference) => reference.kind === 'imports').length;
    }
  }
  console.log(JSON.stringify({ modules, imports, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { resolveRoots } = await dist('discover/scan-root.js');
const { walkFiles } = await dist('discover/walk-files.js');
const { findApplications } = await dist('discover/find-applications.js');
const { readText } = await dist('extract/read-text.js');
const { analyseText } = await dist('extract/source-text.js');
const { extractSourceFacts, extractProjectFacts, hasFactExtractor, isProjectLanguage } =
  await dist('extract/source/index.js');

/** Reads and extracts every source file of a tree, timing each language on its own. */
async function perLanguage(dir) {
  const roots = await resolveRoots([dir], process.cwd());
  const files = await walkFiles(roots[0], { exclude: [] }, []);
  const { applications } = await findApplications(roots, files, []);
  const stats = new Map();
  const add = (language, bytes, ms, count = 1) => {
    const entry = stats.get(language) ?? { files: 0, bytes: 0, ms: 0 };
    entry.files += count;
    entry.bytes += bytes;
    entry.ms += ms;
    stats.set(language, entry);
  };
  for (const app of applications) {
    const project = [];
    for (const file of app.files) {
      if (file.kind !== 'source' || !file.language || !hasFactExtractor(file.language.id)) continue;
      const read = await readText(file.abs, file.rel, file.size);
      if (!read.ok) continue;
      const started = performance.now();
      const source = analyseText(
        file.rel,
        read.text,
        file.language,
        file.rootRel.slice(app.rootRel ? app.rootRel.length + 1 : 0),
      );
      if (isProjectLanguage(file.language.id)) {
        project.push({ source, bytes: file.size, ms: performance.now() - started });
        continue;
      }
      await extractSourceFacts(source);
      add(file.language.id, file.size, performance.now() - started);
    }
    if (project.length > 0) {
      const started = performance.now();
      await extractProjectFacts(project.map((p) => p.source));
      const ms = performance.now() - started + project.reduce((sum, p) => sum + p.ms, 0);
      add(
        project[0].source.language.id,
        project.reduce((sum, p) => sum + p.bytes, 0),
        ms,
        project.length,
      );
    }
  }
  return stats;
}

function printLanguages(title, stats) {
  console.log(`\n${title}`);
  console.log('  language        files        MB   seconds    files/s      MB/s');
  const rows = [...stats].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [language, { files, bytes, ms }] of rows) {
    const mb = bytes / 1e6;
    const s = ms / 1000;
    console.log(
      `  ${language.padEnd(12)} ${String(files).padStart(8)} ${mb.toFixed(2).padStart(9)} ${s.toFixed(2).padStart(9)} ${Math.round(
        files / s,
      )
        .toLocaleString('en-US')
        .padStart(10)} ${(mb / s).toFixed(2).padStart(9)}`,
    );
  }
}

/** Runs this script as a child; `processMs` is its whole life, from spawn to exit, as a user waits for it. */
function child(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const processMs = performance.now() - started;
  if (run.status !== 0) throw new Error(run.stderr);
  return { ...JSON.parse(run.stdout), processMs };
}

function wholeScan(title, dir) {
  const { ms, maxRssMiB, applications, loc, files } = child(['--scan-child', dir, 'none']);
  console.log(
    `  whole scan: ${(ms / 1000).toFixed(2)} s for ${files} files, ${loc.toLocaleString('en-US')} lines of code, ${applications} applications; peak RSS ${Math.round(maxRssMiB)} MiB`,
  );
}

const STAGES = ['start', 'discover', 'extract', 'inventories', 'model', 'assess', 'plan', 'report'];

/**
 * A whole scan three ways: cold (no cache), warm (nothing changed), and after 1 % of the source
 * files changed; the wall time of the whole process, as a user waits for it, then per stage
 * (start-up first) with files/s, MB/s and how far above the floor (reading every file and one
 * regular-expression pass) each is.
 */
function scanScenarios(dir) {
  const sources = fs
    .readdirSync(dir, { recursive: true })
    .filter((rel) => /\.(java|cs|ts|py|go|php|cbl)$/.test(rel))
    .sort();
  const floor = child(['--floor-child', dir]);
  const mb = floor.bytes / 1e6;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudready-bench-cache-'));
  const runs = [
    ['cold (empty cache)', () => undefined],
    ['warm (nothing changed)', () => undefined],
  ];
  const changed = sources.filter((_, at) => at % 100 === 0);
  runs.push([
    `1 % changed (${changed.length} files)`,
    () => {
      for (const rel of changed)
        fs.appendFileSync(
          path.join(dir, rel),
          rel.endsWith('.py') ? '\n# touched\n' : rel.endsWith('.cbl') ? '\n      *> touched\n' : '\n// touched\n',
        );
    },
  ]);
  const originals = new Map(changed.map((rel) => [rel, fs.readFileSync(path.join(dir, rel))]));
  console.log(
    `\nWhole scan of ${dir}: ${mb.toFixed(1)} MB; floor (read every file, one regular-expression pass): ${(floor.ms / 1000).toFixed(2)} s, ${(mb / (floor.ms / 1000)).toFixed(0)} MB/s`,
  );
  try {
    for (const [name, prepare] of runs) {
      prepare();
      const {
        ms: inProcessMs,
        processMs: ms,
        timings,
        maxRssMiB,
        files,
        loc,
        applications,
        hosts,
      } = child(['--scan-child', dir, cacheDir]);
      // Starting Node and loading cloudready's code, before the scan begins; and exiting.
      timings.start = ms - inProcessMs;
      console.log(
        `  ${name}: ${(ms / 1000).toFixed(2)} s for ${files.toLocaleString('en-US')} files, ${loc.toLocaleString('en-US')} lines of code, ${applications} applications, ${hosts.toLocaleString('en-US')} hosts; ${Math.round(files / (ms / 1000)).toLocaleString('en-US')} files/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s, ${(ms / floor.ms).toFixed(0)}× the floor; peak RSS ${Math.round(maxRssMiB)} MiB`,
      );
      for (const stage of STAGES) {
        const seconds = (timings[stage] ?? 0) / 1000;
        if (seconds === 0) continue;
        const peak = timings[`${stage} peak RSS MiB`];
        if (stage === 'start') {
          console.log(
            `    ${'start-up'.padEnd(11)} ${seconds.toFixed(2).padStart(6)} s  (starting Node, loading cloudready's code, exiting)`,
          );
          continue;
        }
        console.log(
          `    ${stage.padEnd(11)} ${seconds.toFixed(2).padStart(6)} s  ${Math.round(files / seconds)
            .toLocaleString('en-US')
            .padStart(
              8,
            )} files/s  ${(mb / seconds).toFixed(1).padStart(7)} MB/s  ${(timings[stage] / floor.ms).toFixed(1).padStart(5)}× the floor${peak ? `  peak RSS ${Math.round(peak)} MiB` : ''}`,
        );
      }
    }
  } finally {
    for (const [rel, content] of originals) fs.writeFileSync(path.join(dir, rel), content);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The tree as N shards, each run alone as on its own machine, then merged: each shard's time,
 * memory and file size, the merge's, and the wall time of the whole when the shards run at once.
 */
function shardedScan(dir, count) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudready-bench-shards-'));
  console.log(
    `\nSharded scan of ${dir}: ${count} shards, each with the whole machine (as separate CI jobs), then merged`,
  );
  try {
    const files = [];
    let slowest = 0;
    for (let index = 1; index <= count; index++) {
      const file = path.join(folder, `shard-${index}.bin`);
      const { ms, maxRssMiB, bytes, applications } = child(['--shard-child', dir, String(index), String(count), file]);
      files.push(file);
      slowest = Math.max(slowest, ms);
      console.log(
        `  shard ${index}/${count}: ${(ms / 1000).toFixed(2)} s, ${applications} applications, file ${(bytes / 2 ** 20).toFixed(1)} MiB, peak RSS ${Math.round(maxRssMiB)} MiB`,
      );
    }
    const merge = child(['--merge-child', ...files]);
    console.log(
      `  merge: ${(merge.ms / 1000).toFixed(2)} s (reading the shard files ${(merge.readMs / 1000).toFixed(2)} s), ${merge.applications} applications, peak RSS ${Math.round(merge.maxRssMiB)} MiB`,
    );
    console.log(
      `  wall time with the shards in parallel: ${((slowest + merge.ms) / 1000).toFixed(2)} s (slowest shard + merge)`,
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

function inventoryImport() {
  const dir = path.join(os.tmpdir(), `cloudready-bench-inventory-${seed}-${hostCount}-${connectionCount}`);
  const hostsFile = path.join(dir, 'hosts.csv');
  const dependenciesFile = path.join(dir, 'dependencies.csv');
  if (!fs.existsSync(dependenciesFile))
    generateInventory(dir, { hosts: hostCount, connections: connectionCount, seed });
  const mb = (fs.statSync(hostsFile).size + fs.statSync(dependenciesFile).size) / 1e6;
  const { importMs, estateMs, records, hosts, connections, maxRssMiB } = child([
    '--inventory-child',
    hostsFile,
    dependenciesFile,
  ]);
  console.log(
    `\nInventory import: ${hostCount.toLocaleString('en-US')} hosts (cloudready CSV) and ${connectionCount.toLocaleString('en-US')} connection rows (Azure Migrate CSV), ${mb.toFixed(1)} MB`,
  );
  console.log(
    `  read and import: ${(importMs / 1000).toFixed(2)} s (${Math.round(records / (importMs / 1000)).toLocaleString('en-US')} records/s, ${(mb / (importMs / 1000)).toFixed(1)} MB/s)`,
  );
  console.log(
    `  join into one estate: ${(estateMs / 1000).toFixed(2)} s → ${hosts.toLocaleString('en-US')} hosts, ${connections.toLocaleString('en-US')} distinct connections; peak RSS ${Math.round(maxRssMiB)} MiB (target 1,024 MiB)`,
  );
  // The same estate scanned as a user would with no code: readiness, sizes and costs, waves, the JSON result written.
  const tree = path.join(dir, 'scan-tree');
  if (!fs.existsSync(path.join(tree, 'inventory', 'dependencies.csv'))) {
    fs.mkdirSync(path.join(tree, 'inventory'), { recursive: true });
    for (const file of [hostsFile, dependenciesFile])
      fs.copyFileSync(file, path.join(tree, 'inventory', path.basename(file)));
  }
  const scanned = child(['--scan-child', tree, 'none']);
  const { judged, sized, waves, groups, staying } = scanned.servers;
  console.log(
    `  whole scan, no code: ${(scanned.processMs / 1000).toFixed(2)} s → ${judged.toLocaleString('en-US')} servers judged for three clouds, ${sized.toLocaleString('en-US')} sized and costed, ${groups.toLocaleString('en-US')} move groups in ${waves.toLocaleString('en-US')} waves, ${staying.toLocaleString('en-US')} staying; peak RSS ${Math.round(scanned.maxRssMiB)} MiB (target 1,024 MiB)`,
  );
}

/** A generated estate: applications on four hosts each, chatty links inside clusters, some shared databases. */
async function planManyWaves() {
  const { MultiDirectedGraph } = await import('graphology');
  const { planWaves } = await dist('plan/waves.js');
  const apps = option('--apps', 5000);
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const graph = new MultiDirectedGraph();
  const strategies = ['rehost', 'rehost', 'replatform', 'refactor', 'retain'];
  const applications = [];
  for (let a = 0; a < apps; a++) {
    const id = `app${String(a).padStart(5, '0')}`;
    const strategy = strategies[Math.floor(next() * strategies.length)];
    graph.addNode(`app:${id}`, {
      kind: 'application',
      label: id,
      criticality: ['low', 'important', 'business-critical', 'mission-critical'][Math.floor(next() * 4)],
    });
    applications.push({
      id,
      name: id,
      strategy,
      score: Math.floor(next() * 100),
      effort: Math.floor(next() * 40),
      strategyReasons: ['generated'],
      effortRange: { low: 0, high: 0 },
    });
    for (let h = 0; h < 4; h++) {
      const host = `host:h${a * 4 + h}`;
      graph.addNode(host, { kind: 'host', label: `h${a * 4 + h}.corp`, platform: 'Linux' });
      graph.addEdge(`app:${id}`, host, { kind: 'runs-on' });
    }
  }
  const hosts = apps * 4;
  for (let c = 0; c < hosts; c++) {
    const target = Math.floor(next() * hosts);
    const cluster = Math.floor(c / 40) * 40;
    const near = cluster + Math.floor(next() * 40);
    const to = next() < 0.8 ? Math.min(near, hosts - 1) : target;
    graph.mergeEdge(`host:h${c}`, `host:h${to}`, {
      kind: 'connects-to',
      port: 443,
      volume: next() < 0.1 ? 'high' : 'low',
      latencySensitive: next() < 0.05,
    });
    if (next() < 0.3)
      graph.addEdge(`app:${applications[Math.floor(c / 4)].id}`, `app:${applications[Math.floor(to / 4)].id}`, {
        kind: 'depends-on',
        via: 'connection',
      });
  }
  for (let s = 0; s < apps / 50; s++) {
    const [a, b] = [Math.floor(next() * apps), Math.floor(next() * apps)];
    if (a !== b)
      graph.addEdge(`app:${applications[a].id}`, `app:${applications[b].id}`, {
        kind: 'shares-datastore',
        datastore: `db${s}`,
      });
  }
  const started = performance.now();
  const plan = planWaves(graph, applications, { maxPerWave: 50 });
  const ms = performance.now() - started;
  const groups = plan.waves.reduce((sum, wave) => sum + wave.groups.length, 0);
  console.log(
    `\nWaves: ${apps.toLocaleString('en-US')} applications on ${hosts.toLocaleString('en-US')} hosts, ${graph.size.toLocaleString('en-US')} edges`,
  );
  console.log(
    `  ${plan.waves.length} waves of ${groups} move groups, ${plan.staying.length} staying, ${plan.crossingLinks.length} crossing links in ${(ms / 1000).toFixed(2)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
}

/** A generated monolith: packages of tightly knit classes, a few calls across, one table per package. */
async function splitMonolith() {
  const { MultiDirectedGraph } = await import('graphology');
  const { proposeSplit } = await dist('plan/split.js');
  const units = option('--units', 10_000);
  const packages = Math.max(2, Math.round(units / 200));
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const graph = new MultiDirectedGraph();
  const id = (p, i) => `unit:bench:com.acme.p${p}.C${i}`;
  for (let i = 0; i < units; i++)
    graph.addNode(id(i % packages, i), { kind: 'unit', label: `com.acme.p${i % packages}.C${i}` });
  for (let p = 0; p < packages; p++) graph.addNode(`table:bench:T${p}`, { kind: 'table', label: `T${p}` });
  for (let i = 0; i < units; i++) {
    const p = i % packages;
    for (let k = 0; k < 4; k++) {
      const j = (p + packages * Math.floor(next() * (units / packages))) % units;
      if (j !== i && j % packages === p) graph.addEdge(id(p, i), id(p, j), { kind: 'calls' });
    }
    if (next() < 0.05) {
      const q = Math.floor(next() * packages);
      const j = q + packages * Math.floor(next() * (units / packages - 1));
      if (j < units && j !== i) graph.addEdge(id(p, i), id(q, j), { kind: 'calls' });
    }
    if (next() < 0.02) graph.addEdge(id(p, i), `table:bench:T${p}`, { kind: 'writes' });
  }
  const started = performance.now();
  const proposal = proposeSplit(graph, 'bench');
  const ms = performance.now() - started;
  console.log(
    `\nSplit: generated monolith of ${units.toLocaleString('en-US')} units in ${packages} packages, ${graph.size.toLocaleString('en-US')} edges`,
  );
  console.log(`  ${proposal.services.length} services in ${(ms / 1000).toFixed(2)} s (${proposal.choice.why})`);
  const m = proposal.metrics;
  const shown = (metric) => metric.value ?? 'n/a';
  console.log(
    `  modularity ${shown(m.modularity)} · SM ${shown(m.sm)} · ICP ${shown(m.icp)} · IFN ${shown(m.ifn)} · NED ${shown(m.ned)} · BCP ${shown(m.bcp)} over ${m.over.classes} classes; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
  );
}

/**
 * The TypeScript import graph of the generated portfolio's TypeScript applications, by
 * dependency-cruiser (the field's tool for it; 17.x is the last line for Node 20) and by
 * cloudready, each as a whole process.
 */
function typescriptGraph(generatedRoot) {
  const tree = path.join(os.tmpdir(), `cloudready-bench-ts-${path.basename(generatedRoot)}`);
  if (!fs.existsSync(tree)) {
    fs.mkdirSync(tree, { recursive: true });
    for (const app of fs.readdirSync(generatedRoot).filter((name) => name.startsWith('typescript-app-')))
      fs.cpSync(path.join(generatedRoot, app), path.join(tree, app), { recursive: true });
  }
  const files = fs.readdirSync(tree, { recursive: true }).filter((rel) => rel.endsWith('.ts')).length;
  const timed = (args) => {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (child.status !== 0) throw new Error(child.stderr);
    return { ms: performance.now() - started, stdout: child.stdout };
  };
  const cruiser = timed([
    path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
    '--no-config',
    '--output-type',
    'json',
    tree,
  ]);
  const cruised = JSON.parse(cruiser.stdout);
  const ours = timed([fileURLToPath(import.meta.url), '--ts-graph-child', tree]);
  const { modules, imports } = JSON.parse(ours.stdout);
  console.log(
    `\nTypeScript import graph: ${files.toLocaleString('en-US')} files in ${fs.readdirSync(tree).length} applications`,
  );
  console.log(
    `  dependency-cruiser 17: ${(cruiser.ms / 1000).toFixed(2)} s, ${cruised.modules.length} modules, ${cruised.modules.reduce((sum, module) => sum + module.dependencies.length, 0)} dependencies`,
  );
  console.log(
    `  cloudready:            ${(ours.ms / 1000).toFixed(2)} s, ${modules} modules, ${imports} resolved imports (and calls, types, routes, literals)`,
  );
  console.log(`  cloudready is ${(cruiser.ms / ours.ms).toFixed(1)}× as fast`);
}

/** The HTML report of a large portfolio (the demo's applications copied): its size, the time to write it, and the time a browser takes to open it. */
async function htmlReportFigures() {
  const { scan } = await dist('scan.js');
  const { htmlReport } = await dist('report/html/html-report.js');
  const demo = await scan({ paths: [path.join(repo, 'fixtures/demo-portfolio')], cwd: repo });
  const wanted = option('--report-apps', 500);
  const large = replicate(demo, Math.ceil(wanted / demo.applications.length));
  const started = performance.now();
  const html = htmlReport(large, { color: false });
  const renderMs = performance.now() - started;
  const file = path.join(os.tmpdir(), `cloudready-bench-report-${large.applications.length}.html`);
  fs.writeFileSync(file, html);
  console.log(
    `\nHTML report: ${large.applications.length} applications, ${large.findings.length.toLocaleString('en-US')} findings`,
  );
  console.log(
    `  written in ${(renderMs / 1000).toFixed(2)} s: ${(Buffer.byteLength(html) / 2 ** 20).toFixed(2)} MiB (${file})`,
  );
  const chromium = '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.log('  open in a browser: skipped (no /usr/bin/chromium)');
    return;
  }
  const { chromium: playwright } = await import('playwright-core');
  const browser = await playwright.launch({
    executablePath: chromium,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const opened = performance.now();
  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-ready]');
  const readyMs = performance.now() - opened;
  const app = performance.now();
  await page.evaluate(`location.hash = '#/app/${large.applications[0].id}'`);
  await page.waitForSelector('section.app-page:not([hidden]) h1');
  const appMs = performance.now() - app;
  const graph = performance.now();
  await page.evaluate("location.hash = '#/graph'");
  await page.waitForSelector('[data-testid=graph-canvas] canvas');
  const graphMs = performance.now() - graph;
  await browser.close();
  console.log(
    `  chromium: overview ready ${Math.round(readyMs)} ms after opening the file; an application page ${Math.round(appMs)} ms; the graph laid out ${(graphMs / 1000).toFixed(2)} s`,
  );
}

/** The generated portfolio of --lines lines with its inventory folder, made once per size and seed. */
/** Targets of the rule-engine issue, as ratios to the floor measured in the same run. */
const TARGET = { coldFloors: 10, warmFloors: 2, demoCpuSeconds: 0.6 };

/** `cloudready scan DIR --format json --profile` as a user runs it, in `cwd` (where its cache lives): wall time and the profile. */
function cliScan(dir, cwd) {
  const output = path.join(cwd, 'result.json');
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [path.join(repo, 'bin/cloudready.js'), 'scan', dir, '--format', 'json', '--profile', '--quiet', '--output', output],
    { cwd, encoding: 'utf8' },
  );
  const processMs = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
  const { profile } = JSON.parse(fs.readFileSync(output, 'utf8'));
  return { processMs, stages: profile.stages };
}

/**
 * Real code: each corpus repository present, scanned with the CLI as a whole process, cold (empty
 * cache) and warm (nothing changed), against its own floor (reading every file and one
 * regular-expression pass). Generated trees never held the text that made one pattern take
 * 157 s; these do.
 */
function corpusScans() {
  const { corpusDir, checkouts } = corpusCheckouts(repo);
  const present = checkouts.filter((entry) => entry.present);
  console.log(
    `\nReal code: ${present.length} of ${checkouts.length} corpus repositories under ${corpusDir}${present.length === 0 ? ' (bring them as docs/accuracy.md says)' : ''}`,
  );
  if (present.length === 0) return;
  console.log(
    `  ${'repository'.padEnd(44)} ${'MB'.padStart(6)} ${'floor s'.padStart(8)} ${'cold s'.padStart(7)} ${'×floor'.padStart(7)} ${'warm s'.padStart(7)} ${'×floor'.padStart(7)} ${'peak MiB'.padStart(9)}  slowest stage (cold)`,
  );
  const misses = [];
  for (const { name, dir } of present) {
    const floor = child(['--floor-child', dir]);
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudready-bench-cache-'));
    try {
      const cold = cliScan(dir, cwd);
      const warm = cliScan(dir, cwd);
      const coldRatio = cold.processMs / floor.ms;
      const warmRatio = warm.processMs / floor.ms;
      // The profile's stages: { discover: ms, 'discover peak RSS MiB': MiB, ... }.
      const stages = Object.entries(cold.stages);
      const [stage, stageMs] = stages.filter(([key]) => !key.includes('RSS')).sort((a, b) => b[1] - a[1])[0];
      const peak = Math.max(...stages.filter(([key]) => key.includes('RSS')).map(([, mib]) => mib));
      console.log(
        `  ${name.padEnd(44)} ${(floor.bytes / 1e6).toFixed(1).padStart(6)} ${(floor.ms / 1000).toFixed(2).padStart(8)} ${(cold.processMs / 1000).toFixed(2).padStart(7)} ${coldRatio.toFixed(1).padStart(7)} ${(warm.processMs / 1000).toFixed(2).padStart(7)} ${warmRatio.toFixed(1).padStart(7)} ${String(Math.round(peak)).padStart(9)}  ${stage} ${(stageMs / 1000).toFixed(2)} s`,
      );
      if (coldRatio > TARGET.coldFloors)
        misses.push(`${name} cold ${coldRatio.toFixed(1)}× (target ${TARGET.coldFloors}×)`);
      if (warmRatio > TARGET.warmFloors)
        misses.push(`${name} warm ${warmRatio.toFixed(1)}× (target ${TARGET.warmFloors}×)`);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  }
  console.log(misses.length === 0 ? '  every repository within its targets' : `  over target: ${misses.join('; ')}`);
}

/** The demo portfolio as a user runs it: the CLI as a whole process, CPU time and wall time, with and without a cache. */
function demoProcess() {
  const demo = path.join(repo, 'fixtures/demo-portfolio');
  // The CLI keeps its cache in .cloudready/cache of the folder it runs in.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudready-bench-cache-'));
  console.log('\nDemo portfolio as a whole process (node scripts/cli-cpu.mjs scan … --format json)');
  try {
    for (const [name, extra] of [
      ['no cache', ['--no-cache']],
      ['cold cache', []],
      ['warm cache', []],
    ]) {
      const started = performance.now();
      const run = spawnSync(
        process.execPath,
        [path.join(repo, 'scripts/cli-cpu.mjs'), 'scan', demo, '--format', 'json', '--output', os.devNull, ...extra],
        { encoding: 'utf8', cwd: cacheDir },
      );
      const wallMs = performance.now() - started;
      const usage = JSON.parse(/cli-cpu (\{.*\})/.exec(run.stderr)?.[1] ?? '{}');
      console.log(
        `  ${name.padEnd(11)} ${(usage.cpuMs / 1000).toFixed(2)} s CPU (target ${TARGET.demoCpuSeconds} s), ${(wallMs / 1000).toFixed(2)} s wall, peak RSS ${Math.round(usage.maxRssMiB)} MiB`,
      );
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

function generatedTree() {
  const tree = path.join(os.tmpdir(), `cloudready-bench-${seed}-${lines}`);
  if (!fs.existsSync(tree)) {
    const { files, lines: written } = generatePortfolio(tree, { lines, seed });
    console.log(`\ngenerated ${files} files, ${written.toLocaleString('en-US')} lines in ${tree}`);
  }
  // An estate for the portfolio: its inventory folder, scanned with it.
  if (!fs.existsSync(path.join(tree, 'inventory')))
    generateInventory(path.join(tree, 'inventory'), {
      hosts: Math.max(200, Math.round(lines / 500)),
      connections: Math.max(2000, Math.round(lines / 50)),
      seed,
    });
  return tree;
}

console.log(
  `cloudready benchmark · node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
);
if (only === 'inventory') {
  inventoryImport();
  process.exit(0);
}
if (only === 'split') {
  await splitMonolith();
  process.exit(0);
}
if (only === 'waves') {
  await planManyWaves();
  process.exit(0);
}
if (only === 'scan') {
  scanScenarios(generatedTree());
  process.exit(0);
}
if (only === 'shard') {
  shardedScan(generatedTree(), option('--shards', 2));
  process.exit(0);
}
if (only === 'typescript') {
  typescriptGraph(generatedTree());
  process.exit(0);
}
if (only === 'html') {
  await htmlReportFigures();
  process.exit(0);
}
if (only === 'corpus') {
  corpusScans();
  process.exit(0);
}
if (only === 'demo') {
  demoProcess();
  process.exit(0);
}
const demo = path.join(repo, 'fixtures/demo-portfolio');
printLanguages(
  'Demo portfolio: source reading and fact extraction per language (first use includes loading parsers)',
  await perLanguage(demo),
);
wholeScan('demo', demo);
demoProcess();
corpusScans();

const generated = generatedTree();
printLanguages(
  `Generated portfolio (${lines.toLocaleString('en-US')} lines, seed ${seed}): source reading and fact extraction per language`,
  await perLanguage(generated),
);
scanScenarios(generated);
shardedScan(generated, option('--shards', 2));
inventoryImport();
await splitMonolith();
await planManyWaves();
typescriptGraph(generated);
await htmlReportFigures();
