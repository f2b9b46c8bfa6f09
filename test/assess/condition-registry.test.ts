import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONDITION_KINDS, kindOf, type LeafCondition } from '../../src/assess/rules/condition-registry.js';
import { Condition } from '../../src/assess/rules/rule-schema.js';
import { REPO } from '../helpers/run-cli.js';

describe('the condition registry', () => {
  it('defines each kind once, and the rule schema accepts exactly its kinds besides all, any and not', () => {
    const keys = CONDITION_KINDS.map((kind) => kind.key);
    expect(new Set(keys).size).toBe(keys.length);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/rule-pack.schema.json'), 'utf8')) as unknown;
    const unionKeys = new Set<string>();
    const visit = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const anyOf = (node as { anyOf?: { properties?: object; required?: string[] }[] }).anyOf;
      if (anyOf?.some((option) => option.required?.[0] === 'all'))
        for (const option of anyOf) unionKeys.add(option.required![0]!);
      for (const value of Object.values(node)) visit(value);
    };
    visit(schema);
    expect([...unionKeys].sort()).toEqual(['all', 'any', 'not', ...keys].sort());
    expect(Condition.safeParse({ nosuchkind: {} }).success).toBe(false);
  });

  it('evaluates a leaf through the kind its key names', () => {
    const leaf = { config: { key: ['USER'], notValue: '^root$' } } as unknown as LeafCondition;
    expect(Condition.parse(leaf)).toEqual(leaf);
    const { kind, body } = kindOf(leaf);
    expect(kind.key).toBe('config');
    expect(kind.scope).toBe('file');
    expect(kind.regexes?.(body as never)).toEqual([{ source: '^root$', flags: 'i' }]);
  });
});
