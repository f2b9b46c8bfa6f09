import { describe, expect, it } from 'vitest';
import { manifestExtractorFor } from '../../src/extract/manifests/index.js';
import { classify } from '../../src/discover/classify.js';

function extract(file: string, source: string) {
  const extractor = manifestExtractorFor(file);
  if (!extractor) throw new Error(`no extractor for ${file}`);
  return extractor(source, file);
}
const summary = (file: string, source: string) =>
  extract(file, source).dependencies.map((d) => [d.name, d.version, d.scope, d.line, d.licence, d.transitive ?? false]);

describe('lockfiles and more manifests', () => {
  it('lockfiles and catalogs are manifests but never application roots', () => {
    expect(
      [
        'package-lock.json',
        'yarn.lock',
        'pnpm-lock.yaml',
        'composer.lock',
        'poetry.lock',
        'gradle/libs.versions.toml',
        'Directory.Packages.props',
      ].map((f) => classify(f).kind),
    ).toEqual(Array(7).fill('manifest'));
  });

  it('package-lock v3: versions, dev flags, licences, direct versus transitive', () => {
    const lock = JSON.stringify(
      {
        lockfileVersion: 3,
        packages: {
          '': { name: 'shop', dependencies: { express: '^4.21.0' }, devDependencies: { vitest: '^4.0.0' } },
          'node_modules/express': { version: '4.21.1', license: 'MIT' },
          'node_modules/vitest': { version: '4.0.2', dev: true, license: 'MIT' },
          'node_modules/qs': { version: '6.13.0', license: 'BSD-3-Clause' },
        },
      },
      null,
      2,
    );
    expect(summary('package-lock.json', lock)).toEqual([
      ['express', '4.21.1', 'runtime', 13, 'MIT', false],
      ['vitest', '4.0.2', 'dev', 17, 'MIT', false],
      ['qs', '6.13.0', 'runtime', 22, 'BSD-3-Clause', true],
    ]);
    expect(extract('package-lock.json', '{ "packages": ').diagnostics[0]).toMatchObject({
      level: 'error',
      code: 'parse-error',
      file: 'package-lock.json',
    });
  });

  it('yarn.lock classic and berry, pnpm-lock.yaml', () => {
    const classic =
      '# yarn lockfile v1\n\n"@babel/core@^7.0.0", "@babel/core@^7.1.0":\n  version "7.24.0"\n  resolved "https://registry/x"\n\nlodash@^4.17.21:\n  version "4.17.21"\n';
    expect(summary('yarn.lock', classic).map(([name, version, , line]) => [name, version, line])).toEqual([
      ['@babel/core', '7.24.0', 3],
      ['lodash', '4.17.21', 7],
    ]);
    const berry =
      '__metadata:\n  version: 6\n\n"react@npm:^18.2.0":\n  version: 18.3.1\n  resolution: "react@npm:18.3.1"\n';
    expect(summary('yarn.lock', berry).map(([name, version]) => [name, version])).toEqual([['react', '18.3.1']]);
    const pnpm =
      "lockfileVersion: '9.0'\npackages:\n  express@4.21.1:\n    resolution: {integrity: sha512-x}\n  '@types/node@20.11.0':\n    resolution: {integrity: sha512-y}\n";
    expect(summary('pnpm-lock.yaml', pnpm).map(([name, version]) => [name, version])).toEqual([
      ['express', '4.21.1'],
      ['@types/node', '20.11.0'],
    ]);
  });

  it('pyproject (PEP 621 and Poetry), Pipfile, poetry.lock, setup.py', () => {
    const pep621 =
      '[project]\nname = "risk"\ndependencies = [\n  "NumPy>=1.26",\n  "pandas[parquet]==2.2.2 ; python_version > \'3.9\'",\n]\n[project.optional-dependencies]\ntest = ["pytest>=8"]\n';
    expect(summary('pyproject.toml', pep621).map(([name, version, scope]) => [name, version, scope])).toEqual([
      ['numpy', '1.26', 'runtime'],
      ['pandas', '2.2.2', 'runtime'],
      ['pytest', '8', 'dev'],
    ]);
    const poetry =
      '[tool.poetry]\nname = "svc"\n[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = "^0.110"\nsqlalchemy = { version = "^2.0", extras = ["asyncio"] }\n[tool.poetry.group.dev.dependencies]\npytest = "^8.0"\n';
    expect(summary('pyproject.toml', poetry).map(([name, version, scope]) => [name, version, scope])).toEqual([
      ['fastapi', '0.110', 'runtime'],
      ['sqlalchemy', '2.0', 'runtime'],
      ['pytest', '8.0', 'dev'],
    ]);
    expect(
      summary('Pipfile', '[packages]\nrequests = "*"\ngurobipy = "==11.0.3"\n[dev-packages]\npytest = "*"\n').map(
        ([name, version, scope]) => [name, version, scope],
      ),
    ).toEqual([
      ['requests', undefined, 'runtime'],
      ['gurobipy', '11.0.3', 'runtime'],
      ['pytest', undefined, 'dev'],
    ]);
    expect(
      summary('poetry.lock', '[[package]]\nname = "numpy"\nversion = "1.26.4"\ncategory = "main"\n').map(
        ([name, version]) => [name, version],
      ),
    ).toEqual([['numpy', '1.26.4']]);
    expect(
      summary(
        'setup.py',
        'from setuptools import setup\nsetup(name="risk", install_requires=["scipy>=1.13", "cx_Oracle"])\n',
      ).map(([name, version]) => [name, version]),
    ).toEqual([
      ['scipy', '1.13'],
      ['cx-oracle', undefined],
    ]);
    expect(extract('pyproject.toml', '[project\nname = 1').diagnostics[0]).toMatchObject({
      code: 'parse-error',
      file: 'pyproject.toml',
    });
  });

  it('Gradle version catalogs, NuGet central versions, composer.lock, Maven parent and profiles', () => {
    const catalog =
      '[versions]\nspring = "3.3.4"\n[libraries]\nspring-web = { module = "org.springframework.boot:spring-boot-starter-web", version.ref = "spring" }\nmq = "com.ibm.mq:com.ibm.mq.allclient:9.3.0.0"\n';
    expect(
      summary('gradle/libs.versions.toml', catalog).map(([name, version, scope, line]) => [name, version, scope, line]),
    ).toEqual([
      ['org.springframework.boot:spring-boot-starter-web', '3.3.4', 'managed', 4],
      ['com.ibm.mq:com.ibm.mq.allclient', '9.3.0.0', 'managed', 5],
    ]);
    expect(
      summary(
        'Directory.Packages.props',
        '<Project>\n  <ItemGroup>\n    <PackageVersion Include="Oracle.ManagedDataAccess" Version="23.4.0" />\n  </ItemGroup>\n</Project>\n',
      ),
    ).toEqual([['Oracle.ManagedDataAccess', '23.4.0', 'managed', 3, undefined, false]]);
    expect(
      summary(
        'composer.lock',
        JSON.stringify(
          {
            packages: [{ name: 'laravel/framework', version: 'v11.0.0', license: ['MIT'] }],
            'packages-dev': [{ name: 'phpunit/phpunit', version: '11.0.0' }],
          },
          null,
          2,
        ),
      ).map(([name, version, scope, , licence]) => [name, version, scope, licence]),
    ).toEqual([
      ['laravel/framework', 'v11.0.0', 'runtime', 'MIT'],
      ['phpunit/phpunit', '11.0.0', 'dev', undefined],
    ]);
    const pom =
      '<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>3.3.4</version>\n  </parent>\n  <artifactId>svc</artifactId>\n  <packaging>war</packaging>\n  <profiles>\n    <profile>\n      <id>oracle</id>\n      <dependencies>\n        <dependency><groupId>com.oracle.database.jdbc</groupId><artifactId>ojdbc11</artifactId></dependency>\n      </dependencies>\n    </profile>\n  </profiles>\n</project>\n';
    const maven = extract('pom.xml', pom);
    expect(maven.packaging).toBe('war');
    expect(maven.dependencies.map((d) => [d.name, d.scope, d.line])).toEqual([
      ['com.oracle.database.jdbc:ojdbc11', 'profile:oracle', 13],
      ['org.springframework.boot:spring-boot-starter-parent', 'parent', 2],
    ]);
  });

  it('malformed project files and lockfiles are errors with their line', () => {
    expect(extract('App.csproj', '<Project>\n  <ItemGroup>\n</Project>\n').diagnostics[0]).toMatchObject({
      level: 'error',
      code: 'parse-error',
      line: 3,
    });
    expect(extract('composer.lock', '{ "packages": [').diagnostics[0]).toMatchObject({
      level: 'error',
      code: 'parse-error',
      file: 'composer.lock',
    });
    expect(extract('gradle/libs.versions.toml', '[libraries\nx = 1').diagnostics[0]).toMatchObject({
      code: 'parse-error',
    });
    expect(extract('pnpm-lock.yaml', 'packages:\n  a: [\n').diagnostics[0]).toMatchObject({ code: 'parse-error' });
  });
});
