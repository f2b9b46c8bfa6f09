import { describe, expect, it } from 'vitest';
import { builtInRuntimeLifecycle, releaseFor, runtimeSupport } from '../../src/assess/runtimes/runtime-lifecycle.js';
import { extractMaven } from '../../src/extract/manifests/maven.js';
import { extractPackageJson } from '../../src/extract/manifests/npm.js';
import { extractNuget } from '../../src/extract/manifests/nuget.js';
import { extractPipfile, extractPyproject } from '../../src/extract/manifests/python-manifests.js';
import {
  dotnetRuntime,
  javaRelease,
  pythonRange,
  type RuntimeDeclaration,
} from '../../src/extract/manifests/runtime-declarations.js';

describe('runtime declarations in build files', () => {
  it('reads Java releases as Maven writes them, from the first compiler property, with its line', () => {
    expect(javaRelease('1.8')).toBe('8');
    expect(javaRelease('11')).toBe('11');
    expect(javaRelease('${java.version}')).toBeUndefined();
    const pom =
      '<project>\n  <artifactId>svc</artifactId>\n  <properties>\n    <java.version>1.8</java.version>\n    <maven.compiler.source>${java.version}</maven.compiler.source>\n  </properties>\n</project>\n';
    expect(extractMaven(pom, 'svc/pom.xml').runtimes).toEqual([
      {
        runtime: 'java',
        version: '8',
        file: 'svc/pom.xml',
        line: 5,
        text: '<maven.compiler.source>1.8</maven.compiler.source>',
      },
    ]);
    // The compiler plugin's configuration wins over the properties it would default to.
    const plugin =
      '<project>\n  <properties><java.version>17</java.version></properties>\n  <build><plugins><plugin>\n    <artifactId>maven-compiler-plugin</artifactId>\n    <configuration>\n      <release>11</release>\n    </configuration>\n  </plugin></plugins></build>\n</project>\n';
    expect(extractMaven(plugin, 'pom.xml').runtimes).toEqual([
      { runtime: 'java', version: '11', file: 'pom.xml', line: 6, text: '<release>11</release>' },
    ]);
  });

  it('tells .NET Framework from .NET by the moniker, and reads each framework a project targets', () => {
    expect(dotnetRuntime('v4.7.2')).toEqual({ runtime: 'dotnet-framework', version: '4.7.2' });
    expect(dotnetRuntime('net48')).toEqual({ runtime: 'dotnet-framework', version: '4.8' });
    expect(dotnetRuntime('net462')).toEqual({ runtime: 'dotnet-framework', version: '4.6.2' });
    expect(dotnetRuntime('netcoreapp3.1')).toEqual({ runtime: 'dotnet', version: '3.1' });
    expect(dotnetRuntime('net8.0-windows')).toEqual({ runtime: 'dotnet', version: '8.0' });
    expect(dotnetRuntime('netstandard2.0')).toBeUndefined();
    const project =
      '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFrameworks>net8.0;net48</TargetFrameworks>\n  </PropertyGroup>\n</Project>\n';
    expect(
      extractNuget(project, 'Lib/Lib.csproj').runtimes?.map(({ runtime, version, line }) => [runtime, version, line]),
    ).toEqual([
      ['dotnet', '8.0', 3],
      ['dotnet-framework', '4.8', 3],
    ]);
  });

  it('reads engines.node, composer require.php, requires-python, Poetry python and Pipfile python_version', () => {
    expect(
      extractPackageJson('{\n  "name": "svc",\n  "engines": {\n    "node": ">=18"\n  }\n}\n', 'package.json').runtimes,
    ).toEqual([{ runtime: 'node', version: '>=18', file: 'package.json', line: 4, text: '"node": ">=18"' }]);
    expect(
      extractPackageJson('{ "require": { "php": "^7.2|^8.0", "slim/slim": "^4" } }', 'composer.json', 'composer')
        .runtimes?.[0]?.version,
    ).toBe('^7.2 || ^8.0');
    expect(
      extractPyproject('[project]\nname = "svc"\nrequires-python = ">=3.8, !=3.9.*"\n', 'pyproject.toml').runtimes,
    ).toEqual([
      {
        runtime: 'python',
        version: '>=3.8',
        file: 'pyproject.toml',
        line: 3,
        text: 'requires-python = ">=3.8, !=3.9.*"',
      },
    ]);
    expect(
      extractPyproject('[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\npython = "^3.7"\n', 'pyproject.toml')
        .runtimes?.[0],
    ).toMatchObject({ version: '^3.7', line: 4 });
    expect(
      extractPipfile('[packages]\nflask = "*"\n[requires]\npython_version = "2.7"\n', 'Pipfile').runtimes?.[0],
    ).toMatchObject({ version: '2.7', line: 4 });
    expect(pythonRange('~=3.6')).toBe('>=3.6 <4');
    expect(pythonRange('==2.7.*')).toBe('2.7.x');
  });
});

describe('runtime support dates (rules/catalogue/runtimes.yaml)', () => {
  const table = builtInRuntimeLifecycle();
  const declared = (runtime: RuntimeDeclaration['runtime'], version: string): RuntimeDeclaration => ({
    runtime,
    version,
    file: 'f',
    text: version,
  });

  it('takes the release with the longest matching version, or the newest a range allows', () => {
    expect(releaseFor(declared('dotnet-framework', '4.6.1'), table)?.version).toBe('4.6.1');
    expect(releaseFor(declared('dotnet-framework', '4.7.2'), table)?.version).toBe('4.7');
    expect(releaseFor(declared('python', '3.1'), table)).toBeUndefined();
    expect(releaseFor(declared('php', '^7.2'), table)?.version).toBe('7.4');
    expect(releaseFor(declared('php', '^7.2 || ^8.0'), table)?.version).toBe('8.5');
    expect(releaseFor(declared('node', '>=10'), table)?.version).toBe('24');
  });

  it('judges a release as of the table day, not the clock: past support, paid extended support, ending within a year, supported', () => {
    expect(table.asOf).toBe('2026-12-03');
    expect(runtimeSupport(declared('python', '2.7'), table)).toMatchObject({
      status: 'past-support',
      detail: 'Python 2.7: no security updates since 2020-01-01',
    });
    expect(runtimeSupport(declared('java', '7'), table)).toMatchObject({
      status: 'past-support',
      detail: 'Java 7: no security updates since 2022-07-31',
    });
    expect(runtimeSupport(declared('java', '8'), table)).toMatchObject({
      status: 'extended-support',
      detail: 'Java 8: standard support ended 2022-03-31; paid extended support until 2030-12-31',
    });
    expect(runtimeSupport(declared('php', '8.2'), table)).toMatchObject({
      status: 'support-ending',
      detail: 'PHP 8.2: support ends 2026-12-31',
    });
    expect(runtimeSupport(declared('java', '21'), table).status).toBe('supported');
    expect(runtimeSupport(declared('dotnet-framework', '4.8'), table).status).toBe('supported');
    expect(runtimeSupport(declared('node', '9.x'), table).status).toBe('unknown');
  });
});
