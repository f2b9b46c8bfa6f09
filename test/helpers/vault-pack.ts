/** The catalogue section of the vault pack: Vault.store, an in-house library call, writes files. */
export const VAULT_CATALOGUE = [
  'catalogue:',
  '  apis:',
  '    java:',
  '      calls:',
  '        file-write: [Vault.store]',
].join('\n');

/**
 * A rule pack for an in-house library: its catalogue teaches the extractors that Vault.store writes
 * files (left out with `catalogue: false`), and its rule vault/local-store reports the calls; with
 * the rule's match and no-match cases when `tests` is set.
 */
export function vaultPack(options: { catalogue?: boolean; tests?: boolean } = {}): string {
  const lines = [
    'pack: vault',
    'title: Vault',
    'description: The in-house document vault writes to a local disk.',
    ...(options.catalogue === false ? [] : [VAULT_CATALOGUE]),
    'rules:',
    '  - id: vault/local-store',
    '    title: Documents stored on a local disk',
    '    category: state',
    '    severity: major',
    '    effort: 3',
    '    description: Vault.store writes to the local disk.',
    '    remediation: Store documents in object storage.',
    '    when:',
    '      api: { kind: [file-write], name: [Vault.*] }',
  ];
  if (options.tests) {
    lines.push(
      '    tests:',
      '      match:',
      '        - file: src/main/java/acme/Docs.java',
      '          content: "package acme;\\nclass Docs { void keep(String d) { Vault.store(d); } }\\n"',
      '      no-match:',
      '        - file: src/main/java/acme/Docs.java',
      '          content: "package acme;\\nclass Docs { void keep(String d) { Vault.read(d); } }\\n"',
    );
  }
  return `${lines.join('\n')}\n`;
}
