import { describe, expect, it } from 'vitest';
import { findApplications, type DeclaredApplication } from '../../src/discover/find-applications.js';
import { resolveRoots } from '../../src/discover/scan-root.js';
import { walkFiles } from '../../src/discover/walk-files.js';
import { makeTree } from '../helpers/temp-tree.js';

async function layoutOf(files: Record<string, string>, declared: DeclaredApplication[] = []) {
  const dir = await makeTree(files);
  const roots = await resolveRoots([dir], process.cwd());
  const found = await walkFiles(roots[0]!, { exclude: [] }, []);
  return findApplications(roots, found, declared);
}

async function applicationsOf(files: Record<string, string>, declared: DeclaredApplication[] = []) {
  const { applications } = await layoutOf(files, declared);
  return applications.map((app) => ({
    id: app.id,
    name: app.name,
    path: app.path,
    by: app.detectedBy,
    modules: app.modules,
    files: app.files.map((f) => f.rel),
  }));
}

const EXPRESS = '{ "name": "shop", "version": "1.0.0", "dependencies": { "express": "^4.19.2" } }';

describe('findApplications: what declares an application', () => {
  it('treats a Maven multi-module build as one application with modules, named by its reactor', async () => {
    const apps = await applicationsOf({
      'orders/pom.xml':
        '<project><artifactId>orders-parent</artifactId><packaging>pom</packaging><modules><module>orders-ejb</module></modules></project>',
      'orders/orders-ejb/pom.xml':
        '<project><parent><artifactId>orders-parent</artifactId></parent><artifactId>orders-ejb</artifactId></project>',
      'orders/orders-ejb/src/A.java': '',
      'orders/orders-web/pom.xml': '<project/>',
    });
    expect(apps).toEqual([
      {
        id: 'orders',
        name: 'orders',
        path: 'orders',
        by: 'manifest',
        modules: ['orders/orders-ejb', 'orders/orders-web'],
        files: [
          'orders/orders-ejb/pom.xml',
          'orders/orders-ejb/src/A.java',
          'orders/orders-web/pom.xml',
          'orders/pom.xml',
        ],
      },
    ]);
  });

  it('reads a .slnx solution: one application, its class libraries modules, its test projects parts', async () => {
    const slnx =
      '<Solution>\n  <Folder Name="/src/">\n    <Project Path="src/Ordering.Api/Ordering.Api.csproj" />\n    <Project Path="src/Ordering.Domain/Ordering.Domain.csproj" />\n  </Folder>\n  <Folder Name="/tests/">\n    <Project Path="tests/Ordering.UnitTests/Ordering.UnitTests.csproj" />\n  </Folder>\n</Solution>\n';
    const { applications } = await layoutOf({
      'eshop/eShop.slnx': slnx,
      'eshop/src/Ordering.Api/Ordering.Api.csproj':
        '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>',
      'eshop/src/Ordering.Api/Program.cs':
        'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/orders", () => "[]");\napp.Run();\n',
      'eshop/src/Ordering.Domain/Ordering.Domain.csproj':
        '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>',
      'eshop/tests/Ordering.UnitTests/Ordering.UnitTests.csproj':
        '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.2" /></ItemGroup></Project>',
    });
    expect(applications.map((app) => [app.id, app.name, app.detection])).toEqual([
      ['eshop', 'eShop', ['eShop.slnx in eshop', 'eShop.slnx lists 3 projects']],
    ]);
    expect(applications[0]!.modules).toEqual([
      'eshop/src/Ordering.Api',
      'eshop/src/Ordering.Domain',
      'eshop/tests/Ordering.UnitTests',
    ]);
    expect(applications[0]!.parts).toEqual([
      { path: 'eshop/tests', kind: 'test', reason: 'tests, mocks and fixtures', counted: false },
    ]);
  });

  it('takes a classic .sln and a solution filter, whose projects may lie beside them', async () => {
    const sln =
      'Microsoft Visual Studio Solution File, Format Version 12.00\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Billing", "..\\src\\Billing\\Billing.csproj", "{1}"\nEndProject\n';
    const apps = await applicationsOf({
      'solution/Billing.sln': sln,
      'src/Billing/Billing.csproj': '<Project><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>',
      'src/Billing/Main.cs': 'class P { static void Main() {} }',
    });
    expect(apps.map((app) => [app.id, app.modules, app.files])).toEqual([
      ['solution', ['src/Billing'], ['solution/Billing.sln', 'src/Billing/Billing.csproj', 'src/Billing/Main.cs']],
    ]);
    const filtered = await applicationsOf({
      'All.sln': 'Project("{X}") = "Api", "Api\\Api.csproj", "{1}"\nEndProject\n',
      'Api.slnf': '{ "solution": { "path": "All.sln", "projects": ["Api\\\\Api.csproj"] } }',
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"/>',
    });
    expect(filtered.map((app) => [app.path, app.modules])).toEqual([['.', ['Api']]]);
  });

  it('folds npm packages into their parent when it declares workspaces; a tooling package.json declares nothing', async () => {
    const mono = await applicationsOf({
      'web/package.json': '{"private": true, "workspaces":["packages/*"]}',
      'web/packages/ui/package.json': '{"name":"@acme/ui","main":"index.js"}',
    });
    expect(mono.map((app) => [app.id, app.modules])).toEqual([['web', ['web/packages/ui']]]);
    // A PHP forum whose root package.json carries only lint dev dependencies: the application is phpBB/.
    const forum = await layoutOf({
      'package.json':
        '{ "name": "forum", "main": " ", "scripts": { "test": "exit 1" }, "devDependencies": { "eslint": "^9.0.0" } }',
      'eslint.config.mjs': 'export default [];\n',
      'forum/composer.json': '{ "name": "acme/forum", "type": "project" }',
      'forum/index.php': '<?php echo "hi";',
      'tests/functional/fixtures/ext/foo/bar/composer.json': '{ "name": "foo/bar", "type": "phpbb-extension" }',
      'tests/functional/fixtures/ext/foo/bar/ext.php': '<?php class ext {}',
      '.github/workflows/tests.yml':
        'on: [push]\njobs: { t: { runs-on: ubuntu-latest, steps: [ { run: phpunit } ] } }\n',
    });
    expect(forum.applications.map((app) => [app.path, app.name])).toEqual([['forum', 'forum']]);
    expect(forum.outside.map((folder) => [folder.path, folder.kind])).toEqual([
      ['.', 'tooling'],
      ['.github', 'tooling'],
      ['tests/functional/fixtures/ext/foo/bar', 'test'],
    ]);
    // The repository's CI and tests outside the application count for it.
    expect(forum.applications[0]!.shared.map((file) => file.rel)).toEqual([
      '.github/workflows/tests.yml',
      'tests/functional/fixtures/ext/foo/bar/composer.json',
      'tests/functional/fixtures/ext/foo/bar/ext.php',
    ]);
  });

  it('groups COBOL, JCL and copybooks into one mainframe application rooted where its programs meet', async () => {
    const apps = await applicationsOf({
      'cards/cobol/A.cbl': '',
      'cards/jcl/J.jcl': '',
      'cards/copy/R.cpy': '',
      'cards/README.md': '',
    });
    // The folder's other files (documents, scheduler exports, CSD) belong to the system too.
    expect(apps).toEqual([
      {
        id: 'cards',
        name: 'cards',
        path: 'cards',
        by: 'mainframe',
        modules: [],
        files: ['cards/README.md', 'cards/cobol/A.cbl', 'cards/copy/R.cpy', 'cards/jcl/J.jcl'],
      },
    ]);
    // Build samples: the mainframe system is the folder of its programs, not the repository's top folder of Groovy scripts.
    const build = await layoutOf({
      'zBuilder/Mortgage/cobol/epscmort.cbl': '',
      'zBuilder/Mortgage/bms/epsmort.bms': '',
      'zBuilder/Mortgage/copybook/epsmtcom.cpy': '',
      'zBuilder/Languages/Cobol.groovy': 'println "compile"',
      'IDE/GitClient/bgzgit.jcl': '//BGZGIT JOB\n//STEP1 EXEC PGM=IKJEFT01\n',
      'IDE/GitClient/bgzgit.rexx': '/* REXX */ say "git"',
    });
    expect(build.applications.map((app) => [app.path, app.detectedBy])).toEqual([['zBuilder/Mortgage', 'mainframe']]);
    expect(build.outside.map((folder) => [folder.path, folder.kind, folder.reason])).toEqual([
      ['IDE/GitClient', 'tooling', 'JCL or REXX without programs of its own: jobs and tools, not a mainframe system'],
      ['zBuilder/Languages', 'tooling', 'scripts only (shell, PowerShell, Groovy, SQL ...)'],
    ]);
  });

  it('takes a folder with an image definition and no build manifest for a deployable unit', async () => {
    const apps = await applicationsOf({
      'proxy/Dockerfile': 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      'proxy/nginx.conf': 'events {}\n',
    });
    expect(apps.map((app) => [app.path, app.by])).toEqual([['proxy', 'manifest']]);
  });

  it('lets the configuration declare applications, which claim nested manifests', async () => {
    const apps = await applicationsOf(
      { 'platform/svc-a/pom.xml': '<project/>', 'platform/svc-b/package.json': EXPRESS, 'other/pom.xml': '<project/>' },
      [{ path: 'platform', name: 'Trading Platform' }],
    );
    expect(apps.map((app) => [app.id, app.name, app.by, app.modules])).toEqual([
      ['other', 'other', 'manifest', []],
      ['platform', 'Trading Platform', 'config', ['platform/svc-a', 'platform/svc-b']],
    ]);
  });

  it('finds nothing in a folder of documents, and says what the files are', async () => {
    const layout = await layoutOf({ 'notes.md': '# notes', 'diagram.png': '' });
    expect(layout.applications).toEqual([]);
    expect(layout.outside).toEqual([{ path: '.', kind: 'docs', reason: 'documents and media', files: 2 }]);
  });
});

describe('findApplications: parts are not applications', () => {
  it('a Node forum with no root package.json is one application at its root: app.js, the Dockerfile, src/, test/ and install/', async () => {
    const layout = await layoutOf({
      'app.js': "require('./src/start');\n",
      'loader.js': "require('./app');\n",
      Dockerfile:
        'FROM node:22\nCOPY install/package.json /usr/src/app/package.json\nRUN npm install\nCOPY . /usr/src/app\nCMD ["node", "loader.js"]\n',
      'install/package.json':
        '{ "name": "forum", "dependencies": { "express": "^4.21.0" }, "scripts": { "start": "node loader.js" } }',
      'src/start.js': "const express = require('express');\nexpress().listen(4567);\n",
      'public/src/client.js': "document.title = 'forum';\n",
      'test/posts.js': "describe('posts', () => {});\n",
      'test/mocks/plugins/something/package.json': '{ "name": "nodebb-plugin-something", "main": "index.js" }',
    });
    expect(layout.applications.map((app) => [app.path, app.detection[0]])).toEqual([
      ['.', 'an image definition (Dockerfile) in .'],
    ]);
    const [forum] = layout.applications;
    expect(forum!.files.map((file) => file.rel)).toEqual(
      expect.arrayContaining([
        'app.js',
        'loader.js',
        'Dockerfile',
        'install/package.json',
        'public/src/client.js',
        'test/posts.js',
      ]),
    );
    expect(forum!.parts.map((part) => [part.path, part.kind, part.counted])).toEqual([
      ['install', 'web', true],
      ['test', 'test', false],
    ]);
    expect(layout.outside).toEqual([]);
  });

  it('a PHP help desk: the root entry pages make the root the application, its folders are not applications', async () => {
    const layout = await layoutOf({
      'index.php': '<?php require "include/main.inc.php";',
      'login.php': '<?php session_start();',
      'ticket.php': '<?php require "include/main.inc.php";',
      'include/main.inc.php': '<?php function db() {}',
      'admin/index.php': '<?php require "../include/main.inc.php";',
      'api/tickets.php': '<?php echo "[]";',
      'scripts/backup.sh': 'tar czf backup.tgz attachments\n',
    });
    expect(layout.applications.map((app) => [app.path, app.detectedBy])).toEqual([['.', 'source']]);
    expect(layout.applications[0]!.files).toHaveLength(7);
  });

  it('helper scripts at a repository root and a folder of ARM templates are tooling and infrastructure, not applications', async () => {
    const layout = await layoutOf({
      'Deploy-Site.ps1': 'New-AzResourceGroupDeployment -TemplateFile arm/azuredeploy.json\n',
      'Set-Config.ps1': 'Set-Content config.json "{}"\n',
      'arm/azuredeploy.json':
        '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [] }',
      'arm/azuredeploy.parameters.json': '{ "parameters": {} }',
      'arm/deploy.ps1': 'az deployment group create\n',
    });
    expect(layout.applications).toEqual([]);
    expect(layout.outside.map((folder) => [folder.path, folder.kind])).toEqual([
      ['.', 'tooling'],
      ['arm', 'infrastructure'],
    ]);
  });

  it('a front end built into the application is its part; a nested build that runs a process of its own is an application', async () => {
    const layout = await layoutOf({
      'go.mod': 'module example.com/forge\n',
      'cmd/forge/main.go': 'package main\nfunc main() {}\n',
      'web/package.json': '{ "name": "web", "private": true, "dependencies": { "react": "^19.0.0" } }',
      'web/src/main.tsx': "import React from 'react';\n",
      'rules-engine/go.mod': 'module example.com/rules\n',
      'rules-engine/main.go': 'package main\nimport "net/http"\nfunc main() { http.ListenAndServe(":8081", nil) }\n',
      'docs/index.md': '# Forge',
    });
    expect(layout.applications.map((app) => [app.path, app.name])).toEqual([
      ['.', 'forge'],
      ['rules-engine', 'rules'],
    ]);
    expect(layout.applications[0]!.parts.map((part) => [part.path, part.kind])).toEqual([
      ['docs', 'docs'],
      ['web', 'web'],
    ]);
    expect(layout.notes.map((note) => [note.file, note.code])).toEqual([['rules-engine', 'application-boundary']]);
  });

  it('test, sample and course folders never become applications, even with a manifest', async () => {
    const layout = await layoutOf({
      'course/Labs/hello/HELLO.cbl': '       IDENTIFICATION DIVISION.\n',
      'course/Challenges/sum/SUM.cbl': '       IDENTIFICATION DIVISION.\n',
      'samples/demo/package.json': EXPRESS,
      'samples/demo/server.js': "require('express')().listen(3000);\n",
    });
    expect(layout.applications).toEqual([]);
    expect(layout.outside.map((folder) => [folder.path, folder.kind])).toEqual([
      ['course', 'example'],
      ['samples/demo', 'example'],
    ]);
  });

  it('a Maven module only the build uses (a plugin, a plugin dependency) is tooling; one the code depends on is a module', async () => {
    const module = (artifactId: string, body = '') =>
      `<project><parent><groupId>org.acme.blog</groupId><artifactId>blog-project</artifactId></parent><artifactId>${artifactId}</artifactId>${body}</project>`;
    const plugin = (artifactId: string, dependency: string) =>
      `<plugin><groupId>org.eclipse.jetty</groupId><artifactId>${artifactId}</artifactId><dependencies><dependency><groupId>org.acme.blog</groupId><artifactId>${dependency}</artifactId></dependency></dependencies></plugin>`;
    const layout = await layoutOf({
      'pom.xml':
        '<project><groupId>org.acme.blog</groupId><artifactId>blog-project</artifactId><packaging>pom</packaging><modules><module>app</module><module>db-utils</module><module>model</module><module>codegen</module></modules></project>',
      'app/pom.xml': module(
        'blog',
        `<packaging>war</packaging><dependencies><dependency><groupId>org.acme.blog</groupId><artifactId>model</artifactId></dependency></dependencies><build><plugins>${plugin('jetty-maven-plugin', 'db-utils')}${plugin('other-plugin', 'model')}</plugins></build>`,
      ),
      'app/src/main/java/org/acme/blog/Blog.java': 'class Blog {}',
      'db-utils/pom.xml': module(
        'db-utils',
        '<dependencies><dependency><groupId>org.apache.derby</groupId><artifactId>derbynet</artifactId></dependency></dependencies>',
      ),
      'db-utils/src/main/java/org/acme/DerbyLifeCycle.java': 'class DerbyLifeCycle {}',
      'model/pom.xml': module('model'),
      'model/src/main/java/org/acme/blog/Entry.java': 'class Entry {}',
      'codegen/pom.xml': module('codegen-maven-plugin', '<packaging>maven-plugin</packaging>'),
      'codegen/src/main/java/org/acme/Mojo.java': 'class Mojo {}',
    });
    const [app] = layout.applications;
    expect(layout.applications).toHaveLength(1);
    expect(app!.modules).toEqual(['app', 'codegen', 'db-utils', 'model']);
    expect(app!.parts.filter((found) => found.kind === 'tooling').map((found) => [found.path, found.counted])).toEqual([
      ['codegen', false],
      ['db-utils', false],
    ]);
    const origins = Object.fromEntries(app!.files.map((file) => [file.rel, file.declaredOrigin ?? 'production']));
    expect(origins['db-utils/pom.xml']).toBe('build');
    expect(origins['db-utils/src/main/java/org/acme/DerbyLifeCycle.java']).toBe('build');
    expect(origins['codegen/src/main/java/org/acme/Mojo.java']).toBe('build');
    expect(origins['model/src/main/java/org/acme/blog/Entry.java']).toBe('production');
  });
});

describe('findApplications: cloudready.yaml merges, splits and excludes', () => {
  const portfolio = {
    'services/orders/pom.xml': '<project><artifactId>orders</artifactId><packaging>war</packaging></project>',
    'services/billing/pom.xml': '<project><artifactId>billing</artifactId><packaging>war</packaging></project>',
    'services/billing-ui/package.json': '{ "name": "billing-ui", "dependencies": { "express": "^4.21.0" } }',
    'legacy/reports/Report.java': 'public class Report { public static void main(String[] a) {} }',
  };

  it('a glob declares one application per folder it matches', async () => {
    const apps = await applicationsOf({ 'platform/a/x.py': 'print(1)', 'platform/b/y.py': 'print(2)' }, [
      { path: 'platform/*' },
    ]);
    expect(apps.map((app) => [app.path, app.by])).toEqual([
      ['platform/a', 'config'],
      ['platform/b', 'config'],
    ]);
  });

  it('partOf merges, exclude sets aside with the reason', async () => {
    const layout = await layoutOf(portfolio, [
      { path: 'services/billing-ui', partOf: 'services/billing' },
      { path: 'legacy/**', exclude: true, reason: 'retired in 2025' },
    ]);
    expect(layout.applications.map((app) => [app.path, app.modules])).toEqual([
      ['services/billing', ['services/billing-ui']],
      ['services/orders', []],
    ]);
    expect(layout.applications[0]!.detection).toContain('services/billing-ui merged into it by cloudready.yaml');
    expect(layout.outside).toEqual([
      { path: 'legacy/reports', kind: 'other', reason: 'excluded in cloudready.yaml: retired in 2025', files: 1 },
    ]);
  });

  it('a merge into a folder with no application, or a declaration of nothing, is a warning, not a silent no-op', async () => {
    const layout = await layoutOf(portfolio, [{ path: 'services/billing-ui', partOf: 'services/payments' }]);
    expect(layout.notes.map((note) => [note.level, note.code])).toEqual([['warning', 'application-config']]);
    expect(layout.applications).toHaveLength(4);
    // A crafted cloudready.yaml cannot declare an application outside the scanned folder.
    const outside = await layoutOf(portfolio, [{ path: '../../etc' }, { path: 'services/nothing-here' }]);
    expect(outside.notes.map((note) => note.message)).toEqual([
      'cloudready.yaml: applications entry ../../etc matches no scanned folder with files; nothing was declared',
      'cloudready.yaml: applications entry services/nothing-here matches no scanned folder with files; nothing was declared',
    ]);
    expect(outside.applications.map((app) => app.path)).toEqual([
      'legacy/reports',
      'services/billing',
      'services/billing-ui',
      'services/orders',
    ]);
  });
});
