import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import { evaluateCondition } from '../../src/assess/rules/evaluate-condition.js';
import { globMatcher, MatcherCache } from '../../src/assess/rules/matcher-cache.js';
import type { Condition } from '../../src/assess/rules/rule-schema.js';
import type { ApplicationFacts } from '../../src/extract/application-facts.js';
import { languageForExtension } from '../../src/languages/registry.js';
import { analyseText } from '../../src/extract/source-text.js';
import type { DiscoveredFile } from '../../src/discover/walk-files.js';

/** Facts for an application at app/, built from in-memory files. */
function facts(files: Record<string, string>): ApplicationFacts {
  const entries = Object.entries(files);
  const appFiles = entries.map(([rel]) => ({
    file: { rel: `app/${rel}` } as DiscoveredFile,
    appRel: rel,
    origin: 'production' as const,
  }));
  return {
    app: { id: 'app' } as ApplicationFacts['app'],
    files: appFiles,
    texts: entries.map(([rel, text], i) => ({
      ...appFiles[i]!,
      source: analyseText(`app/${rel}`, text, languageForExtension(rel.slice(rel.lastIndexOf('.')))),
    })),
    manifests: [
      {
        file: 'app/pom.xml',
        ecosystem: 'maven',
        dependencies: [
          {
            ecosystem: 'maven',
            name: 'com.h2database:h2',
            version: '2.2.224',
            scope: 'test',
            file: 'app/pom.xml',
            line: 12,
          },
          {
            ecosystem: 'maven',
            name: 'com.oracle.database.jdbc:ojdbc8',
            version: '19.3',
            scope: 'compile',
            file: 'app/pom.xml',
            line: 20,
          },
        ],
        diagnostics: [],
      },
    ],
    sources: [],
    configs: [],
    endpoints: [],
    secrets: [],
    delivery: { ci: [], tests: [], container: [], iac: [], 'health-check': [] },
    languages: {},
    loc: 0,
    skipped: 0,
    inlineIgnores: [],
    kind: { kind: 'service', reason: '' },
  };
}

const run = (condition: Condition, app: ApplicationFacts) => evaluateCondition(condition, app, new MatcherCache());

describe('evaluateCondition', () => {
  const app = facts({
    'src/Checkout.java':
      'import javax.servlet.http.HttpSession;\n// HttpSession old = null;\nclass C { HttpSession s; }\n',
    'src/legacy.cs': 'var s = Session["cart"]; // HttpSession\n',
    'config/app.properties': 'db.password=hunter22\n',
    Dockerfile: 'FROM eclipse-temurin:21\n',
  });

  it('pattern: matches outside comments only, one evidence per line, with the original line as snippet', () => {
    const match = run({ pattern: { regex: '\\bHttpSession\\b', languages: ['java'] } }, app);
    expect(match).toEqual({
      matched: true,
      evidence: [
        { file: 'app/src/Checkout.java', line: 1, snippet: 'import javax.servlet.http.HttpSession;' },
        { file: 'app/src/Checkout.java', line: 3, snippet: 'class C { HttpSession s; }' },
      ],
    });
  });

  it('pattern: a rule out of time on a file stops there with a rule-budget warning naming rule, file and line', () => {
    const cache = new MatcherCache();
    cache.rule = 'custom/session';
    cache.budgetMs = -1;
    const match = evaluateCondition({ pattern: { regex: '\\bHttpSession\\b', languages: ['java'] } }, app, cache);
    expect(match.evidence).toEqual([
      { file: 'app/src/Checkout.java', line: 1, snippet: 'import javax.servlet.http.HttpSession;' },
    ]);
    expect(cache.diagnostics).toEqual([
      {
        level: 'warning',
        code: 'rule-budget',
        file: 'app/src/Checkout.java',
        line: 1,
        message: expect.stringMatching(
          /^rule custom\/session took over .* s on this file and stopped looking at line 1; places after it are not reported$/,
        ),
      },
    ]);
  });

  it('pattern: language and file filters; config files only when a glob names them', () => {
    expect(run({ pattern: { regex: 'HttpSession', languages: ['csharp'] } }, app).matched).toBe(false);
    expect(run({ pattern: { regex: 'password' } }, app).matched).toBe(false);
    const inConfig = run({ pattern: { regex: 'password', files: ['**/*.properties'] } }, app);
    expect(inConfig.evidence).toEqual([{ file: 'app/config/app.properties', line: 1, snippet: 'db.password=****' }]);
  });

  it('file: a glob matching a file gives whole-file evidence; basename globs match at any depth', () => {
    expect(run({ file: { glob: ['Dockerfile'] } }, app)).toEqual({
      matched: true,
      evidence: [{ file: 'app/Dockerfile' }],
    });
    expect(run({ file: { glob: ['**/web.xml'] } }, app).matched).toBe(false);
  });

  it('dependency: glob names and scope filters', () => {
    expect(run({ dependency: { name: ['com.h2database:*'], scope: ['runtime', 'compile'] } }, app).matched).toBe(false);
    expect(run({ dependency: { name: ['com.oracle.database.jdbc:ojdbc*'] } }, app).evidence).toEqual([
      { file: 'app/pom.xml', line: 20, snippet: 'com.oracle.database.jdbc:ojdbc8 19.3 (compile)' },
    ]);
    expect(run({ dependency: { name: ['com.oracle.database.jdbc:ojdbc*'], ecosystem: 'npm' } }, app).matched).toBe(
      false,
    );
  });

  it('all / any / not combine matches and their evidence', () => {
    const session: Condition = { pattern: { regex: 'HttpSession', languages: ['java'] } };
    const docker: Condition = { file: { glob: ['Dockerfile'] } };
    const missing: Condition = { file: { glob: ['Procfile'] } };
    expect(run({ all: [session, docker] }, app).evidence).toHaveLength(3);
    expect(run({ all: [session, missing] }, app)).toEqual({ matched: false, evidence: [] });
    expect(run({ any: [missing, docker] }, app)).toEqual({ matched: true, evidence: [{ file: 'app/Dockerfile' }] });
    expect(run({ not: missing }, app)).toEqual({ matched: true, evidence: [] });
    expect(run({ not: docker }, app).matched).toBe(false);
  });
});

describe('globMatcher', () => {
  // Every glob shape the built-in packs use, and the paths and names they meet.
  const globs = [
    ['**/*.{java,cs,py}'],
    ['**/web.config'],
    ['**/*.config', '**/*.cs', '**/*.vb'],
    ['**/Makefile', '**/*.{sh,bash}'],
    ['*.jar'],
    ['log4j*', 'org.apache.logging.log4j:log4j-core'],
    ['**/.env'],
    ['src/main/**/*.xml'],
    ['@angular/*'],
  ];
  const paths = [
    'Main.java',
    'src/main/java/a/B.JAVA',
    'web.config',
    'conf/Web.Config',
    'tools/Makefile',
    'deploy.sh',
    'lib/ojdbc8.jar',
    'log4j',
    'org.apache.logging.log4j:log4j-core',
    'log4j-api',
    '.env',
    'config/.env',
    'src/main/resources/beans.xml',
    'src/test/resources/beans.xml',
    '@angular/core',
    'core',
    '',
    'a/b/',
  ];

  it('answers as picomatch does, case-insensitively and for dot files, with bare globs matching the last segment', () => {
    for (const patterns of globs) {
      const expected = picomatch(patterns, {
        dot: true,
        nocase: true,
        basename: !patterns.some((p) => p.includes('/')),
      });
      const actual = globMatcher(patterns);
      for (const path of paths) expect([patterns, path, actual(path)]).toEqual([patterns, path, expected(path)]);
    }
  });

  it('matches what the rules mean', () => {
    expect(globMatcher(['*.jar'])('lib/ojdbc8.jar')).toBe(true);
    expect(globMatcher(['**/web.config'])('conf/Web.Config')).toBe(true);
    expect(globMatcher(['src/main/**/*.xml'])('src/test/resources/beans.xml')).toBe(false);
  });
});
