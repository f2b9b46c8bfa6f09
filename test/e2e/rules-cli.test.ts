import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { vaultPack } from '../helpers/vault-pack.js';

const PACK = `pack: acme
title: Acme house rules
description: What our architecture board checks.
rules:
  - id: acme/corba
    title: CORBA remoting
    category: middleware
    severity: major
    effort: 5
    strategy: refactor
    description: CORBA ORBs need fixed ports and IIOP through every firewall.
    remediation: Replace the CORBA interfaces with HTTP APIs.
    labels: [corba]
    when:
      import: { name: [org.omg.CORBA], languages: [java] }
    tests:
      match:
        - file: src/main/java/acme/Quote.java
          content: |
            package acme;
            import org.omg.CORBA.ORB;
            public class Quote { ORB orb; }
      no-match:
        - file: src/main/java/acme/Quote.java
          content: |
            package acme;
            // import org.omg.CORBA.ORB;
            public class Quote { }
        - description: a wrong expectation, to see a failure reported
          file: src/main/java/acme/Legacy.java
          content: |
            package acme;
            import org.omg.CORBA.Any;
            public class Legacy { Any value; }
`;

describe('cloudready rules', () => {
  it('list prints every built-in rule; --format json is an array with the pack and the full rule', () => {
    const table = runCli(['rules', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('mainframe/exec-cics');
    expect(table.stdout).toMatch(/\d+ rules in \d+ packs/);
    // Where a rule counts and what it reads: resolved facts or plain text.
    expect(table.stdout).toMatch(
      /configuration\/host-name-in-code\s+│ minor\s+│ replatform │ production\s+│ API calls, text/,
    );
    expect(table.stdout).toMatch(/mainframe\/vsam-dataset\s+│ blocker\s+│ \w+\s+│ production,\s+build/);
    const json = runCli(['rules', 'list', '--format', 'json']);
    const rules = JSON.parse(json.stdout) as {
      id: string;
      pack: string;
      severity: string;
      when: unknown;
      tests?: unknown;
      reads: string[];
      contexts: string[];
    }[];
    expect(rules.find((rule) => rule.id === 'mainframe/exec-cics')).toMatchObject({
      pack: 'mainframe',
      severity: 'blocker',
      when: expect.any(Object),
      tests: expect.any(Object),
      contexts: ['production'],
    });
    expect(rules.find((rule) => rule.id === 'licensing/websphere')?.reads).toEqual([
      'imports (own packages and unused imports left out)',
      'file names',
    ]);
  });

  it('show explains one rule; an unknown id is a usage error with a suggestion', () => {
    const shown = runCli(['rules', 'show', 'networking/hardcoded-ip']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Why it matters');
    expect(shown.stdout).toContain('What to do');
    expect(shown.stdout).toContain('When it fires');
    const unknown = runCli(['rules', 'show', 'networking/hardcoded-ips']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cloudready: no rule networking/hardcoded-ips');
    expect(unknown.stderr).toContain('Did you mean networking/hardcoded-ip');
  });

  it("test runs a pack's cases, names each failure with what fired, and exits 1", async () => {
    const dir = await makeTree({ 'acme.yaml': PACK });
    const run = runCli(['rules', 'test', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'FAIL acme/corba no-match #2 (a wrong expectation, to see a failure reported): fired: app/src/main/java/acme/Legacy.java:2',
    );
    expect(run.stdout).toContain('3 cases of 1 rule: 2 passed, 1 failed');
  });

  it("test runs a case with its pack's catalogue, so a rule on an in-house API can be tested", async () => {
    const pack = vaultPack({ tests: true });
    const dir = await makeTree({ 'vault.yaml': pack });
    const run = runCli(['rules', 'test', dir]);
    expect(run.stdout).toContain('2 cases of 1 rule: 2 passed, 0 failed');
    expect(run.code).toBe(0);
    expect(runCli(['rules', 'validate', dir]).stdout).toContain(
      '1 packs, 1 rules valid (0 blocker, 1 major, 0 minor, 0 info); the catalogue extended by 1 API and 0 entry-point names',
    );
  });

  it('validate accepts a good pack and stops on a bad one with file, line and field', async () => {
    const good = await makeTree({ 'acme.yaml': PACK });
    const ok = runCli(['rules', 'validate', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 packs, 1 rules valid');
    const bad = await makeTree({ 'acme.yaml': PACK.replace('severity: major', 'severity: huge') });
    const failed = runCli(['rules', 'validate', bad]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/acme\.yaml:8: rules\.0\.severity: Invalid option/);
  });

  it('scan --rules applies a pack beside the built-in ones', async () => {
    const rules = await makeTree({ 'acme.yaml': PACK });
    const dir = await makeTree({
      'quotes/pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>acme</groupId><artifactId>quotes</artifactId><version>1</version><packaging>war</packaging></project>',
      'quotes/src/main/java/acme/Quote.java':
        'package acme;\nimport org.omg.CORBA.ORB;\npublic class Quote { ORB orb; }\n',
    });
    const run = runCli(['scan', dir, '--format', 'json', '--rules', rules]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { findings: { id: string }[]; rulePacks: { id: string }[] };
    expect(result.findings.map((f) => f.id)).toContain('acme/corba@quotes');
    expect(result.rulePacks.map((p) => p.id)).toContain('acme');
  });
});
