#!/usr/bin/env node
// `npm run corpus`: how right cloudready is on real code nobody here wrote. Scans every corpus
// repository present under $CLOUDREADY_CORPUS (default ../corpus, one folder OWNER+NAME each) and
// scores the result against test/corpus/truth/OWNER+NAME.yaml (docs/accuracy.md).
// Options: --repo TEXT (only repositories whose name contains it), --judge N (print N places
// nobody has judged yet, with the code around them and a line to paste into the truth file),
// --details (every false positive, miss and application problem), --by-rule (judged places and
// precision per rule), --markdown (the tables for docs/accuracy.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { corpusCheckouts, folderOf } from './corpus-list.mjs';
import { judgeResult, rates, referenceContext, TruthFile } from './corpus-truth.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const judgeCount = Number(value('--judge') ?? 0);
const only = value('--repo');
const details = args.includes('--details');
const markdown = args.includes('--markdown');
const { corpusDir, checkouts } = corpusCheckouts(repo);

const { scan } = await import(path.join(repo, 'dist', 'scan.js'));
const { graphFromResult } = await import(path.join(repo, 'dist', 'model', 'graph-view.js'));
const { proposeSplit } = await import(path.join(repo, 'dist', 'plan', 'split.js'));
const { mojoFm } = await import(path.join(repo, 'dist', 'plan', 'mojo.js'));
const wanted = checkouts.filter((entry) => !only || entry.name.includes(only));
const missing = wanted.filter((entry) => !entry.present);
if (missing.length > 0) {
  console.log(`Missing under ${corpusDir} (bring each snapshot and copy it out, see docs/accuracy.md):`);
  for (const entry of missing) console.log(`  ${entry.name} @ ${entry.commit.slice(0, 8)} → ${folderOf(entry.name)}/`);
  console.log('');
}

/** Test code is no class of a service (issue #26): it is left out of the reference, and counted apart when a service holds it. */
const TEST_FILE = /(^|\/)(src\/test|tests?|__tests__)\//;

const rows = [];
const splits = [];
let unjudgedShown = 0;
for (const entry of wanted.filter((candidate) => !missing.includes(candidate))) {
  const { dir } = entry;
  const truthFile = path.join(repo, 'test/corpus/truth', `${folderOf(entry.name)}.yaml`);
  const truth = fs.existsSync(truthFile)
    ? TruthFile.parse(YAML.parse(fs.readFileSync(truthFile, 'utf8')))
    : { repository: entry.name, applications: [], findings: [] };
  const started = performance.now();
  const result = await scan({ paths: [dir], cwd: dir, workers: os.availableParallelism(), evidenceLimit: 1_000_000 });
  const seconds = (performance.now() - started) / 1000;
  const judgement = judgeResult(result, truth);
  rows.push({
    name: entry.name,
    judgement,
    seconds,
    applications: result.applications.length,
    hasTruth: fs.existsSync(truthFile),
  });
  if (truth.split) splits.push({ name: entry.name, ...judgeSplit(result, truth.split) });
  if (details) printDetails(entry.name, judgement);
  if (unjudgedShown < judgeCount) unjudgedShown += printUnjudged(dir, judgement.unjudged, judgeCount - unjudgedShown);
}

printTable(rows);
if (splits.length > 0) printSplits(splits);
if (args.includes('--by-rule')) printByRule(rows);

/**
 * cloudready split on the application of a reference decomposition: its MoJoFM against the
 * reference, over the reference's server classes (a shared library is a cluster of its own), how
 * many of them a service holds, and how many units of services are test code.
 */
function judgeSplit(result, reference) {
  const app = result.applications.find((candidate) => candidate.path === reference.application);
  if (!app) return { problem: `no application at ${reference.application}` };
  const graph = graphFromResult(result.graph);
  let proposal;
  try {
    proposal = proposeSplit(graph, app.id);
  } catch (error) {
    return { problem: error.message };
  }
  const fileOf = (unit) => String(graph.getNodeAttribute(`unit:${app.id}:${unit}`, 'file') ?? '');
  const isServerCode = (unit) =>
    (graph.getNodeAttribute(`unit:${app.id}:${unit}`, 'origin') ?? 'production') === 'production' &&
    !TEST_FILE.test(fileOf(unit));
  const placed = new Map();
  for (const service of proposal.services) for (const unit of service.units) placed.set(unit, service.name);
  for (const library of proposal.sharedLibraries)
    for (const unit of library.units) if (!placed.has(unit)) placed.set(unit, `shared:${library.name}`);
  // Every unit of the application the reference places; one the split left out is a cluster of its own.
  const expected = new Map();
  const prefix = `unit:${app.id}:`;
  for (const node of graph.filterNodes((candidate) => candidate.startsWith(prefix))) {
    const unit = node.slice(prefix.length);
    const context = isServerCode(unit) ? referenceContext(reference.contexts, unit) : undefined;
    if (!context) continue;
    expected.set(unit, context);
    if (!placed.has(unit)) placed.set(unit, `left out:${unit}`);
  }
  const { similarity } = mojoFm(placed, expected);
  const inService = [...expected.keys()].filter((unit) => !/^(shared|left out):/.test(placed.get(unit))).length;
  const leftOut = [...expected.keys()].filter((unit) => placed.get(unit).startsWith('left out:')).length;
  const testUnits = proposal.services.reduce(
    (sum, service) => sum + service.units.filter((unit) => !isServerCode(unit)).length,
    0,
  );
  return {
    services: proposal.services.length,
    libraries: proposal.sharedLibraries.length,
    classes: expected.size,
    inService,
    leftOut,
    testUnits,
    similarity,
  };
}

function printSplits(splits) {
  console.log(
    "\nService splits against reference decompositions (MoJoFM over the reference's server classes; issue #26 aims at 75 and every class placed)",
  );
  for (const { name, problem, services, libraries, classes, inService, leftOut, testUnits, similarity } of splits) {
    if (problem) console.log(`  ${name}: ${problem}`);
    else
      console.log(
        `  ${name}: MoJoFM ${similarity.toFixed(1)} · ${services} services, ${libraries} shared libraries · of ${classes} server classes ${inService} in a service, ${classes - inService - leftOut} in a shared library, ${leftOut} left out · ${testUnits} test classes in services`,
      );
  }
}

/** Judged places and false positives per rule, over every repository: which rules carry the figures. */
function printByRule(rows) {
  const byRule = new Map();
  const entry = (rule) => byRule.get(rule) ?? byRule.set(rule, { judged: 0, wrong: 0 }).get(rule);
  for (const { judgement } of rows) {
    for (const place of judgement.judgedPlaces) entry(place.rule).judged++;
    for (const { place } of judgement.falsePositives) entry(place.rule).wrong++;
  }
  const sorted = [...byRule.entries()].sort(([a, x], [b, y]) => y.judged - x.judged || a.localeCompare(b));
  console.log(
    markdown
      ? '\n| rule | judged places | false | precision |\n|---|---:|---:|---:|'
      : '\nrule  judged  false  precision',
  );
  for (const [rule, { judged, wrong }] of sorted) {
    const precision = `${((100 * (judged - wrong)) / judged).toFixed(1)} %`;
    console.log(
      markdown ? `| ${rule} | ${judged} | ${wrong} | ${precision} |` : `${rule}  ${judged}  ${wrong}  ${precision}`,
    );
  }
}

function printDetails(name, judgement) {
  console.log(`\n## ${name}`);
  for (const { expected, found, identity, problems } of judgement.applications)
    if (identity.length + problems.length > 0)
      console.log(
        `  application ${expected.path}: ${[...identity, ...problems].join('; ')}${found ? ` (found ${found.name}, ${found.score}, ${found.strategy})` : ''}`,
      );
  for (const app of judgement.extraApplications)
    console.log(`  application ${app.path}: detected, not in the truth (${app.name}, ${app.score}, ${app.strategy})`);
  for (const { place, entry } of judgement.falsePositives)
    console.log(`  false positive ${place.severity} ${place.rule} ${place.file}:${place.line ?? ''}  (${entry.why})`);
  for (const entry of judgement.missed)
    console.log(`  missed ${entry.rule ?? entry.category} ${entry.file ?? ''}:${entry.line ?? ''}  (${entry.why})`);
  for (const entry of judgement.mustNotHits)
    console.log(`  must-not reported ${entry.rule ?? 'any rule'} ${entry.file}:${entry.line ?? ''}  (${entry.why})`);
}

/** Prints up to `count` unjudged places, blockers first, with two lines either side from the checkout. */
function printUnjudged(dir, places, count) {
  const order = { blocker: 0, major: 1, minor: 2, info: 3 };
  const sorted = [...places].sort(
    (a, b) =>
      order[a.severity] - order[b.severity] ||
      a.rule.localeCompare(b.rule) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
  for (const place of sorted.slice(0, count)) {
    console.log(`\n# ${path.basename(dir)} ${place.severity} ${place.rule} (${place.origin ?? 'production'})`);
    if (place.file && place.line) {
      const lines = readLines(path.join(dir, place.file));
      for (let at = Math.max(1, place.line - 2); at <= Math.min(lines.length, place.line + 2); at++)
        console.log(`${at === place.line ? '>' : ' '}${String(at).padStart(5)}  ${lines[at - 1].slice(0, 160)}`);
    }
    console.log(
      `- { rule: ${place.rule}, ${place.file ? `file: ${JSON.stringify(place.file)}, ` : `application: ${JSON.stringify(place.applicationPath)}, `}${place.line ? `line: ${place.line}, ` : ''}report: ?, why: '' }`,
    );
  }
  return Math.min(count, sorted.length);
}

function readLines(file) {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return [];
  }
}

function printTable(rows) {
  const pct = (number) => (number === undefined ? '–' : `${number.toFixed(1)} %`);
  const header = [
    'repository',
    'apps (truth/found/matched)',
    'places',
    'judged',
    'true',
    'false',
    'precision',
    'must-report (review)',
    'recall',
    'must-not hits',
    'verdicts off',
    'time',
  ];
  const lines = rows.map(({ name, judgement: j, seconds, applications, hasTruth }) => {
    const { precision, recall } = rates(j);
    const matched = j.applications.filter((app) => app.matched).length;
    const verdictsOff = j.applications.filter((app) => app.found && app.problems.length > 0).length;
    return [
      hasTruth ? name : `${name} (no truth file)`,
      `${j.applications.length}/${applications}/${matched}`,
      String(j.places),
      String(j.truePositives + j.falsePositives.length),
      String(j.truePositives),
      String(j.falsePositives.length),
      pct(precision),
      String(j.mustReport),
      pct(recall),
      String(j.mustNotHits.length),
      String(verdictsOff),
      `${seconds.toFixed(1)} s`,
    ];
  });
  const sum = (pick) => rows.reduce((total, row) => total + pick(row.judgement), 0);
  const tp = sum((j) => j.truePositives);
  const fp = sum((j) => j.falsePositives.length);
  const mustReport = sum((j) => j.mustReport);
  const missed = sum((j) => j.missed.length);
  lines.push([
    'total',
    `${sum((j) => j.applications.length)}/${rows.reduce((total, row) => total + row.applications, 0)}/${sum((j) => j.applications.filter((app) => app.matched).length)}`,
    String(sum((j) => j.places)),
    String(tp + fp),
    String(tp),
    String(fp),
    pct(tp + fp > 0 ? (100 * tp) / (tp + fp) : undefined),
    String(mustReport),
    pct(mustReport > 0 ? (100 * (mustReport - missed)) / mustReport : undefined),
    String(sum((j) => j.mustNotHits.length)),
    String(sum((j) => j.applications.filter((app) => app.found && app.problems.length > 0).length)),
    `${rows.reduce((total, row) => total + row.seconds, 0).toFixed(1)} s`,
  ]);
  console.log('');
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map((_, at) => (at === 0 ? '---' : '---:')).join('|')}|`);
    for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  } else {
    const widths = header.map((title, at) => Math.max(title.length, ...lines.map((line) => line[at].length)));
    const format = (cells) =>
      cells.map((cell, at) => (at === 0 ? cell.padEnd(widths[at]) : cell.padStart(widths[at]))).join('  ');
    console.log(format(header));
    for (const line of lines) console.log(format(line));
  }
  console.log(
    `\nJudgements in the truth files: ${sum((j) => j.judgements)}. Unjudged places: ${sum((j) => j.unjudged.length)} (npm run corpus -- --judge N shows them).`,
  );
  console.log(
    'Precision: judged blocker/major/minor places that are true. Recall: must-report items a reviewer found by reading the code (from: review) that a counted blocker/major/minor finding reports.',
  );
}
