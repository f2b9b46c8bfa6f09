import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutTexts, evidenceContext, evidenceSnippetAt } from '../../src/assess/evidence.js';
import { evaluateCondition } from '../../src/assess/rules/evaluate-condition.js';
import { fileConditionsOf } from '../../src/assess/rules/file-conditions.js';
import { MatcherCache } from '../../src/assess/rules/matcher-cache.js';
import type { Rule } from '../../src/assess/rules/rule-schema.js';
import { TextMemo } from '../../src/assess/rules/text-memo.js';
import type { FactStore } from '../../src/extract/fact-cache.js';
import type { ApplicationFacts } from '../../src/extract/application-facts.js';
import { analyseText } from '../../src/extract/source-text.js';
import type { DiscoveredFile } from '../../src/discover/walk-files.js';
import { languageForExtension } from '../../src/languages/registry.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan, type ScanOptions } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

const now = () => new Date('2026-01-01T00:00:00Z');

function rule(id: string, when: Rule['when']): Rule {
  return {
    id,
    title: id,
    category: 'platform',
    severity: 'minor',
    effort: 1,
    description: '',
    remediation: '',
    when,
    contexts: ['production'],
    supersedes: [],
  } as unknown as Rule;
}

/** A store that counts what is written, as the fact cache keeps it. */
function memoryStore(): FactStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    key: (...parts) => parts.join('\u0001'),
    get: <T>(key: string) => entries.get(key) as T | undefined,
    set: (key, value) => void entries.set(key, value),
  };
}

function javaText(rel: string, text: string) {
  return analyseText(rel, text, languageForExtension('.java'));
}

describe('file conditions: which leaves are evaluated where the files are read', () => {
  it('takes each file-scoped leaf of the enabled rules once, leaves application and portfolio conditions to the assess stage, and digests the text conditions', () => {
    const todo = { pattern: { regex: 'TODO' } };
    const rules = [
      rule('a/one', { all: [todo, { not: { delivery: { has: ['ci'] } } }] }),
      rule('a/two', { any: [todo, { import: { name: ['javax.ejb'] } }] }),
      rule('a/off', { file: { glob: ['*.jar'] } }),
    ];
    const conditions = fileConditionsOf(rules, new Set(['a/off']));
    expect(conditions.leaves.map(({ key, rule: owner }) => [key, owner])).toEqual([
      ['pattern:{"regex":"TODO"}', 'a/one'],
      ['import:{"name":["javax.ejb"]}', 'a/two'],
    ]);
    expect([...conditions.textConditions]).toEqual([['pattern:{"regex":"TODO"}', 0]]);
    const changed = fileConditionsOf([rule('a/one', { pattern: { regex: 'FIXME' } })], new Set());
    expect(changed.textDigest).not.toBe(conditions.textDigest);
    expect(fileConditionsOf(rules, new Set(['a/off'])).textDigest).toBe(conditions.textDigest);
  });

  it('refuses to evaluate a file condition again once the texts are gone, rather than find nothing', () => {
    const facts = { conditionHits: new Map(), texts: [], files: [] } as unknown as ApplicationFacts;
    expect(() => evaluateCondition({ pattern: { regex: 'TODO' } }, facts, new MatcherCache())).toThrow(
      /was not evaluated when the files were read/,
    );
  });
});

describe('text memo: what a pattern found in a file is kept by the file and the conditions', () => {
  it('searches an unchanged file once, searches a changed one again, and keeps no answer cut short by the time budget', () => {
    const store = memoryStore();
    const conditions = new Map([
      ['pattern:a', 0],
      ['pattern:b', 1],
    ]);
    let searches = 0;
    const search =
      (lines: number[], whole = true) =>
      () => {
        searches++;
        return { lines, whole };
      };
    const first = new TextMemo(store, conditions, 'digest');
    const source = javaText('app/A.java', 'class A {}\n');
    expect(first.lines(source, 'pattern:a', search([1]))).toEqual([1]);
    expect(first.lines(source, 'pattern:b', search([]))).toEqual([]);
    first.flush();
    // One entry per file, listing only what found something.
    expect([...store.entries.values()]).toEqual([[[0, [1]]]]);

    const second = new TextMemo(store, conditions, 'digest');
    expect(second.lines(source, 'pattern:a', search([7]))).toEqual([1]);
    expect(second.lines(source, 'pattern:b', search([7]))).toEqual([]);
    expect(searches).toBe(2);
    // Another text, or other conditions: searched afresh.
    expect(second.lines(javaText('app/A.java', 'class A { }\n'), 'pattern:a', search([2]))).toEqual([2]);
    expect(new TextMemo(store, conditions, 'other digest').lines(source, 'pattern:a', search([3]))).toEqual([3]);
    expect(searches).toBe(4);

    // A search that ran out of time is not the whole answer: not kept, searched again next time.
    const slow = javaText('app/Slow.java', 'class Slow {}\n');
    const third = new TextMemo(store, conditions, 'digest');
    third.lines(slow, 'pattern:a', search([1], false));
    third.flush();
    new TextMemo(store, conditions, 'digest').lines(slow, 'pattern:a', search([1]));
    expect(searches).toBe(6);
  });
});

describe('facts without their texts keep what evidence shows', () => {
  it('gives the same snippets and context for cited lines once the text is gone, and nothing for lines not kept', () => {
    const text = [
      'package acme;',
      'class Db {',
      '  String password = "hunter2";',
      '  String url = "jdbc:oracle:thin:@db01:1521/ORD";',
      '}',
    ].join('\n');
    const source = javaText('app/Db.java', text);
    const facts = {
      app: { id: 'app' },
      files: [{ file: { rel: 'app/Db.java' } as DiscoveredFile, appRel: 'Db.java', origin: 'production' }],
      texts: [{ file: { rel: 'app/Db.java' } as DiscoveredFile, appRel: 'Db.java', origin: 'production', source }],
      secrets: [],
    } as unknown as ApplicationFacts;
    const before = [1, 3, 4, 5].map((line) => [
      evidenceSnippetAt(facts, 'app/Db.java', line),
      evidenceContext(facts, 'app/Db.java', line),
    ]);
    expect(before[1]![0]).not.toContain('hunter2');
    const kept = withoutTexts(facts, [
      { file: 'app/Db.java', line: 4 },
      { file: 'app/Db.java', line: 1 },
    ]);
    expect(kept.texts).toEqual([]);
    expect(facts.texts).toHaveLength(1);
    const after = [1, 3, 4, 5].map((line) => [
      evidenceSnippetAt(kept, 'app/Db.java', line),
      evidenceContext(kept, 'app/Db.java', line),
    ]);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    expect(JSON.stringify(after)).not.toContain('hunter2');
    // Line 5 was kept as context of line 4; the fallback still stands for a line never kept.
    expect(evidenceSnippetAt(kept, 'app/Db.java', 9, 'fallback')).toBe('fallback');
  });
});

describe('file conditions with the fact cache: the same result as a scan without it', () => {
  const pack = (regex: string) =>
    `pack: extra\ntitle: Extra\ndescription: An extra pack.\nrules:\n  - id: extra/marker\n    title: Marker\n    category: platform\n    severity: minor\n    effort: 1\n    description: A marker.\n    remediation: Remove it.\n    when:\n      pattern: { regex: '${regex}' }\n`;
  const text = (result: ScanResult) => JSON.stringify(result);

  it('after a file changes and after a rule pattern changes, a cached scan reports what an uncached one does', async () => {
    const root = await makeTree({
      'orders/pom.xml':
        '<project><groupId>com.acme</groupId><artifactId>orders</artifactId><packaging>war</packaging></project>',
      'orders/src/main/java/com/acme/OrderService.java':
        'package com.acme;\npublic class OrderService {\n  String marker = "MARKER-A";\n  String url = "jdbc:oracle:thin:@db01.acme.corp:1521/ORD";\n}\n',
      'orders/src/main/java/com/acme/Billing.java':
        'package com.acme;\npublic class Billing {\n  String note = "MARKER-B";\n}\n',
      'packs/extra.yaml': pack('MARKER-A'),
    });
    const options: ScanOptions = { paths: [path.join(root, 'orders')], cwd: root, now, ruleFolders: ['packs'] };
    const cached = () => scan({ ...options, cacheDir: path.join(root, '.cache') });
    const marker = (result: ScanResult) =>
      result.findings
        .find((finding) => finding.ruleId === 'extra/marker')
        ?.evidence.map((place) => `${place.file}:${place.line}`);

    expect(text(await cached())).toBe(text(await scan(options)));
    await fs.appendFile(
      path.join(root, 'orders/src/main/java/com/acme/Billing.java'),
      'class Later { String marker = "MARKER-A"; }\n',
    );
    const edited = await cached();
    expect(marker(edited)).toEqual([
      'src/main/java/com/acme/Billing.java:5',
      'src/main/java/com/acme/OrderService.java:3',
    ]);
    expect(text(edited)).toBe(text(await scan(options)));

    await fs.writeFile(path.join(root, 'packs/extra.yaml'), pack('MARKER-B'));
    const repatterned = await cached();
    expect(marker(repatterned)).toEqual(['src/main/java/com/acme/Billing.java:3']);
    expect(text(repatterned)).toBe(text(await scan(options)));
  });

  it('past the evidence limit in one file, still searches and keeps the files after it: once that file no longer matches, their places come from the cache', async () => {
    const crowded = `package com.acme;\npublic class Crowded {\n${Array.from({ length: 520 }, (_, at) => `  String m${at} = "MARKER-A";`).join('\n')}\n}\n`;
    const root = await makeTree({
      'orders/pom.xml':
        '<project><groupId>com.acme</groupId><artifactId>orders</artifactId><packaging>war</packaging></project>',
      'orders/src/main/java/com/acme/Aaa.java': crowded,
      'orders/src/main/java/com/acme/Billing.java':
        'package com.acme;\npublic class Billing {\n  String note = "MARKER-A";\n}\n',
      'packs/extra.yaml': pack('MARKER-A'),
    });
    const options: ScanOptions = { paths: [path.join(root, 'orders')], cwd: root, now, ruleFolders: ['packs'] };
    const cached = () => scan({ ...options, cacheDir: path.join(root, '.cache') });
    expect((await cached()).findings.find((finding) => finding.ruleId === 'extra/marker')?.evidenceCount).toBe(500);
    await fs.writeFile(
      path.join(root, 'orders/src/main/java/com/acme/Aaa.java'),
      'package com.acme;\npublic class Crowded {}\n',
    );
    const uncrowded = await cached();
    expect(
      uncrowded.findings
        .find((finding) => finding.ruleId === 'extra/marker')
        ?.evidence.map((place) => `${place.file}:${place.line}`),
    ).toEqual(['src/main/java/com/acme/Billing.java:3']);
    expect(text(uncrowded)).toBe(text(await scan(options)));
  });
});
