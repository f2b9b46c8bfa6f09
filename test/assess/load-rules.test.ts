import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES, loadRulePacks } from '../../src/assess/rules/load-rules.js';
import { COMPILED_RULES, type CompiledRules } from '../../src/compiled-rules.js';
import { BUILT_IN_CATALOGUE, Catalogue } from '../../src/extract/source/catalogue.js';
import { parse } from 'yaml';
import { makeTree } from '../helpers/temp-tree.js';

const VALID_RULE = `
  - id: custom/no-corba
    title: CORBA
    category: middleware
    severity: major
    effort: 5
    description: CORBA ORBs.
    remediation: Replace with HTTP.
    when:
      pattern: { regex: 'org\\.omg\\.CORBA', languages: [java] }
`;

async function loadPack(yaml: string) {
  const dir = await makeTree({ 'pack.yaml': yaml });
  return loadRulePacks([dir]);
}

describe('loadRulePacks', () => {
  it('loads the built-in packs: at least 120 rules, unique ids named after their pack, every severity used', async () => {
    const packs = await loadRulePacks([BUILT_IN_RULES]);
    const rules = packs.flatMap(({ pack }) => pack.rules);
    expect(rules.length).toBeGreaterThanOrEqual(120);
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    expect(
      packs.flatMap(({ pack }) =>
        pack.rules.filter((rule) => !rule.id.startsWith(`${pack.pack}/`)).map((rule) => rule.id),
      ),
    ).toEqual([]);
    expect(new Set(rules.map((rule) => rule.severity))).toEqual(new Set(['blocker', 'major', 'minor', 'info']));
    expect(packs.every(({ source }) => source === 'built-in')).toBe(true);
  });

  it('loads a user pack', async () => {
    const [loaded] = await loadPack(`pack: custom\ntitle: Custom\ndescription: Ours.\nrules:${VALID_RULE}`);
    expect(loaded?.pack.rules[0]?.id).toBe('custom/no-corba');
  });

  it("loads a pack that only extends the extractors' catalogue, and refuses a section a language does not read or a pack of nothing", async () => {
    const [loaded] = await loadPack(
      'pack: vault\ntitle: Vault\ndescription: Ours.\ncatalogue:\n  apis:\n    java:\n      calls:\n        file-write: [Vault.store]\n  entryPoints:\n    method:\n      scheduled: [NightlyJob]\n',
    );
    expect(loaded?.pack.rules).toEqual([]);
    expect(loaded?.pack.catalogue?.apis?.java?.calls).toEqual({ 'file-write': ['Vault.store'] });
    await expect(
      loadPack(
        'pack: vault\ntitle: Vault\ndescription: Ours.\ncatalogue:\n  apis:\n    go:\n      methods:\n        file-write: [Store]\n',
      ),
    ).rejects.toThrow(/catalogue\.apis\.go\.methods.*the go extractor reads only calls/);
    await expect(
      loadPack(
        'pack: vault\ntitle: Vault\ndescription: Ours.\ncatalogue:\n  apis:\n    java:\n      calls:\n        disk-write: [Vault.store]\n',
      ),
    ).rejects.toThrow(/disk-write|file-write/);
    await expect(loadPack('pack: vault\ntitle: Vault\ndescription: Ours.\n')).rejects.toThrow(
      /a pack has rules, a catalogue, or both/,
    );
  });

  it('names file and line for malformed YAML', async () => {
    await expect(loadPack('pack: custom\ntitle: [unclosed\n')).rejects.toThrow(/pack\.yaml:\d+: malformed YAML/);
  });

  it('names file, line and field for a schema violation', async () => {
    const yaml = `pack: custom\ntitle: Custom\ndescription: Ours.\nrules:${VALID_RULE.replace('severity: major', 'severity: critical')}`;
    await expect(loadPack(yaml)).rejects.toThrow(/pack\.yaml:8: rules\.0\.severity: Invalid option/);
  });

  it('refuses a category outside the closed list, which no dimension would count', async () => {
    const yaml = `pack: custom\ntitle: Custom\ndescription: Ours.\nrules:${VALID_RULE.replace('category: middleware', 'category: resource')}`;
    await expect(loadPack(yaml)).rejects.toThrow(
      /pack\.yaml:7: rules\.0\.category: Invalid option: expected one of "architecture"\|"availability"/,
    );
  });

  it('refuses a regex that does not compile and a language it does not know', async () => {
    const header = 'pack: custom\ntitle: Custom\ndescription: Ours.\nrules:';
    await expect(loadPack(header + VALID_RULE.replace("'org\\.omg\\.CORBA'", "'(unclosed'"))).rejects.toThrow(
      /custom\/no-corba: regex "\(unclosed": Invalid regular expression: \/\(unclosed\/: Unterminated group/,
    );
    await expect(loadPack(header + VALID_RULE.replace('[java]', '[fortran77]'))).rejects.toThrow(
      /unknown language "fortran77"/,
    );
  });

  it('refuses look-around and back-references, which the linear-time engine has not, naming rule and pattern', async () => {
    const header = 'pack: custom\ntitle: Custom\ndescription: Ours.\nrules:';
    await expect(
      loadPack(header + VALID_RULE.replace("'org\\.omg\\.CORBA'", () => "'org\\.omg\\.(?!CORBA\\.portable)'")),
    ).rejects.toThrow(/custom\/no-corba: regex "org.*": look-around \(\?!…\) is not supported/);
    await expect(loadPack(header + VALID_RULE.replace("'org\\.omg\\.CORBA'", () => "'(a)\\1'"))).rejects.toThrow(
      /custom\/no-corba: regex .*: back-reference \\1 is not supported/,
    );
  });

  it('loads the built-in packs as the build compiled them, and they are what their YAML says', async () => {
    const compiled = JSON.parse(fs.readFileSync(COMPILED_RULES, 'utf8')) as CompiledRules;
    const yamlFiles = fs
      .readdirSync(BUILT_IN_RULES)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    // Stale when a pack changed since the last build: run npm run build.
    expect(Object.fromEntries(Object.entries(compiled.packs).map(([name, { sha256 }]) => [name, sha256]))).toEqual(
      Object.fromEntries(
        yamlFiles.map((name) => [
          name,
          createHash('sha256')
            .update(fs.readFileSync(path.join(BUILT_IN_RULES, name)))
            .digest('hex'),
        ]),
      ),
    );
    // The extractors' catalogue too: compiled from its YAML, and equal to it.
    const catalogueYaml = fs.readFileSync(BUILT_IN_CATALOGUE, 'utf8');
    expect(compiled.catalogue?.sha256).toBe(createHash('sha256').update(catalogueYaml).digest('hex'));
    expect(compiled.catalogue?.value).toEqual(Catalogue.parse(parse(catalogueYaml)));
    // The same files elsewhere are read from their YAML: the result must not differ.
    const copy = await makeTree(
      Object.fromEntries(yamlFiles.map((name) => [name, fs.readFileSync(path.join(BUILT_IN_RULES, name), 'utf8')])),
    );
    const fromYaml = (await loadRulePacks([copy])).map(({ pack }) => pack);
    expect((await loadRulePacks([BUILT_IN_RULES])).map(({ pack }) => pack)).toEqual(fromYaml);
  });

  it('refuses a rule id defined twice', async () => {
    const dir = await makeTree({
      'a.yaml': `pack: a\ntitle: A\ndescription: A.\nrules:${VALID_RULE}`,
      'b.yaml': `pack: b\ntitle: B\ndescription: B.\nrules:${VALID_RULE}`,
    });
    await expect(loadRulePacks([dir])).rejects.toThrow(/custom\/no-corba is already defined/);
  });
});
