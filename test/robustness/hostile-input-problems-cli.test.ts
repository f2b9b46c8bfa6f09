import { describe, expect, it } from 'vitest';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';

describe('every command that reads a scan reports what it could not read', () => {
  it('graph, waves, explain, impact and split say so on stderr, exit 0, and exit 2 with --strict', async () => {
    const dir = await makeTree({
      'orders/pom.xml': '<project>\n  <artifactId>orders</artifactId>\n  <dependencies>\n</project>\n',
      'orders/src/main/java/orders/Order.java': 'package orders;\npublic class Order { OrderLine line; }\n',
      'orders/src/main/java/orders/OrderLine.java': 'package orders;\npublic class OrderLine { Order order; }\n',
    });
    const commands = [
      ['graph', dir],
      ['waves', dir],
      ['explain', 'orders', dir],
      ['impact', 'orders', dir],
      ['split', 'orders', dir],
    ];
    for (const command of commands) {
      const lenient = runCli([...command, '--no-cache']);
      expect(lenient.code, command[0]).toBe(0);
      expect(lenient.stderr, command[0]).toContain(
        'cloudready: 1 input could not be read; the report says what was skipped (--strict makes this exit 2)',
      );
      expect(lenient.stderr, command[0]).toContain('cloudready: orders/pom.xml:4: malformed XML');
      const strict = runCli([...command, '--no-cache', '--strict']);
      expect(strict.code, command[0]).toBe(2);
    }
  });
});
