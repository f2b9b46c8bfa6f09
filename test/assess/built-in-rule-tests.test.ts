import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES, loadRulePacks } from '../../src/assess/rules/load-rules.js';
import { runRuleTests } from '../../src/rule-tests.js';

/**
 * The rules are the product's knowledge: every built-in rule proves, on small realistic
 * applications, that it fires where it should and stays silent where it should not.
 */
describe('built-in rule packs', () => {
  it('every rule has match and no-match cases, and every case passes', async () => {
    const packs = await loadRulePacks([BUILT_IN_RULES]);
    const { results, untested } = await runRuleTests(packs);
    expect(untested).toEqual([]);
    expect(
      results
        .filter((result) => !result.passed)
        .map((result) => `${result.ruleId} ${result.expectation} #${result.index}: ${result.detail}`),
    ).toEqual([]);
    const rules = packs.flatMap(({ pack }) => pack.rules);
    expect(new Set(results.map((result) => result.ruleId)).size).toBe(rules.length);
  }, 180_000);
});

describe('rule documentation', () => {
  it('docs/rules/ pages are generated from the current packs (run npm run docs:rules to refresh them)', async () => {
    const { default: fs } = await import('node:fs/promises');
    const { default: path } = await import('node:path');
    const { REPO } = await import('../helpers/run-cli.js');
    const { ruleDocFiles } = (await import(path.join(REPO, 'scripts/generate-rule-docs.mjs'))) as {
      ruleDocFiles: () => Promise<Record<string, string>>;
    };
    for (const [file, content] of Object.entries(await ruleDocFiles()))
      expect(await fs.readFile(path.join(REPO, file), 'utf8'), file).toBe(content);
  });
});
