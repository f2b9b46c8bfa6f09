import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/assess/rules/evaluate-condition.js';
import { MatcherCache } from '../../src/assess/rules/matcher-cache.js';
import type { Condition } from '../../src/assess/rules/rule-schema.js';
import type { ApplicationFacts } from '../../src/extract/application-facts.js';
import { languageForExtension } from '../../src/languages/registry.js';
import { extractSourceFacts } from '../../src/extract/source/index.js';
import { analyseText } from '../../src/extract/source-text.js';
import type { DiscoveredFile } from '../../src/discover/walk-files.js';
import { cobolLines } from '../extract/source/analyse.js';

async function application(files: Record<string, string>): Promise<ApplicationFacts> {
  const texts = Object.entries(files).map(([appRel, text]) => ({
    file: { rel: `app/${appRel}` } as DiscoveredFile,
    appRel,
    origin: 'production' as const,
    source: analyseText(`app/${appRel}`, text, languageForExtension(appRel.slice(appRel.lastIndexOf('.'))), appRel),
  }));
  const sources = [];
  for (const { source } of texts) {
    const facts = await extractSourceFacts(source);
    if (facts) sources.push(facts);
  }
  return {
    app: { id: 'app' } as ApplicationFacts['app'],
    files: texts,
    texts,
    manifests: [],
    sources,
    configs: [],
    endpoints: [],
    secrets: [],
    delivery: { ci: [], tests: [], container: [], iac: [], 'health-check': [] },
    inlineIgnores: [],
    languages: {},
    loc: 0,
    skipped: 0,
    kind: { kind: 'service', reason: '' },
  };
}

const JAVA = `package com.acme;
import javax.ejb.Stateless;
import javax.jms.Queue;
@Stateless
public class Billing { Queue invoices;
  // String old = "10.0.0.1";
  String host = "10.20.4.17";
  void export() throws Exception { new java.io.FileWriter("/var/out.csv").close(); }
}
`;
const COBOL = cobolLines([
  [' ', ' PROGRAM-ID. PAY01.'],
  [' ', ' PROCEDURE DIVISION.'],
  [' ', "     EXEC CICS READ FILE('PAYFILE') INTO(REC) END-EXEC."],
  [' ', "     EXEC CICS SEND MAP('PAYMAP') END-EXEC."],
  [' ', '     EXEC SQL DELETE FROM PAY.HISTORY END-EXEC.'],
]);
const JCL =
  '//PAYJOB JOB (A)\n//STEP1 EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n RUN PROGRAM(PAY01)\n/*\n//STEP2 EXEC PGM=DFSRRC00,PARM=(BMP,PAYIMS,PAYPSB)\n';

describe('fact conditions', () => {
  const run = async (condition: Condition) =>
    evaluateCondition(
      condition,
      await application({ 'src/Billing.java': JAVA, 'cobol/PAY01.cbl': COBOL, 'jcl/PAYJOB.jcl': JCL }),
      new MatcherCache(),
    );

  it('import: a package matches everything below it; evidence is the import line', async () => {
    expect(await run({ import: { name: ['javax.ejb'] } })).toEqual({
      matched: true,
      evidence: [{ file: 'app/src/Billing.java', line: 2, snippet: 'import javax.ejb.Stateless;' }],
    });
    expect((await run({ import: { name: ['javax.ej'] } })).matched).toBe(false);
    expect((await run({ import: { name: ['javax.*.Queue'] } })).evidence.map((e) => e.line)).toEqual([3]);
  });

  it("import: an unused import or one of the application's own packages never matches, by name or by glob", async () => {
    const facts = await application({
      'src/Billing.java':
        'package com.ibm.websphere.samples.daytrader;\nimport javax.jms.Topic;\nimport com.ibm.websphere.samples.daytrader.util.Log;\npublic class Billing { void run() { Log.info("x"); } }\n',
    });
    for (const name of [['javax.jms'], ['javax.jms.*'], ['com.ibm.websphere'], ['com.ibm.websphere.*']]) {
      expect(evaluateCondition({ import: { name } }, facts, new MatcherCache()).matched).toBe(false);
    }
  });

  it('annotation and api', async () => {
    expect((await run({ annotation: { name: ['Stateless'] } })).evidence.map((e) => e.line)).toEqual([4]);
    expect((await run({ api: { kind: ['file-write'] } })).evidence).toEqual([
      {
        file: 'app/src/Billing.java',
        line: 8,
        snippet: 'void export() throws Exception { new java.io.FileWriter("/var/out.csv").close(); }',
      },
    ]);
    expect((await run({ api: { kind: ['file-write'], languages: ['csharp'] } })).matched).toBe(false);
  });

  it('literal: kinds and value patterns, never from comments', async () => {
    expect((await run({ literal: { kind: ['ip'] } })).evidence.map((e) => e.line)).toEqual([7]);
    expect((await run({ literal: { kind: ['path'], value: '^/var/' } })).evidence.map((e) => e.line)).toEqual([8]);
    expect((await run({ literal: { kind: ['path'], value: '^/opt/' } })).matched).toBe(false);
  });

  it('mainframe, jcl, dataAccess, entryPoint and unit', async () => {
    expect((await run({ mainframe: { family: ['cics'] } })).evidence.map((e) => e.line)).toEqual([3, 4]);
    expect((await run({ mainframe: { family: ['cics'], verb: ['SEND MAP'] } })).evidence.map((e) => e.line)).toEqual([
      4,
    ]);
    expect((await run({ jcl: { utility: ['DFSRRC00'] } })).evidence.map((e) => e.snippet)).toEqual([
      '//STEP2 EXEC PGM=DFSRRC00,PARM=(BMP,PAYIMS,PAYPSB)',
    ]);
    expect((await run({ jcl: { program: ['PAY01'] } })).evidence.map((e) => e.line)).toEqual([2]);
    expect((await run({ dataAccess: { via: ['sql'], mode: 'write' } })).evidence.map((e) => e.line)).toEqual([5]);
    expect((await run({ dataAccess: { targetKind: ['file'], mode: 'write' } })).matched).toBe(false);
    expect((await run({ entryPoint: { kind: ['batch-job'] } })).evidence.map((e) => e.file)).toEqual([
      'app/jcl/PAYJOB.jcl',
    ]);
    expect((await run({ unit: { kind: ['program'], languages: ['cobol'] } })).evidence.map((e) => e.line)).toEqual([1]);
  });
});
