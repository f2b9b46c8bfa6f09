import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';

const ESC = '\u001b';

describe('names from scanned files and the command line never reach the terminal as escapes', () => {
  it('graph --focus on a host named with an escape sequence, and a "did you mean" that quotes one', async () => {
    const root = await makeTree({
      'shop/pom.xml': '<project><artifactId>shop</artifactId><packaging>war</packaging></project>',
      'shop/src/main/java/shop/Cart.java': 'package shop;\npublic class Cart {}\n',
      'inventory/hosts.yaml': `version: 1\nhosts:\n  - id: "web01${'\\u001b'}]0;owned${'\\u0007'}"\n    hostname: web01.acme.corp\n    os: { name: RHEL }\n    groups: [shop]\n`,
    });
    const focus = runCli(['graph', root, '--focus', `host:web01${ESC}]0;owned\u0007`], { cwd: root });
    expect(focus.code).toBe(0);
    expect(focus.stdout).toContain('web01\\x1b]0;owned\\x07');
    expect(focus.stdout + focus.stderr).not.toContain(ESC);
    const missing = runCli(['graph', root, '--focus', `web0${ESC}[2J`], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no node web0\\x1b[2J in the graph');
    expect(missing.stderr).not.toContain(ESC);
  });
});
