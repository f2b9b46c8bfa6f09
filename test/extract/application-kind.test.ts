import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

async function kindsOf(files: Record<string, string>) {
  const root = await makeTree(files);
  const result = await scan({ paths: [root], cwd: root });
  return {
    candidates: result.applications.map((app) => [app.path, app.kind]),
    setAside: result.setAside.map((unit) => [unit.path, unit.kind]),
    reasons: [...result.applications.map((app) => app.kindReason), ...result.setAside.map((unit) => unit.reason)],
    result,
  };
}

describe('what an application is', () => {
  it('an ORM published as a package is a library: listed apart, never scored', async () => {
    const { candidates, setAside, reasons, result } = await kindsOf({
      'orm/package.json':
        '{ "name": "tiny-orm", "version": "3.1.0", "main": "lib/index.js", "dependencies": { "pg": "^8.12.0" } }',
      'orm/lib/index.js':
        "const { Pool } = require('pg');\nmodule.exports = { connect: (url) => new Pool({ connectionString: url }) };\n",
      'orm/lib/query.js': 'module.exports = function select(table) { return `SELECT * FROM ${table}`; };\n',
      'orm/test/query.test.js': "test('select', () => {});\n",
    });
    expect(candidates).toEqual([]);
    expect(setAside).toEqual([['orm', 'library']]);
    expect(reasons[0]).toContain('orm/package.json');
    expect(result.findings).toEqual([]);
    expect(result.summary.applications).toBe(0);
  });

  it('a Maven jar with no entry point is a library; one with Spring Boot is not', async () => {
    const library = await kindsOf({
      'money/pom.xml': '<project><artifactId>money</artifactId><packaging>jar</packaging></project>',
      'money/src/main/java/acme/Money.java': 'package acme;\npublic final class Money { long cents; }\n',
    });
    expect(library.setAside).toEqual([['money', 'library']]);
    const boot = await kindsOf({
      'shop/pom.xml':
        '<project><artifactId>shop</artifactId><build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>',
      'shop/src/main/java/acme/Money.java': 'package acme;\npublic final class Money { long cents; }\n',
    });
    expect(boot.candidates).toEqual([['shop', 'service']]);
    // Built against the Jakarta EE platform: deployed to an application server, not published.
    const jakarta = await kindsOf({
      'orders/pom.xml':
        '<project><artifactId>orders</artifactId><dependencies><dependency><groupId>jakarta.platform</groupId><artifactId>jakarta.jakartaee-api</artifactId><scope>provided</scope></dependency></dependencies></project>',
      'orders/src/main/java/acme/Order.java': 'package acme;\npublic class Order { long id; }\n',
    });
    expect(jakarta.candidates).toEqual([['orders', 'service']]);
  });

  it('a WinForms client is a desktop application, set aside from the server workloads', async () => {
    const { candidates, setAside } = await kindsOf({
      'Teller/Teller.csproj':
        '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>WinExe</OutputType><TargetFramework>net48</TargetFramework><UseWindowsForms>true</UseWindowsForms></PropertyGroup></Project>',
      'Teller/Program.cs':
        'static class Program { [System.STAThread] static void Main() { System.Windows.Forms.Application.Run(new MainForm()); } }\n',
    });
    expect(candidates).toEqual([]);
    expect(setAside).toEqual([['Teller', 'desktop']]);
  });

  it('pages rendered on the server make a web application; routes alone a service; a main alone a batch program', async () => {
    const { candidates } = await kindsOf({
      'portal/pom.xml': '<project><artifactId>portal</artifactId><packaging>war</packaging></project>',
      'portal/src/main/webapp/index.jsp': '<html><body><%= "hello" %></body></html>\n',
      'api/package.json': '{ "name": "api", "dependencies": { "express": "^4.21.0" } }',
      'api/server.js':
        "const app = require('express')();\napp.get('/orders', (req, res) => res.json([]));\napp.listen(8080);\n",
      'nightly/pyproject.toml': '[project]\nname = "nightly"\n',
      'nightly/main.py': "if __name__ == '__main__':\n    print('settle')\n",
      'cards/cobol/CARD01.cbl': '       IDENTIFICATION DIVISION.\n       PROGRAM-ID. CARD01.\n',
    });
    expect(candidates).toEqual([
      ['api', 'service'],
      ['cards', 'mainframe'],
      ['nightly', 'batch'],
      ['portal', 'web'],
    ]);
  });

  it('cloudready.yaml decides when the facts mislead, and nothing is set aside on a partial view', async () => {
    const declared = await kindsOf({
      'cloudready.yaml': 'applications:\n  - path: money\n    kind: service\n',
      'money/pom.xml': '<project><artifactId>money</artifactId></project>',
      'money/src/main/java/acme/Money.java': 'package acme;\npublic final class Money { long cents; }\n',
    });
    expect(declared.candidates).toEqual([['money', 'service']]);
    expect(declared.reasons).toEqual(['declared in cloudready.yaml']);
    const broken = await kindsOf({
      'money/pom.xml': '<project><artifactId>money</artifactId><dependencies>',
      'money/src/main/java/acme/Money.java': 'package acme;\npublic final class Money { long cents; }\n',
    });
    expect(broken.candidates).toEqual([['money', 'service']]);
  });
});
