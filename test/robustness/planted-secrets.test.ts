import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { makeTree } from '../helpers/temp-tree.js';

/**
 * Secrets planted in every kind of input cloudready reads: configuration in each format, build
 * manifests and registry settings, source code in several languages, connection strings and
 * URLs with credentials, key material, inventories. No value may appear in any output.
 */
const SECRETS = {
  properties: 'Pr0p-S3cret-1111',
  yaml: 'Yam1-S3cret-2222',
  json: 'Js0n-S3cret-3333',
  xmlConnection: 'Xm1-S3cret-4444',
  env: 'Env-S3cret-5555',
  toml: 'T0ml-S3cret-6666',
  ini: 'In1-S3cret-7777',
  dockerfile: 'D0cker-S3cret-8888',
  compose: 'C0mpose-S3cret-9999',
  jdbcUrl: 'Jdbc-S3cret-1212',
  postgresUrl: 'Pg-S3cret-1313',
  mongoUrl: 'M0ngo-S3cret-1414',
  javaLiteral: 'JavaLit-S3cret-1515',
  jsApiKey: 'JsKey-S3cret-1616',
  pythonToken: 'PyT0ken-S3cret-1717',
  csharpConnection: 'CsConn-S3cret-1818',
  awsSecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYS3cret1919',
  privateKey: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCS3cret2020',
  npmToken: 'npm_S3cretTokenValue2121',
  pipIndex: 'P1p-S3cret-2222x',
  mavenSettings: 'Mvn-S3cret-2323',
  ansible: 'Ans1ble-S3cret-2424',
  inventoryYaml: 'InvYaml-S3cret-2525',
  cobolSql: 'C0bol-S3cret-2626',
  privateKeyFile: 'MIIEowIBAAKCAQEAS3cretKeyFile2727',
  privateKeyInCode: 'MIIEpAIBAAKCAQEAS3cretInCode2828',
};

const TREE: Record<string, string> = {
  // A Java service: configuration in every format it may hold, code, build settings.
  'orders/pom.xml':
    '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>orders</artifactId><version>1.0</version><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.6.0</version></dependency></dependencies></project>\n',
  'orders/settings.xml': `<settings><servers><server><id>nexus</id><username>deploy</username><password>${SECRETS.mavenSettings}</password></server></servers></settings>\n`,
  'orders/src/main/resources/application.properties': `server.port=8080\nspring.datasource.url=jdbc:sqlserver://sql01.acme.corp:1433;databaseName=Orders;user=sa;password=${SECRETS.jdbcUrl}\nspring.datasource.password=${SECRETS.properties}\n`,
  'orders/src/main/resources/application.yml': `spring:\n  data:\n    mongodb:\n      uri: mongodb://orders:${SECRETS.mongoUrl}@mongo01.acme.corp:27017/orders\nmessaging:\n  broker:\n    password: ${SECRETS.yaml}\n`,
  'orders/src/main/resources/config.json': `{\n  "cache": { "host": "redis01.acme.corp", "port": 6379 },\n  "apiKey": "${SECRETS.json}"\n}\n`,
  'orders/src/main/resources/app.toml': `[billing]\nendpoint = "https://billing.acme.corp/api"\nclient_secret = "${SECRETS.toml}"\n`,
  'orders/src/main/resources/legacy.ini': `[ftp]\nhost = ftp01.acme.corp\npassword = ${SECRETS.ini}\n`,
  'orders/.env': `DATABASE_URL=postgres://orders:${SECRETS.postgresUrl}@pg01.acme.corp:5432/orders\nAWS_SECRET_ACCESS_KEY=${SECRETS.awsSecretKey}\nSESSION_SECRET=${SECRETS.env}\n`,
  'orders/Dockerfile': `FROM eclipse-temurin:17\nENV DB_PASSWORD=${SECRETS.dockerfile}\nCOPY target/orders.jar /app.jar\nENTRYPOINT ["java", "-jar", "/app.jar"]\n`,
  'orders/docker-compose.yml': `services:\n  orders:\n    build: .\n    environment:\n      - MQ_PASSWORD=${SECRETS.compose}\n`,
  'orders/src/main/resources/keys/signing.pem': `-----BEGIN PRIVATE KEY-----\n${SECRETS.privateKey}\n-----END PRIVATE KEY-----\n`,
  'orders/src/main/java/com/acme/orders/Db.java': [
    'package com.acme.orders;',
    'import java.sql.DriverManager;',
    'public class Db {',
    `    private static final String PASSWORD = "${SECRETS.javaLiteral}";`,
    '    java.sql.Connection open() throws Exception {',
    `        return DriverManager.getConnection("jdbc:oracle:thin:@ora01.acme.corp:1521/ORD", "orders", PASSWORD);`,
    '    }',
    '}',
    '',
  ].join('\n'),
  // A Node front end with a registry token and a key in code.
  'storefront/package.json': JSON.stringify(
    { name: 'storefront', version: '1.0.0', dependencies: { express: '^4.18.2', axios: '^1.6.0' } },
    null,
    2,
  ),
  'storefront/.npmrc': `//registry.npmjs.org/:_authToken=${SECRETS.npmToken}\n`,
  // Key files are read to tell a private key from a certificate: the lines around a finding in them are key material.
  'storefront/deploy/tls/server.key': `-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.privateKeyFile}\nAAAAB3NzaC1yc2EAAAADAQABAAABAQC7\n-----END RSA PRIVATE KEY-----\n`,
  'storefront/src/signing.js': `const key = \`-----BEGIN PRIVATE KEY-----\n${SECRETS.privateKeyInCode}\n-----END PRIVATE KEY-----\`;\nmodule.exports = () => fetch('http://localhost:9000/sign', { method: 'POST', body: key });\n`,
  'storefront/src/payments.js': `const axios = require('axios');\nconst apiKey = '${SECRETS.jsApiKey}';\nmodule.exports = () => axios.post('https://payments.acme.corp/charge', {}, { headers: { 'X-Api-Key': apiKey } });\n`,
  // A Python job and a .NET service.
  'reporting/requirements.txt': `--index-url https://build:${SECRETS.pipIndex}@pypi.acme.corp/simple\nrequests==2.31.0\n`,
  'reporting/report.py': `import requests\nTOKEN = "${SECRETS.pythonToken}"\nrequests.get("https://reports.acme.corp/api", headers={"Authorization": TOKEN})\n`,
  'billing/Billing.csproj':
    '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net48</TargetFramework></PropertyGroup></Project>\n',
  'billing/Web.config': `<configuration><connectionStrings><add name="Billing" connectionString="Server=sql02.acme.corp;Database=Billing;User Id=billing;Password=${SECRETS.xmlConnection};" /></connectionStrings></configuration>\n`,
  'billing/Ledger.cs': `namespace Billing {\n  public class Ledger {\n    const string Conn = "Server=sql02.acme.corp;Database=Ledger;User Id=sa;Password=${SECRETS.csharpConnection};";\n  }\n}\n`,
  // A mainframe program with credentials in embedded SQL.
  'ledger-cobol/src/LEDGER.cbl': `       IDENTIFICATION DIVISION.\n       PROGRAM-ID. LEDGER.\n       PROCEDURE DIVISION.\n           EXEC SQL CONNECT TO LEDGERDB USER 'LEDG' USING '${SECRETS.cobolSql}' END-EXEC.\n           EXEC CICS RETURN END-EXEC.\n`,
  // Inventories that carry credentials, as real ones do.
  'inventory/hosts.ini': `[orders]\norders01.acme.corp ansible_host=10.40.0.11 ansible_user=deploy ansible_password=${SECRETS.ansible}\n`,
  'inventory/estate.yaml': `version: 1\nhosts:\n  - id: pg01\n    hostname: pg01.acme.corp\n    ips: [10.40.0.21]\n    tags: { admin_password: "${SECRETS.inventoryYaml}" }\n`,
};

let folder: string;
const outputs = new Map<string, string>();

function collect(name: string, run: { code: number | null; stdout: string; stderr: string }) {
  expect(run.code, `${name}: ${run.stderr}`).not.toBeNull();
  outputs.set(`${name} (stdout)`, run.stdout);
  outputs.set(`${name} (stderr)`, run.stderr);
}

beforeAll(async () => {
  const root = await makeTree(TREE);
  folder = await makeTree({});
  const result = path.join(folder, 'result.json');
  collect('scan table', runCli(['scan', root, '--no-cache', '--no-color']));
  collect('scan json', runCli(['scan', root, '--no-cache', '--format', 'json', '--output', result]));
  for (const format of ['table', 'json', 'sarif', 'markdown', 'junit', 'html'])
    collect(`report ${format}`, runCli(['report', result, '--format', format]));
  for (const format of ['tree', 'json', 'dot', 'mermaid', 'gexf', 'graphml'])
    collect(`graph ${format}`, runCli(['graph', '--from', result, '--format', format]));
  collect(
    'graph unit mermaid',
    runCli(['graph', '--from', result, '--level', 'unit', '--app', 'orders', '--format', 'mermaid']),
  );
  collect(
    'graph neo4j',
    runCli(['graph', '--from', result, '--format', 'neo4j', '--output', path.join(folder, 'neo4j')]),
  );
  for (const file of fs.readdirSync(path.join(folder, 'neo4j')))
    outputs.set(`neo4j ${file}`, fs.readFileSync(path.join(folder, 'neo4j', file), 'utf8'));
  for (const app of ['orders', 'billing', 'storefront', 'reporting', 'ledger-cobol'])
    collect(`explain ${app}`, runCli(['explain', app, '--from', result]));
  for (const format of ['table', 'json', 'csv', 'cmf'])
    collect(`waves ${format}`, runCli(['waves', '--from', result, '--format', format]));
  collect('impact', runCli(['impact', 'orders', '--from', result]));
  collect('split', runCli(['split', 'orders', '--from', result, '--format', 'json']));
  outputs.set('result.json', fs.readFileSync(result, 'utf8'));
}, 300_000);

describe('planted secrets', () => {
  it('are found: the scan sees the secrets it must not show', () => {
    const result = JSON.parse(outputs.get('result.json')!);
    const secretFindings = result.findings.filter((finding: { ruleId: string }) =>
      /secret|credential|password/i.test(finding.ruleId),
    );
    expect(secretFindings.length).toBeGreaterThan(0);
    expect(result.applications.map((app: { id: string }) => app.id).sort()).toEqual([
      'billing',
      'ledger-cobol',
      'orders',
      'reporting',
      'storefront',
    ]);
  });

  it.each(Object.entries(SECRETS))('never show the %s secret in any output', (_kind, value) => {
    expect(outputs.size).toBeGreaterThan(40);
    const leaks = [...outputs].filter(([, text]) => text.includes(value)).map(([name]) => name);
    expect(leaks).toEqual([]);
  });
});
