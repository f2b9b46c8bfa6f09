import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/assess/redact-secrets.js';
import { Config } from '../../src/config/config-schema.js';
import { classify } from '../../src/discover/classify.js';
import { languageById } from '../../src/languages/registry.js';
import type { CommentStyle } from '../../src/languages/language-info.js';
import { collectEndpointsAndSecrets } from '../../src/extract/config/config-facts.js';
import type { ConfigFormat } from '../../src/extract/config/config-entries.js';
import { readConfig } from '../../src/extract/config/read-config.js';
import { decodeEbcdic } from '../../src/extract/ebcdic.js';
import { importInventoryBytes } from '../../src/extract/inventory/import-inventory.js';
import { manifestExtractorFor } from '../../src/extract/manifests/index.js';
import { maskComments } from '../../src/extract/mask-comments.js';
import { decodeText } from '../../src/extract/read-text.js';
import { extractContentFacts, extractProjectFacts, extractSourceFacts } from '../../src/extract/source/index.js';
import { analyseText } from '../../src/extract/source-text.js';
import { InputError } from '../../src/errors.js';
import { parseYamlInput } from '../../src/util/yaml-input.js';
import type { Diagnostic } from '../../src/result/schema.js';

/**
 * Random input never throws out of a parser or importer: each returns facts and diagnostics for
 * whatever it is given. Inputs are arbitrary text and bytes, and text stitched from the format's
 * own tokens, which reaches deeper into a parser than noise does.
 */
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };

/** Text made of a format's tokens, random text and line ends, in random order. */
function stitched(tokens: string[]): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...tokens) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '"', "'") },
      ),
      { maxLength: 120 },
    )
    .map((parts) => parts.join(''));
}

const anyText = (tokens: string[]) => fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), stitched(tokens));

const XML = [
  '<',
  '>',
  '</',
  '/>',
  '<?xml version="1.0"?>',
  '<project>',
  '</project>',
  '<dependency>',
  '<groupId>',
  '</groupId>',
  '<artifactId>',
  '<version>',
  '${',
  '}',
  '=',
  '"',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&#x',
  '<add key="a" value="b"/>',
  '<connectionStrings>',
  'xmlns:x="y"',
  '<PackageReference Include="A" Version="1"/>',
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"name"',
  '"dependencies"',
  '"version"',
  '"1.0.0"',
  'null',
  'true',
  '1e999',
  '-0',
  '"\\u0000"',
  '"packages"',
  '"lockfileVersion"',
  '"hosts"',
  '"connections"',
];
const YAML = [
  '---',
  '...',
  'key:',
  '  - ',
  '- ',
  ': ',
  '&a',
  '*a',
  '<<: *a',
  '!!binary',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  '#',
  'version: 1',
  'hosts:',
  'url: jdbc:x://h:1/d',
  'password: x',
  '? ',
  '%YAML 1.2',
];
const PROPERTIES = [
  'key=value',
  'a.b.c: d',
  '\\',
  '\\u00e9',
  '#',
  '!',
  '=',
  ':',
  'password=secret',
  'url=jdbc:oracle:thin:@h:1521/S',
  '${env.X}',
];
const TOML = [
  '[a]',
  '[[b]]',
  'x = 1',
  'y = "s"',
  "z = '''",
  '"""',
  'dependencies = ["a>=1"]',
  '[tool.poetry.dependencies]',
  'python = "^3.9"',
  '=',
  '{',
  '}',
];
const INI = [
  '[section]',
  'key = value',
  ';',
  '#',
  '=',
  'host = db01',
  'ansible_host=10.0.0.1',
  '[web:children]',
  'web01 ansible_port=22',
];
const CSV = [
  'a,b,c',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  'Source IP,Destination IP,Destination port',
  'VM,Powerstate,CPUs,Memory',
  'id,hostname,os',
  '10.0.0.1',
  '443',
  'sep=;',
];
const CODE = [
  'class A {',
  '}',
  'def f():',
  'func main() {',
  '<?php',
  'namespace X;',
  'import a.b.C;',
  'using System;',
  'package main',
  'new Socket("h", 1)',
  '"jdbc:db2://h:50000/D"',
  '/*',
  '*/',
  '//',
  '#',
  '"""',
  "'''",
  '`',
  '${',
  '@GetMapping("/x")',
  '[HttpGet]',
  'if (',
  ')',
  '{',
  '(',
  ';',
  'EXEC CICS',
  'EXEC SQL',
  'END-EXEC.',
  '//STEP1 EXEC PGM=X',
  'DD DSN=A.B,DISP=SHR',
  '       PROCEDURE DIVISION.',
  '      * comment',
  'import { x } from "./y";',
  'export default',
  'require("fs")',
  'async function* g() {',
];

const CONFIG_FILES: [ConfigFormat, string, string[]][] = [
  ['properties', 'application.properties', PROPERTIES],
  ['yaml', 'application.yml', YAML],
  ['json', 'appsettings.json', JSON_TOKENS],
  ['xml', 'Web.config', XML],
  ['env', '.env', ['KEY=value', 'export X=1', '"', "'", '#', 'DATABASE_URL=postgres://u:p@h/d', '=']],
  ['toml', 'config.toml', TOML],
  ['ini', 'settings.ini', INI],
  [
    'dockerfile',
    'Dockerfile',
    ['FROM x', 'ENV A=b', 'ENV A b', 'EXPOSE 80', 'HEALTHCHECK CMD x', 'RUN \\', 'ARG P=1', 'USER root', 'COPY . /'],
  ],
  ['procfile', 'Procfile', ['web: node x', 'worker:', ':', 'release: ./migrate']],
];

const MANIFESTS: [string, string[]][] = [
  ['pom.xml', XML],
  [
    'build.gradle',
    [
      "implementation 'a:b:1'",
      'dependencies {',
      '}',
      'plugins {',
      "id 'java'",
      'testImplementation("x:y:2")',
      'ext {',
      '"',
      "'",
      '(',
      ')',
    ],
  ],
  ['build.gradle.kts', ['implementation("a:b:1")', 'dependencies {', '}', 'val x = "1"', '$x']],
  ['package.json', JSON_TOKENS],
  ['composer.json', JSON_TOKENS],
  [
    'requirements.txt',
    [
      'flask==2.0',
      '-r other.txt',
      '--index-url https://u:p@h/simple',
      '-e .',
      'a[extra]>=1;python_version<"3"',
      '#',
      '\\',
      'git+https://x/y.git#egg=z',
    ],
  ],
  ['Orders.csproj', XML],
  ['packages.config', XML],
  [
    'go.mod',
    ['module x', 'go 1.21', 'require (', ')', 'github.com/a/b v1.2.3', '// indirect', 'replace a => b', 'exclude c v1'],
  ],
  ['package-lock.json', JSON_TOKENS],
  [
    'yarn.lock',
    ['"a@^1":', '  version "1.0.0"', '  resolved "https://x"', 'a@npm:1:', '  dependencies:', '__metadata:', '#'],
  ],
  ['pnpm-lock.yaml', YAML],
  ['composer.lock', JSON_TOKENS],
  ['pyproject.toml', TOML],
  ['Pipfile', TOML],
  ['poetry.lock', TOML],
  ['setup.py', ['setup(', 'install_requires=[', ']', "'a>=1'", ')', 'import setuptools']],
  ['libs.versions.toml', TOML],
  ['Directory.Packages.props', XML],
];

const SOURCES: [string, string][] = [
  ['java', 'src/A.java'],
  ['csharp', 'src/A.cs'],
  ['python', 'src/a.py'],
  ['go', 'src/a.go'],
  ['php', 'src/a.php'],
  ['cobol', 'src/A.cbl'],
  ['jcl', 'jcl/A.jcl'],
  ['assembler', 'asm/A.asm'],
  ['bms', 'bms/A.bms'],
  ['csd', 'csd/A.csd'],
  ['ims', 'ims/A.dbd'],
];

const COMMENT_STYLES: CommentStyle[] = [
  'c',
  'hash',
  'python',
  'php',
  'sql',
  'vb',
  'cobol',
  'jcl',
  'assembler',
  'markup',
  'none',
];

describe('property: parsers and importers never throw', () => {
  it('decodes any bytes as text or says why not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const read = decodeText(bytes, 'any.txt');
        if (read.ok) expect(typeof read.text).toBe('string');
        else expect(read.diagnostic.file).toBe('any.txt');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(typeof decodeEbcdic(bytes)).toBe('string');
      }),
      RUNS,
    );
  });

  it('blanks comments in any text, keeping its length and its line breaks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMENT_STYLES), anyText(CODE), (style, text) => {
        const masked = maskComments(text, style);
        expect(masked.length).toBe(text.length);
        expect(masked.split('\n').length).toBe(text.split('\n').length);
      }),
      RUNS,
    );
  });

  it.each(CONFIG_FILES)('reads any %s configuration into entries and problems', (format, file, tokens) => {
    fc.assert(
      fc.property(anyText(tokens), (text) => {
        const config = readConfig(file, format, text);
        expect(Array.isArray(config.entries)).toBe(true);
        for (const problem of config.problems) expect(problem.location.line).toBeGreaterThanOrEqual(1);
        collectEndpointsAndSecrets([config], []);
      }),
      RUNS,
    );
  });

  it.each(MANIFESTS)('reads any %s into dependencies and diagnostics', (file, tokens) => {
    const extract = manifestExtractorFor(file)!;
    expect(extract).toBeDefined();
    fc.assert(
      fc.property(anyText(tokens), (text) => {
        const facts = extract(text, `app/${file}`);
        expect(Array.isArray(facts.dependencies)).toBe(true);
        for (const diagnostic of facts.diagnostics) expect(diagnostic.file).toBe(`app/${file}`);
      }),
      // Found by this property: an unclosed CDATA section passed the XML validator and threw in the parser.
      { ...RUNS, examples: [['<add key="a" value="b"/><![CDATA[']] },
    );
  });

  it.each(SOURCES)('extracts facts from any %s source without its extractor failing', async (languageId, file) => {
    const language = languageById(languageId)!;
    expect(language, languageId).toBeDefined();
    await fc.assert(
      fc.asyncProperty(anyText(CODE), async (text) => {
        const facts = await extractSourceFacts(analyseText(file, text, language));
        expect(facts).toBeDefined();
        // The safety net in extractSourceFacts turns a throw into this problem: it must not be needed.
        expect(facts!.problems.filter((problem) => problem.message.startsWith('could not be analysed'))).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });

  it('extracts TypeScript and JavaScript projects from any files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText(CODE), { minLength: 1, maxLength: 4 }), async (texts) => {
        const sources = texts.map((text, index) =>
          analyseText(
            `src/m${index}.${index % 2 ? 'js' : 'ts'}`,
            text,
            languageById(index % 2 ? 'javascript' : 'typescript'),
          ),
        );
        const facts = await extractProjectFacts(sources);
        expect(facts).toHaveLength(sources.length);
        for (const fact of facts)
          expect(fact.problems.filter((problem) => problem.message.startsWith('could not be analysed'))).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 3) },
    );
  });

  it('reads scheduler exports and SQL mappers from any content that looks like one', async () => {
    const heads = ['<DEFTABLE>', '<mapper namespace="x">', 'CA-7 CPU JOB DEFINITION'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...heads),
        anyText([...XML, 'JOBNAME', 'SCHID', '<JOB JOBNAME="A">', '<select id="a">', 'FROM T']),
        async (head, rest) => {
          const file = head.startsWith('CA-7') ? 'sched/jobs.txt' : 'sched/jobs.xml';
          await extractContentFacts(analyseText(file, `${head}\n${rest}`));
        },
      ),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });

  it.each([
    ['inventory/hosts.csv', CSV],
    ['inventory/azure-dependencies.csv', CSV],
    ['inventory/RVTools_tabvInfo.csv', CSV],
    [
      'inventory/estate.yaml',
      [
        ...YAML,
        'hosts:',
        '  - id: a',
        '    ips: [1.2.3.4]',
        'connections:',
        '  - source: a',
        '    target: b',
        '    port: 80',
      ],
    ],
    ['inventory/estate.json', JSON_TOKENS],
    ['inventory/hosts', INI],
    [
      'inventory/web01-netstat.txt',
      [
        'Proto Recv-Q Send-Q Local Address Foreign Address State',
        'tcp 0 0 10.0.0.1:443 10.0.0.2:5555 ESTABLISHED',
        'LISTEN',
        'udp',
        '::1',
        '*:*',
        'State Recv-Q Send-Q Local Address:Port Peer Address:Port',
      ],
    ],
    ['inventory/export.xlsx', ['PK\u0003\u0004', 'xl/workbook.xml', '<sheet name="vInfo"/>']],
  ])('imports any %s into records and diagnostics', async (file, tokens) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText(tokens).map((text) => Buffer.from(text)),
          fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
        ),
        async (bytes) => {
          const diagnostics: Diagnostic[] = [];
          const loaded = await importInventoryBytes(
            bytes,
            { abs: `/nowhere/${file}`, file, size: bytes.length, explicit: false },
            diagnostics,
          );
          if (!loaded) expect(diagnostics.length).toBeGreaterThan(0);
          for (const diagnostic of diagnostics) expect(diagnostic.file).toBe(file);
        },
      ),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });

  it('reads any cloudready.yaml into a configuration or an InputError naming the file', () => {
    fc.assert(
      fc.property(
        anyText([
          ...YAML,
          'rules:',
          '  disable: [a/b]',
          'exclude:',
          'applications:',
          '  - path: x',
          'scoring:',
          'gate:',
          '  failUnder: 50',
          'inventories:',
        ]),
        (text) => {
          try {
            parseYamlInput(text, 'cloudready.yaml', Config, 'hint');
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect((error as InputError).message).toContain('cloudready.yaml');
          }
        },
      ),
      // Found by this property: an alias to no anchor threw a ReferenceError.
      { ...RUNS, examples: [['<<: *a'], ['a: &x [*x, *x]']] },
    );
  });

  it('classifies any path and masks secrets in any line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        classify(text);
        expect(redactSecrets(text).length).toBeLessThanOrEqual(text.length + 40);
      }),
      RUNS,
    );
  });
});
