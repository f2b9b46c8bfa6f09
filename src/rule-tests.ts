import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoadedPack } from './assess/rules/load-rules.js';
import type { Rule, RulePack, RuleTestCase } from './assess/rules/rule-schema.js';
import { scan } from './scan.js';

export interface RuleTestResult {
  ruleId: string;
  expectation: 'match' | 'no-match';
  /** 1-based position of the case in its list. */
  index: number;
  description?: string | undefined;
  passed: boolean;
  /** Why it failed, or the evidence of a match. */
  detail: string;
}

export interface RuleTestSummary {
  results: RuleTestResult[];
  /** Rules that lack a match or a no-match case. */
  untested: { ruleId: string; missing: ('match' | 'no-match')[] }[];
}

/** The folder a case's inline files are written to: its application is `app`, inventories sit beside it. */
async function materialise(
  testCase: Extract<RuleTestCase, { file: string } | { files: Record<string, string> }>,
): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'cloudready-rule-test-'));
  const files = 'files' in testCase ? testCase.files : { [testCase.file]: testCase.content };
  // A case is a snippet, not an application: it runs as a declared service, whatever its few files suggest.
  await fs.writeFile(path.join(root, 'cloudready.yaml'), 'applications:\n  - path: app\n    kind: service\n');
  for (const [rel, content] of Object.entries(files)) {
    if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..'))
      throw new Error(`test file path ${rel} must stay inside the application`);
    const abs = rel.startsWith('inventory/') ? path.join(root, rel) : path.join(root, 'app', rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content);
  }
  return root;
}

/** Scans one case with only the rule under test (and its pack's catalogue), and says whether the rule fired. */
async function runCase(
  rule: Rule,
  testCase: RuleTestCase,
  packFile: string,
  catalogue: RulePack['catalogue'],
): Promise<{ matched: boolean; detail: string }> {
  const inline = !('fixture' in testCase);
  const root = inline ? await materialise(testCase) : path.resolve(path.dirname(packFile), testCase.fixture);
  try {
    const packs: LoadedPack[] = [
      {
        pack: {
          pack: rule.id.split('/')[0]!,
          title: '',
          description: '',
          sources: [],
          rules: [rule],
          ...(catalogue ? { catalogue } : {}),
        },
        source: packFile,
        file: packFile,
      },
    ];
    const result = await scan({ paths: [root], cwd: root, packs });
    const findings = result.findings.filter((finding) => finding.ruleId === rule.id);
    const problems = result.diagnostics.filter((d) => d.level === 'error');
    if (problems.length > 0)
      return {
        matched: findings.length > 0,
        detail: `the case could not be read: ${problems.map((d) => `${d.file ?? ''}${d.line ? `:${d.line}` : ''} ${d.message}`).join('; ')}`,
      };
    const evidence = findings.flatMap((finding) =>
      finding.evidence.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}${e.snippet ? ` ${e.snippet}` : ''}`),
    );
    return {
      matched: findings.length > 0,
      detail:
        findings.length > 0 ? `fired: ${evidence.slice(0, 3).join(' | ') || findings[0]!.message}` : 'did not fire',
    };
  } finally {
    if (inline) await fs.rm(root, { recursive: true, force: true });
  }
}

/**
 * Runs the `tests:` of every rule in the packs (or those whose id starts with `filter`): a
 * match case passes when the rule fires on it, a no-match case when it does not.
 */
export async function runRuleTests(packs: LoadedPack[], filter?: string): Promise<RuleTestSummary> {
  const results: RuleTestResult[] = [];
  const untested: RuleTestSummary['untested'] = [];
  for (const { pack, file: packFile } of packs) {
    for (const rule of pack.rules) {
      if (filter && !rule.id.startsWith(filter)) continue;
      const tests = rule.tests ?? { match: [], 'no-match': [] };
      const missing = (['match', 'no-match'] as const).filter((kind) => tests[kind].length === 0);
      if (missing.length) untested.push({ ruleId: rule.id, missing: [...missing] });
      for (const expectation of ['match', 'no-match'] as const) {
        for (const [position, testCase] of tests[expectation].entries()) {
          let outcome: { matched: boolean; detail: string };
          try {
            outcome = await runCase(rule, testCase, packFile, pack.catalogue);
          } catch (error) {
            outcome = {
              matched: expectation !== 'match',
              detail: `the case could not run: ${(error as Error).message}`,
            };
            results.push({
              ruleId: rule.id,
              expectation,
              index: position + 1,
              description: testCase.description,
              passed: false,
              detail: outcome.detail,
            });
            continue;
          }
          const couldNotRead = outcome.detail.startsWith('the case could not be read');
          const passed = !couldNotRead && outcome.matched === (expectation === 'match');
          results.push({
            ruleId: rule.id,
            expectation,
            index: position + 1,
            description: testCase.description,
            passed,
            detail: outcome.detail,
          });
        }
      }
    }
  }
  return { results, untested };
}
