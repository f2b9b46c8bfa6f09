import { describe, expect, it } from 'vitest';
import { configFormatOf } from '../../../src/extract/config/config-entries.js';
import { readConfig } from '../../../src/extract/config/read-config.js';

const entries = (file: string, text: string) => {
  const format = configFormatOf(file);
  if (!format) throw new Error(`not a config file: ${file}`);
  return readConfig(file, format, text);
};
const pairs = (file: string, text: string) => entries(file, text).entries.map((e) => [e.key, e.value, e.line]);

describe('configuration readers', () => {
  it('knows which files are configuration (lockfiles and build files are not)', () => {
    expect(
      [
        'a/.env',
        'x.properties',
        'app.yml',
        'appsettings.json',
        'pyproject.toml',
        'my.ini',
        'Web.config',
        'server.xml',
        'Dockerfile',
        'api.Dockerfile',
        'Procfile',
      ].map(configFormatOf),
    ).toEqual([
      'env',
      'properties',
      'yaml',
      'json',
      'toml',
      'ini',
      'xml',
      'xml',
      'dockerfile',
      'dockerfile',
      'procfile',
    ]);
    expect(['package-lock.json', 'pom.xml', 'App.csproj', 'setup.cfg', 'README.md'].map(configFormatOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('properties: separators, continuation lines, comments, escapes', () => {
    expect(
      pairs(
        'app.properties',
        '# comment\n! also\ndb.url=jdbc:postgresql://db:5432/app\nmsg : hello \\\n   world\nkey\\ with\\ space value\n',
      ),
    ).toEqual([
      ['db.url', 'jdbc:postgresql://db:5432/app', 3],
      ['msg', 'hello world', 4],
      ['key with space', 'value', 6],
    ]);
  });

  it('YAML: nested keys, lists, several documents, lines; JSON the same way', () => {
    expect(
      pairs(
        'application.yml',
        'spring:\n  datasource:\n    url: jdbc:h2:mem:test\n---\nhosts:\n  - a.corp\n  - b.corp\n',
      ),
    ).toEqual([
      ['spring.datasource.url', 'jdbc:h2:mem:test', 3],
      ['hosts[0]', 'a.corp', 6],
      ['hosts[1]', 'b.corp', 7],
    ]);
    expect(
      pairs('appsettings.json', '{\n  "ConnectionStrings": {\n    "Main": "Server=sql01;Database=App"\n  }\n}\n'),
    ).toEqual([['ConnectionStrings.Main', 'Server=sql01;Database=App', 3]]);
  });

  it('.env, INI and TOML', () => {
    expect(pairs('.env', 'export DB_HOST=db01\nAPI_KEY="abc"  \n# x\nEMPTY=\n')).toEqual([
      ['DB_HOST', 'db01', 1],
      ['API_KEY', 'abc', 2],
      ['EMPTY', '', 4],
    ]);
    expect(pairs('odbc.ini', '[Ledger]\nServer = sql02\n; c\nPort=1433\n')).toEqual([
      ['Ledger.Server', 'sql02', 2],
      ['Ledger.Port', '1433', 4],
    ]);
    expect(pairs('settings.toml', '[database]\nurl = "postgres://db03/app"\nport = 5432\n')).toEqual([
      ['database.url', 'postgres://db03/app', 2],
      ['database.port', '5432', 3],
    ]);
  });

  it('TOML with 40,000 keys: each value keeps its line, found through one index of the file', () => {
    const text = Array.from({ length: 40_000 }, (_, n) => `key${n} = "value${n}"`).join('\n');
    const all = entries('big.toml', text).entries;
    expect(all).toHaveLength(40_000);
    expect(all[39_999]).toMatchObject({ key: 'key39999', value: 'value39999', line: 40_000 });
  });

  it('XML: .NET add/key/value and connection strings by name, attributes and text by path, comments skipped', () => {
    const xml =
      '<configuration>\n  <appSettings>\n    <add key="InvoiceFolder" value="C:\\Out" />\n  </appSettings>\n  <!-- <add key="Old" value="x"/> -->\n  <connectionStrings>\n    <add name="Db" connectionString="Server=sql01;Database=Bill" providerName="System.Data.SqlClient"/>\n  </connectionStrings>\n  <smtp><host>mail01.corp</host></smtp>\n</configuration>\n';
    expect(pairs('Web.config', xml)).toEqual([
      ['configuration.appSettings.InvoiceFolder', 'C:\\Out', 3],
      ['configuration.connectionStrings.Db', 'Server=sql01;Database=Bill', 7],
      ['configuration.connectionStrings.Db.@providerName', 'System.Data.SqlClient', 7],
      ['configuration.smtp.host', 'mail01.corp', 9],
    ]);
  });

  it('Dockerfile instructions (continuations joined, ENV per variable) and Procfile processes', () => {
    const dockerfile =
      'FROM node:20 AS build\n# comment\nENV NODE_ENV=production PORT=3000\nRUN npm ci && \\\n    npm run build\nUSER node\nHEALTHCHECK CMD curl -f http://localhost:3000/healthz\n';
    expect(pairs('Dockerfile', dockerfile)).toEqual([
      ['FROM', 'node:20 AS build', 1],
      ['ENV.NODE_ENV', 'production', 3],
      ['ENV.PORT', '3000', 3],
      ['RUN', 'npm ci && npm run build', 4],
      ['USER', 'node', 6],
      ['HEALTHCHECK', 'CMD curl -f http://localhost:3000/healthz', 7],
    ]);
    expect(pairs('Procfile', 'web: node dist/server.js\nworker: node dist/jobs.js\n')).toEqual([
      ['web', 'node dist/server.js', 1],
      ['worker', 'node dist/jobs.js', 2],
    ]);
  });

  it('malformed input in every format is a problem with its line, never an exception', () => {
    expect(entries('a.yml', 'a: [1, 2\nb: 3\n').problems[0]).toMatchObject({
      message: expect.stringContaining('malformed YAML'),
      location: { file: 'a.yml' },
    });
    expect(entries('a.json', '{\n  "a": 1,\n  "b": \n}\n').problems[0]?.message).toMatch(/malformed/);
    expect(entries('a.toml', 'a = 1\nb = = 2\n').problems[0]).toMatchObject({
      message: expect.stringContaining('malformed TOML'),
      location: { line: 2 },
    });
    expect(entries('a.xml', '<a>\n<b>\n</a>\n').problems[0]).toMatchObject({
      message: expect.stringContaining('malformed XML'),
      location: { line: 3 },
    });
  });
});
