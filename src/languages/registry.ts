import { LANGUAGE_DESCRIPTORS } from './index.js';
import type { LanguageAnalysis, LanguageDescriptor } from './language-descriptor.js';
import type { LanguageInfo } from './language-info.js';

/** Every language cloudready counts and analyses (one file each in this folder). */
export const LANGUAGES: readonly LanguageDescriptor[] = LANGUAGE_DESCRIPTORS;

// Files carry a language's plain data (it is serialised with them); its extractors are looked up by id.
const infoByExtension = new Map<string, LanguageInfo>();
const infoById = new Map<string, LanguageInfo>();
const analysisById = new Map<string, LanguageAnalysis>();
for (const { shebang: _shebang, analysis, ...info } of LANGUAGES) {
  // Two files claiming one extension or id would make discovery depend on the index's order.
  if (infoById.has(info.id)) throw new Error(`two languages have the id ${info.id}`);
  infoById.set(info.id, info);
  if (analysis) analysisById.set(info.id, analysis);
  for (const ext of info.extensions) {
    const other = infoByExtension.get(ext);
    if (other) throw new Error(`${ext} is claimed by both ${other.id} and ${info.id}`);
    infoByExtension.set(ext, info);
  }
}

export function languageForExtension(ext: string): LanguageInfo | undefined {
  return infoByExtension.get(ext.toLowerCase());
}

export function languageById(id: string): LanguageInfo | undefined {
  return infoById.get(id);
}

/** What cloudready reads of a language beyond lines and text rules, if anything. */
export function analysisOf(id: string): LanguageAnalysis | undefined {
  return analysisById.get(id);
}

/** Language of an extensionless script, from the interpreter its `#!` line names (the lines after it do not count). */
export function languageFromShebang(text: string): LanguageInfo | undefined {
  if (!text.startsWith('#!')) return undefined;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const language = LANGUAGES.find(({ shebang }) => shebang?.test(firstLine));
  return language && infoById.get(language.id);
}

/** Languages whose extractor reads a catalogue table, by table name, with the sections it reads. */
export function catalogueTables(): Map<string, readonly string[]> {
  const tables = new Map<string, readonly string[]>();
  for (const { analysis } of LANGUAGES)
    if (analysis?.catalogue) tables.set(analysis.catalogue.name, analysis.catalogue.sections);
  return tables;
}
