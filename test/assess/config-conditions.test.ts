import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/assess/rules/evaluate-condition.js';
import { MatcherCache } from '../../src/assess/rules/matcher-cache.js';
import type { Condition } from '../../src/assess/rules/rule-schema.js';
import type { ApplicationFacts } from '../../src/extract/application-facts.js';
import { configFormatOf } from '../../src/extract/config/config-entries.js';
import { collectEndpointsAndSecrets } from '../../src/extract/config/config-facts.js';
import { collectDeliveryFacts } from '../../src/extract/config/delivery-facts.js';
import { readConfig } from '../../src/extract/config/read-config.js';
import { analyseText } from '../../src/extract/source-text.js';
import type { DiscoveredFile } from '../../src/discover/walk-files.js';

const FILES: Record<string, string> = {
  'src/main/resources/application.properties':
    'spring.datasource.url=jdbc:oracle:thin:@ora01.acme.corp:1521:ORDP\nspring.datasource.password=Tiger123\nserver.session.timeout=30\n',
  'k8s/deployment.yaml':
    'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          livenessProbe:\n            httpGet: { path: /health, port: 8080 }\n',
  Dockerfile: 'FROM eclipse-temurin:21\n',
};

function application(): ApplicationFacts {
  const texts = Object.entries(FILES).map(([appRel, text]) => ({
    file: { rel: `app/${appRel}`, kind: appRel === 'Dockerfile' ? 'descriptor' : 'config' } as DiscoveredFile,
    appRel,
    origin: 'production' as const,
    source: analyseText(`app/${appRel}`, text, undefined, appRel),
  }));
  const configs = texts.flatMap(({ appRel, source }) => {
    const format = configFormatOf(appRel);
    return format ? [readConfig(source.rel, format, source.text)] : [];
  });
  const manifests = [
    {
      file: 'app/pom.xml',
      ecosystem: 'maven' as const,
      dependencies: [
        {
          ecosystem: 'maven' as const,
          name: 'log4j:log4j',
          version: '1.2.17',
          scope: 'compile',
          file: 'app/pom.xml',
          line: 9,
        },
      ],
      diagnostics: [],
    },
  ];
  const delivery = collectDeliveryFacts(
    texts.map(({ appRel, file }) => ({ appRel, rel: file.rel })),
    [{ rel: 'app/Dockerfile', text: FILES.Dockerfile! }],
    manifests,
    configs,
    [],
  );
  return {
    app: { id: 'app' } as ApplicationFacts['app'],
    files: texts,
    texts,
    manifests,
    sources: [],
    configs,
    ...collectEndpointsAndSecrets(configs, []),
    delivery,
    inlineIgnores: [],
    languages: {},
    loc: 0,
    skipped: 0,
    kind: { kind: 'service', reason: '' },
  };
}

const run = (condition: Condition) => evaluateCondition(condition, application(), new MatcherCache());

describe('configuration conditions', () => {
  it('endpoint: by kind, protocol and host pattern, with the setting line as evidence', () => {
    expect(run({ endpoint: { protocol: ['oracle'] } })).toEqual({
      matched: true,
      evidence: [
        {
          file: 'app/src/main/resources/application.properties',
          line: 1,
          snippet: 'spring.datasource.url=jdbc:oracle:thin:@ora01.acme.corp:1521:ORDP',
        },
      ],
    });
    expect(run({ endpoint: { kind: ['database'], host: '^\\(local\\)$' } }).matched).toBe(false);
  });

  it('secret: the key and its kind, never the value', () => {
    const match = run({ secret: {} });
    expect(match.evidence).toEqual([
      {
        file: 'app/src/main/resources/application.properties',
        line: 2,
        snippet: 'spring.datasource.password (password, value hidden)',
      },
    ]);
    expect(JSON.stringify(match)).not.toContain('Tiger123');
  });

  it('config: keys by glob and values by pattern, in chosen files', () => {
    expect(run({ config: { key: ['server.session.*'], value: '^\\d+$' } }).evidence.map((e) => e.line)).toEqual([3]);
    expect(run({ config: { key: ['**.livenessProbe.**'], files: ['k8s/**'] } }).evidence.map((e) => e.file)).toEqual([
      'app/k8s/deployment.yaml',
      'app/k8s/deployment.yaml',
    ]);
    expect(run({ config: { key: ['server.session.*'], files: ['k8s/**'] } }).matched).toBe(false);
  });

  it('delivery: every named aspect must be present; not: expresses absence', () => {
    expect(run({ delivery: { has: ['container', 'health-check', 'iac'] } }).matched).toBe(true);
    expect(run({ delivery: { has: ['container', 'ci'] } }).matched).toBe(false);
    expect(run({ not: { delivery: { has: ['tests'] } } }).matched).toBe(true);
  });

  it('dependency versions against a semver range', () => {
    expect(run({ dependency: { name: ['log4j:log4j'], version: '<2.0.0' } }).matched).toBe(true);
    expect(run({ dependency: { name: ['log4j:log4j'], version: '>=2.17.1' } }).matched).toBe(false);
  });
});
