import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../package-root.js';
import { compiledValue } from '../../compiled-rules.js';
import type { ApiKind, EntryKind } from './source-facts.js';
import { catalogueTables } from '../../languages/registry.js';

export const API_KINDS = [
  'file-read',
  'file-write',
  'socket',
  'session',
  'thread',
  'process-exec',
  'environment',
  'system-property',
  'jndi',
  'registry',
  'reflection',
  'machine-name',
  'certificate-checks-off',
] as const satisfies readonly ApiKind[];
export const ENTRY_KINDS = [
  'main',
  'servlet',
  'http-route',
  'message-listener',
  'scheduled',
  'web-service',
  'cics-transaction',
  'batch-program',
  'batch-job',
] as const satisfies readonly EntryKind[];
// Every kind the extractors know is listed: a kind added to ApiKind or EntryKind and not here fails to compile.
const complete: [
  Exclude<ApiKind, (typeof API_KINDS)[number]> | Exclude<EntryKind, (typeof ENTRY_KINDS)[number]>,
] extends [never]
  ? true
  : false = true;
void complete;

/** The catalogue tables extractors read, each with the sections its extractor looks names up in (src/languages/: javascript serves TypeScript too). */
const READ_SECTIONS = catalogueTables();
const CATALOGUE_LANGUAGES = [...READ_SECTIONS.keys()].sort() as [string, ...string[]];

const Names = z.array(z.string().min(1)).min(1);
const NamesByApi = z.partialRecord(z.enum(API_KINDS), Names);
const NamesByEntry = z.partialRecord(z.enum(ENTRY_KINDS), Names);

export const ApiTable = z.strictObject({
  constructors: NamesByApi.optional().describe('Types whose construction is the use: new FileWriter(...)'),
  calls: NamesByApi.optional().describe(
    'Static or module calls as Type.method or module.function: Files.write, os.system',
  ),
  methods: NamesByApi.optional().describe('Methods on any receiver: to_csv, OpenSubKey (C#, Python, Java)'),
  types: NamesByApi.optional().describe('Types whose mere use says enough: HttpSession, _SESSION (Java, C#, PHP)'),
});

/**
 * What the source extractors recognise, as data (rules/catalogue/platform-apis.yaml): API calls per
 * language, by the kind of API they are, and the annotations that make an entry point. A rule pack's
 * `catalogue:` section extends it.
 */
export const Catalogue = z
  .strictObject({
    apis: z
      .partialRecord(z.enum(CATALOGUE_LANGUAGES), ApiTable)
      .optional()
      .describe('API calls per language (javascript: JavaScript and TypeScript)'),
    entryPoints: z
      .strictObject({
        class: NamesByEntry.optional().describe(
          'Annotations, attributes or decorators that make a class an entry point',
        ),
        method: NamesByEntry.optional().describe('... that make a method an entry point'),
      })
      .optional(),
  })
  .superRefine((catalogue, context) => {
    for (const [language, table] of Object.entries(catalogue.apis ?? {})) {
      const read = READ_SECTIONS.get(language) ?? [];
      for (const section of Object.keys(table ?? {})) {
        if (!read.includes(section))
          context.addIssue({
            code: 'custom',
            path: ['apis', language, section],
            message: `the ${language} extractor reads only ${read.join(', ')}`,
          });
      }
    }
  });
export type Catalogue = z.infer<typeof Catalogue>;

/** Names looked up in a catalogue come from scanned code: `toString` must find nothing, not Object.prototype's function. */
type Lookup<K> = Readonly<Record<string, K | undefined>>;

/** One language's tables, name → kind. */
export interface ApiCatalog {
  constructors: Lookup<ApiKind>;
  calls: Lookup<ApiKind>;
  methods: Lookup<ApiKind>;
  types: Lookup<ApiKind>;
}

interface Tables {
  apis: Record<string, ApiCatalog>;
  entries: { class: Lookup<EntryKind>; method: Lookup<EntryKind> };
  digest: string;
}

export const BUILT_IN_CATALOGUE = path.join(PACKAGE_ROOT, 'rules', 'catalogue', 'platform-apis.yaml');

let builtIn: Catalogue | undefined;
let active: Tables | undefined;

/** The built-in catalogue, as the build compiled it while its YAML is unchanged; a broken one is a broken installation, not bad input. */
export function builtInCatalogue(): Catalogue {
  if (!builtIn) {
    const text = readFileSync(BUILT_IN_CATALOGUE, 'utf8');
    builtIn = compiledValue<Catalogue>((rules) => rules.catalogue, text) ?? Catalogue.parse(parse(text));
  }
  return builtIn;
}

/**
 * Makes the built-in catalogue extended by these (rule packs' `catalogue:` sections, in order: a
 * name listed again takes the later kind) the one this thread's extractors read. Returns its
 * digest, which the facts cache is kept by.
 */
export function useCatalogues(extensions: Catalogue[]): string {
  active = merge([builtInCatalogue(), ...extensions]);
  return active.digest;
}

function tables(): Tables {
  active ??= merge([builtInCatalogue()]);
  return active;
}

/** The tables of a language that reads the catalogue (its file in src/languages/ names the table). */
export function apisOf(language: string): ApiCatalog {
  const apis = tables().apis[language];
  if (!apis) throw new Error(`no catalogue table is named ${language} (src/languages/ names them)`);
  return apis;
}

export function entryOfAnnotation(name: string, on: 'class' | 'method'): EntryKind | undefined {
  return tables().entries[on][name];
}

function merge(catalogues: Catalogue[]): Tables {
  const lookup = <K extends string>() => Object.create(null) as Record<string, K>;
  const apis = Object.fromEntries(
    CATALOGUE_LANGUAGES.map((language) => [
      language,
      {
        constructors: lookup<ApiKind>(),
        calls: lookup<ApiKind>(),
        methods: lookup<ApiKind>(),
        types: lookup<ApiKind>(),
      },
    ]),
  ) as Record<string, Record<keyof ApiCatalog, Record<string, ApiKind>>>;
  const entries = { class: lookup<EntryKind>(), method: lookup<EntryKind>() };
  const add = <K extends string>(into: Record<string, K>, byKind: Partial<Record<K, string[]>> | undefined) => {
    for (const [kind, names] of Object.entries(byKind ?? {}) as [K, string[]][])
      for (const name of names) into[name] = kind;
  };
  for (const catalogue of catalogues) {
    for (const [language, table] of Object.entries(catalogue.apis ?? {})) {
      if (table)
        for (const section of ['constructors', 'calls', 'methods', 'types'] as const)
          add(apis[language]![section], table[section]);
    }
    add(entries.class, catalogue.entryPoints?.class);
    add(entries.method, catalogue.entryPoints?.method);
  }
  const digest = createHash('sha256').update(JSON.stringify(catalogues)).digest('base64url');
  return { apis, entries, digest };
}
