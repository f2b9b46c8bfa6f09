import { LANGUAGE_DESCRIPTORS } from './index.js';
import type { LanguageDescriptor } from './language-descriptor.js';

/** Every language cloudready counts and analyses (one file each in this folder), by id. */
export const LANGUAGES: readonly LanguageDescriptor[] = LANGUAGE_DESCRIPTORS;

const byExtension = new Map<string, LanguageDescriptor>();
const byId = new Map<string, LanguageDescriptor>();
for (const language of LANGUAGES) {
  // Two files claiming one extension or id would make discovery depend on the index's order.
  if (byId.has(language.id)) throw new Error(`two languages have the id ${language.id}`);
  byId.set(language.id, language);
  for (const ext of language.extensions) {
    const other = byExtension.get(ext);
    if (other) throw new Error(`${ext} is claimed by both ${other.id} and ${language.id}`);
    byExtension.set(ext, language);
  }
}

export function languageForExtension(ext: string): LanguageDescriptor | undefined {
  return byExtension.get(ext.toLowerCase());
}

export function languageById(id: string): LanguageDescriptor | undefined {
  return byId.get(id);
}

/** Language of an extensionless script, from its `#!` line. */
export function languageFromShebang(firstLine: string): LanguageDescriptor | undefined {
  if (!firstLine.startsWith('#!')) return undefined;
  return LANGUAGES.find((language) => language.shebang?.test(firstLine));
}

/** Languages whose extractor reads a catalogue table, by table name, with the sections it reads. */
export function catalogueTables(): Map<string, readonly string[]> {
  const tables = new Map<string, readonly string[]>();
  for (const { analysis } of LANGUAGES) if (analysis?.catalogue) tables.set(analysis.catalogue.name, analysis.catalogue.sections);
  return tables;
}
