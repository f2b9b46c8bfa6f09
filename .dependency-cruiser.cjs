/**
 * The project's own import rules (npm run lint runs them): no cycles, and data flows one way,
 * discover → extract → model → assess → plan → report, with pipeline/ and cli/ on top
 * (docs/architecture.md). Type imports count: a type that must be imported backwards lives in
 * the wrong module.
 */
const later = (...stages) => ({ path: `^src/(${stages.join('|')})/` });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle ties modules that should be understood one at a time. A language names its extractor by a lazy import, which runs after every module has loaded: a cycle through one is no cycle at load.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'languages-are-descriptions',
      severity: 'error',
      comment:
        'A language file describes its language for every stage; it loads its extractor lazily (discovery and reports load no parser) and knows no later stage.',
      from: { path: '^src/languages/' },
      to: { path: '^src/extract/', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'languages-before-discover',
      severity: 'error',
      from: { path: '^src/languages/' },
      to: later('discover', 'model', 'assess', 'plan', 'report', 'pipeline', 'cli'),
    },
    {
      name: 'discover-first',
      severity: 'error',
      comment: 'Discovery finds files and applications; it reads no facts.',
      from: { path: '^src/discover/' },
      to: later('extract', 'model', 'assess', 'plan', 'report', 'pipeline', 'cli'),
    },
    {
      name: 'extract-before-model',
      severity: 'error',
      comment:
        'Extractors turn one file into facts; they know no graph, rule or report. Joins across files (the estate of every inventory, where each application runs) are model work, so no extractor reaches them.',
      from: { path: '^src/extract/' },
      to: later('model', 'assess', 'plan', 'report', 'pipeline', 'cli'),
    },
    {
      name: 'model-before-assess',
      severity: 'error',
      from: { path: '^src/model/' },
      to: later('assess', 'plan', 'report', 'pipeline', 'cli'),
    },
    {
      name: 'assess-before-plan',
      severity: 'error',
      from: { path: '^src/assess/' },
      to: later('plan', 'report', 'pipeline', 'cli'),
    },
    {
      name: 'plan-before-report',
      severity: 'error',
      from: { path: '^src/plan/' },
      to: later('report', 'pipeline', 'cli'),
    },
    {
      name: 'report-is-output',
      severity: 'error',
      comment: 'Reporters render a result; they run no stage and no command.',
      from: { path: '^src/report/' },
      to: later('pipeline', 'cli'),
    },
    {
      name: 'report-reads-plans-from-the-result',
      severity: 'error',
      comment:
        'Splits and waves are planned in plan/ and stored in the result; a reporter may know their types, never run the planners.',
      from: { path: '^src/report/' },
      to: { path: '^src/plan/', pathNot: '^src/plan/split-types\\.ts$' },
    },
    {
      name: 'outputs-through-the-registry',
      severity: 'error',
      comment:
        'Commands render every output through report/outputs.ts (one registry of outputs and formats); they hold no renderer.',
      from: { path: '^src/(cli|pipeline)/' },
      to: {
        path: '^src/report/',
        pathNot: ['^src/report/(outputs|reporter-types|json-report)\\.ts$', '^src/report/waves-report\\.ts$'],
      },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports is dead code, unless it is an entry point.',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '^src/cli/main\\.ts$',
          '^src/extract/source/extract-worker\\.ts$',
          '^src/report/html/client/main\\.ts$',
        ],
      },
      to: {},
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
