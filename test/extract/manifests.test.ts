import { describe, expect, it } from 'vitest';
import { manifestExtractorFor } from '../../src/extract/manifests/index.js';

function extract(file: string, source: string) {
  const extractor = manifestExtractorFor(file);
  if (!extractor) throw new Error(`no extractor for ${file}`);
  return extractor(source, file);
}

describe('manifest extractors', () => {
  it('Maven: dependencies with scope, managed versions, resolved properties and lines', () => {
    const pom = [
      '<project>',
      '  <artifactId>orders</artifactId>',
      '  <properties><ojdbc.version>19.3.0.0</ojdbc.version></properties>',
      '  <dependencies>',
      '    <dependency>',
      '      <groupId>com.oracle.database.jdbc</groupId>',
      '      <artifactId>ojdbc8</artifactId>',
      '      <version>${ojdbc.version}</version>',
      '    </dependency>',
      '    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><scope>test</scope></dependency>',
      '  </dependencies>',
      '</project>',
    ].join('\n');
    const facts = extract('app/pom.xml', pom);
    expect(facts.name).toBe('orders');
    expect(facts.dependencies).toEqual([
      {
        ecosystem: 'maven',
        name: 'com.oracle.database.jdbc:ojdbc8',
        version: '19.3.0.0',
        scope: 'compile',
        file: 'app/pom.xml',
        line: 7,
      },
      { ecosystem: 'maven', name: 'junit:junit', version: undefined, scope: 'test', file: 'app/pom.xml', line: 10 },
    ]);
  });

  it('Maven: malformed XML is a diagnostic with the line, not an exception', () => {
    const facts = extract('pom.xml', '<project>\n  <dependencies>\n    <dependency>\n</project>\n');
    expect(facts.dependencies).toEqual([]);
    expect(facts.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'parse-error', file: 'pom.xml', line: 4 }),
    ]);
  });

  it('package.json: scopes and lines; malformed JSON names its line', () => {
    const source =
      '{\n  "name": "shop",\n  "dependencies": { "express": "^4.21.1" },\n  "devDependencies": { "vitest": "^4.0.0" }\n}\n';
    const facts = extract('package.json', source);
    expect(facts.dependencies.map((d) => [d.name, d.scope, d.line])).toEqual([
      ['express', 'runtime', 3],
      ['vitest', 'dev', 4],
    ]);
    const broken = extract('package.json', '{\n  "name": "shop",\n  "dependencies": {\n}\n');
    expect(broken.diagnostics[0]).toMatchObject({ code: 'parse-error', file: 'package.json' });
    expect(broken.diagnostics[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it('requirements.txt: names normalised, options and comments skipped', () => {
    const facts = extract(
      'requirements.txt',
      '# pinned\n-r base.txt\nNumPy==1.26.4\nscikit_learn>=1.4 ; python_version>"3.8"\nrequests[socks]\n',
    );
    expect(facts.dependencies.map((d) => [d.name, d.version, d.line])).toEqual([
      ['numpy', '1.26.4', 3],
      ['scikit-learn', '1.4', 4],
      ['requests', undefined, 5],
    ]);
  });

  it('.csproj: target framework, framework references and HintPath packages', () => {
    const csproj = [
      '<Project ToolsVersion="15.0">',
      '  <PropertyGroup><TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion></PropertyGroup>',
      '  <ItemGroup>',
      '    <Reference Include="System.ServiceModel" />',
      '    <Reference Include="log4net, Version=2.0.8.0, Culture=neutral"><HintPath>..\\packages\\log4net.dll</HintPath></Reference>',
      '    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />',
      '  </ItemGroup>',
      '</Project>',
    ].join('\n');
    const facts = extract('Billing/Billing.csproj', csproj);
    expect(facts.targetFramework).toBe('v4.6.1');
    expect(facts.dependencies.map((d) => [d.name, d.version, d.scope, d.line])).toEqual([
      ['Newtonsoft.Json', '13.0.3', 'runtime', 6],
      ['System.ServiceModel', undefined, 'framework', 4],
      ['log4net', '2.0.8.0', 'runtime', 5],
    ]);
  });

  it('packages.config, Gradle and go.mod', () => {
    expect(
      extract('packages.config', '<packages>\n  <package id="EntityFramework" version="6.2.0" />\n</packages>')
        .dependencies[0],
    ).toMatchObject({
      name: 'EntityFramework',
      version: '6.2.0',
      line: 2,
    });
    const gradle = extract(
      'build.gradle',
      "plugins { id 'java' }\ndependencies {\n  implementation 'com.ibm.mq:com.ibm.mq.allclient:9.3.0.0'\n  testImplementation(\"junit:junit:4.13\")\n}\n",
    );
    expect(gradle.dependencies.map((d) => [d.name, d.scope, d.line])).toEqual([
      ['com.ibm.mq:com.ibm.mq.allclient', 'compile', 3],
      ['junit:junit', 'test', 4],
    ]);
    const goMod = extract(
      'go.mod',
      'module acme.io/ledger\n\nrequire (\n\tgithub.com/lib/pq v1.10.9\n\tgolang.org/x/text v0.14.0 // indirect\n)\n',
    );
    expect(goMod.name).toBe('acme.io/ledger');
    expect(goMod.dependencies.map((d) => [d.name, d.scope])).toEqual([
      ['github.com/lib/pq', 'runtime'],
      ['golang.org/x/text', 'indirect'],
    ]);
  });
});
