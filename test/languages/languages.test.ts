import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { indexOf, PLUGIN_FOLDERS } from '../../scripts/generate-indexes.mjs';
import { builtInCatalogue, apisOf } from '../../src/extract/source/catalogue.js';
import { parserFor } from '../../src/extract/source/tree-sitter/grammars.js';
import {
  analysisOf,
  catalogueTables,
  LANGUAGES,
  languageById,
  languageForExtension,
  languageFromShebang,
} from '../../src/languages/registry.js';
import { hasFactExtractor, isProjectLanguage } from '../../src/extract/source/index.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('language descriptors (src/languages/)', () => {
  it('the committed indexes list every plugin file (npm run generate rewrites them)', async () => {
    for (const folder of PLUGIN_FOLDERS)
      expect(readFileSync(path.join(root, folder.folder, 'index.ts'), 'utf8'), folder.folder).toBe(
        await indexOf(folder),
      );
  });

  it('each file is one language, named as its id, with lower-case extensions no other language claims', () => {
    const files = LANGUAGES.map(({ id }) => id);
    expect(new Set(files).size).toBe(LANGUAGES.length);
    const extensions = LANGUAGES.flatMap(({ extensions }) => extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    for (const ext of extensions) expect(ext).toMatch(/^\.[a-z0-9]+$/);
    for (const language of LANGUAGES) {
      const source = readFileSync(path.join(root, 'src/languages', `${language.id}.ts`), 'utf8');
      expect(source, language.id).toContain(`id: '${language.id}'`);
    }
  });

  it('finds languages by extension (any case), id and shebang', () => {
    expect(languageForExtension('.JAVA')?.id).toBe('java');
    expect(languageForExtension('.cbl')?.mainframe).toBe(true);
    expect(languageForExtension('.xyz')).toBeUndefined();
    expect(languageById('csharp')?.name).toBe('C#');
    expect(languageFromShebang('#!/usr/bin/env python3')?.id).toBe('python');
    expect(languageFromShebang('#!/bin/bash -e')?.id).toBe('shell');
    expect(languageFromShebang('#!/usr/bin/env node')?.id).toBe('javascript');
    expect(languageFromShebang('#!/usr/bin/perl -w')?.id).toBe('perl');
    expect(languageFromShebang('# not a shebang python')).toBeUndefined();
    // Only the #! line names the interpreter: a shell script that runs node later is a shell script.
    expect(languageFromShebang('#!/bin/sh\n\nexec node "$@"\n')?.id).toBe('shell');
  });

  it("gives files the language's plain data, which survives serialising (cache, shards, worker threads)", () => {
    const java = languageForExtension('.java')!;
    expect(v8.deserialize(v8.serialize(java))).toEqual({
      id: 'java',
      name: 'Java',
      extensions: ['.java'],
      comments: 'c',
      grammar: 'tree-sitter-java.wasm',
    });
    expect(analysisOf('java')?.entryPoints).toBe(true);
    expect(analysisOf('kotlin')).toBeUndefined();
  });

  it('loads every extractor a language names, and every grammar', async () => {
    for (const { id, analysis, grammar } of LANGUAGES) {
      if (analysis?.extractor) expect(typeof (await analysis.extractor()), id).toBe('function');
      if (analysis?.project) expect(typeof (await analysis.project()), id).toBe('function');
      if (grammar) await expect(parserFor(grammar), id).resolves.toBeDefined();
    }
    expect(LANGUAGES.filter(({ grammar }) => grammar).map(({ id }) => id)).toEqual([
      'csharp',
      'go',
      'java',
      'php',
      'python',
    ]);
  });

  it('says which languages yield facts and which are read as a project', () => {
    expect(LANGUAGES.filter(({ id }) => hasFactExtractor(id)).map(({ id }) => id)).toEqual([
      'assembler',
      'bms',
      'cobol',
      'csd',
      'csharp',
      'go',
      'ims',
      'java',
      'javascript',
      'jcl',
      'php',
      'python',
      'typescript',
    ]);
    expect(LANGUAGES.filter(({ id }) => isProjectLanguage(id)).map(({ id }) => id)).toEqual([
      'javascript',
      'typescript',
    ]);
  });

  it('the built-in catalogue fills exactly the tables the languages read', () => {
    const tables = catalogueTables();
    expect([...tables.keys()].sort()).toEqual(['csharp', 'go', 'java', 'javascript', 'php', 'python']);
    expect(Object.keys(builtInCatalogue().apis ?? {}).sort()).toEqual([...tables.keys()].sort());
    for (const [name, sections] of tables)
      for (const section of sections) expect(apisOf(name)[section as 'calls'], `${name}.${section}`).toBeDefined();
    expect(() => apisOf('kotlin')).toThrow(/no catalogue table is named kotlin/);
  });

  it('docs/languages.md names every language', () => {
    const docs = readFileSync(path.join(root, 'docs/languages.md'), 'utf8');
    for (const { name } of LANGUAGES) expect(docs, name).toContain(name);
  });
});
