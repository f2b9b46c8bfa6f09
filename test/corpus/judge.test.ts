import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { judgeResult, referenceContext, RepoList, rates, TruthFile } from '../../scripts/corpus-truth.mjs';

const finding = (ruleId: string, severity: string, places: [string, number][]) => ({
  ruleId,
  category: ruleId.split('/')[0]!,
  severity,
  applicationId: 'app',
  evidence: places.map(([file, line]) => ({ file, line, snippet: 'x' })),
});

const result = {
  applications: [
    { id: 'app', name: 'Shop', path: '.', kind: 'service', score: 55, strategy: 'replatform' },
    { id: 'tools', name: 'tools', path: 'tools', kind: 'batch', score: 90, strategy: 'rehost' },
  ],
  findings: [
    finding('state/http-session', 'major', [
      ['src/Cart.java', 10],
      ['src/Login.java', 4],
    ]),
    finding('security/plaintext-password', 'major', [
      ['conf/app.properties', 3],
      ['conf/app.properties', 9],
    ]),
    finding('observability/no-tracing', 'info', [['conf/app.properties', 12]]),
  ],
};

const truth = TruthFile.parse({
  repository: 'acme/shop',
  judged: '2026-12-02',
  applications: [
    { name: 'shop', path: '.', kind: 'web', score: [40, 60], strategy: ['replatform'] },
    { name: 'batch', path: 'batch', kind: 'batch' },
  ],
  findings: [
    {
      rule: 'state/http-session',
      file: 'src/Cart.java',
      line: 10,
      report: true,
      why: 'cart kept in the session',
      from: 'review',
    },
    {
      rule: 'security/plaintext-password',
      file: 'conf/app.properties',
      report: true,
      why: 'passwords in the file',
      from: 'review',
    },
    {
      rule: 'security/plaintext-password',
      file: 'conf/app.properties',
      line: 9,
      report: false,
      why: 'a label, the more precise judgement wins',
    },
    { file: 'src/Login.java', report: false, why: 'never a finding in this file' },
    {
      rule: 'data/embedded-database',
      file: 'src/Db.java',
      line: 2,
      report: true,
      why: 'H2 in memory, not yet found',
      from: 'review',
    },
    {
      rule: 'security/plaintext-password',
      file: 'conf/app.properties',
      line: 3,
      report: true,
      why: 'judged from the output: no recall item',
    },
  ],
});

describe('the accuracy judge', () => {
  const judgement = judgeResult(result, truth);

  it('counts judged blocker/major/minor places, the most precise judgement deciding', () => {
    expect(judgement.places).toBe(4);
    expect(judgement.truePositives).toBe(2);
    expect(judgement.falsePositives.map(({ place }) => `${place.file}:${place.line}`)).toEqual([
      'src/Login.java:4',
      'conf/app.properties:9',
    ]);
    expect(rates(judgement).precision).toBe(50);
  });

  it('measures recall over must-report items and lists must-not items that fired', () => {
    expect(judgement.mustReport).toBe(3);
    expect(judgement.missed.map((entry) => entry.rule)).toEqual(['data/embedded-database']);
    expect(rates(judgement).recall).toBeCloseTo(66.67, 1);
    expect(judgement.mustNotHits).toHaveLength(2);
  });

  it('matches applications by path, name (any case) and kind, and checks their verdict band apart', () => {
    expect(judgement.applications.map((app) => [app.expected.path, app.identity, app.problems, app.matched])).toEqual([
      ['.', ['kind service, expected web'], [], false],
      ['batch', ['not detected'], [], false],
    ]);
    expect(judgement.extraApplications.map((app) => app.path)).toEqual(['tools']);
  });

  it('judges only what counts: an info finding is neither judged nor left unjudged', () => {
    expect(judgement.unjudged).toEqual([]);
    const withUnjudged = judgeResult(
      { ...result, findings: [...result.findings, finding('state/cache', 'minor', [['src/Cache.java', 7]])] },
      truth,
    );
    expect(withUnjudged.unjudged.map((place) => `${place.rule} ${place.file}:${place.line}`)).toEqual([
      'state/cache src/Cache.java:7',
    ]);
  });

  it('rejects a truth entry that names nothing', () => {
    expect(() =>
      TruthFile.parse({
        repository: 'a/b',
        judged: '2026-12-02',
        applications: [],
        findings: [{ report: true, why: 'nothing named' }],
      }),
    ).toThrow();
  });
});

describe('the corpus files', () => {
  it('list pinned repositories, each with a truth file that parses and names it', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const folder = path.join(here, 'truth');
    const list = RepoList.parse(YAML.parse(fs.readFileSync(path.join(here, 'repos.yaml'), 'utf8')));
    expect(list.repositories.length).toBeGreaterThanOrEqual(14);
    for (const { name } of list.repositories) {
      const truth = TruthFile.parse(
        YAML.parse(fs.readFileSync(path.join(folder, `${name.replace('/', '+')}.yaml`), 'utf8')),
      );
      expect(truth.repository).toBe(name);
    }
    expect(fs.readdirSync(folder).length).toBe(list.repositories.length);
  });
});

describe('reference decompositions of a split', () => {
  it('put a class where the longest listed class or package name around it says, and nowhere when none does', () => {
    const contexts = {
      booking: ['se.citerus.dddsample.domain.model.cargo', 'se.citerus.dddsample.application.impl.BookingServiceImpl'],
      handling: ['se.citerus.dddsample.application'],
    };
    expect(referenceContext(contexts, 'se.citerus.dddsample.domain.model.cargo.Cargo')).toBe('booking');
    expect(referenceContext(contexts, 'se.citerus.dddsample.application.impl.BookingServiceImpl')).toBe('booking');
    expect(referenceContext(contexts, 'se.citerus.dddsample.application.impl.HandlingEventServiceImpl')).toBe(
      'handling',
    );
    // A package name is a whole segment: cargoX is not in cargo.
    expect(referenceContext(contexts, 'se.citerus.dddsample.domain.model.cargoX.Thing')).toBeUndefined();
    expect(referenceContext(contexts, 'se.citerus.dddsample.config.DDDSampleApplicationContext')).toBeUndefined();
  });
});
