import type { SourceText } from '../source-text.js';
import { extractAssembler } from './assembler.js';
import { extractBms } from './bms.js';
import { extractAutosys, AUTOSYS_JIL } from './autosys.js';
import { CA7_LISTING, extractCa7 } from './ca7.js';
import { extractCicsCsd } from './cics-csd.js';
import { extractCobol } from './cobol.js';
import { CONTROL_M_XML, extractControlM } from './control-m.js';
import { CONTROL_M_JSON, extractControlMJson } from './control-m-json.js';
import { extractCSharp } from './csharp.js';
import { extractGo } from './go.js';
import { extractJava } from './java.js';
import { extractIms } from './ims.js';
import { extractJcl } from './jcl.js';
import { extractMyBatis } from './mybatis.js';
import { extractOrmMappings, ORM_MAPPINGS } from './orm-mappings.js';
import { extractXmlEntryPoints, XML_ENTRY_POINTS } from './xml-entry-points.js';
import { extractPhp } from './php.js';
import { extractPython } from './python.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import type { FactStore } from '../fact-cache.js';
import { extractWindowsTask, WINDOWS_TASK_XML } from './windows-task.js';

type SourceExtractor = (source: SourceText) => SourceFacts | Promise<SourceFacts>;

/** Language id → extractor. Languages without one are still counted and matched by text rules. */
const EXTRACTORS: Record<string, SourceExtractor> = {
  cobol: extractCobol,
  jcl: extractJcl,
  bms: extractBms,
  csd: extractCicsCsd,
  ims: extractIms,
  assembler: extractAssembler,
  java: extractJava,
  csharp: extractCSharp,
  python: extractPython,
  go: extractGo,
  php: extractPhp,
};

/**
 * Files recognised by what they hold rather than by name: scheduler exports are saved as .xml,
 * .json, .txt, .jil or with no extension at all, so only their content tells. SQL mappers, JPA and
 * Hibernate mappings, and the descriptors that declare servlets, Struts actions and Spring MVC
 * controllers are XML.
 */
const CONTENT_EXTRACTORS: { test: (rel: string, text: string) => boolean; extract: SourceExtractor }[] = [
  { test: (_, text) => CONTROL_M_XML.test(text), extract: extractControlM },
  { test: (_, text) => CONTROL_M_JSON.test(text) && /^\s*[{[]/.test(text), extract: extractControlMJson },
  { test: (_, text) => AUTOSYS_JIL.test(text), extract: extractAutosys },
  { test: (_, text) => WINDOWS_TASK_XML.test(text), extract: extractWindowsTask },
  { test: (_, text) => CA7_LISTING.test(text), extract: extractCa7 },
  { test: (rel, text) => /\.xml$/i.test(rel) && /<(mapper|sqlMap)\b[^>]*\bnamespace\s*=/.test(text), extract: extractMyBatis },
  { test: (rel, text) => /\.xml$/i.test(rel) && ORM_MAPPINGS.test(text), extract: extractOrmMappings },
  { test: (rel, text) => /\.xml$/i.test(rel) && XML_ENTRY_POINTS.test(text), extract: extractXmlEntryPoints },
];

/** Facts of a configuration or document file that holds job definitions or SQL mappings, else undefined. */
export async function extractContentFacts(source: SourceText): Promise<SourceFacts | undefined> {
  const extractor = CONTENT_EXTRACTORS.find(({ test }) => test(source.rel, source.text));
  return extractor ? extractor.extract(source) : undefined;
}

/** Languages read per application rather than per file, because their names resolve across files. */
const PROJECT_LANGUAGES = new Set(['typescript', 'javascript']);

export function isProjectLanguage(language: string): boolean {
  return PROJECT_LANGUAGES.has(language);
}

/** Whether a language yields source facts (units, references ...) beyond lines of code and text rules. */
export function hasFactExtractor(language: string): boolean {
  return language in EXTRACTORS || PROJECT_LANGUAGES.has(language);
}

/** Facts of an application's TypeScript and JavaScript files, read together (and kept file by file in the cache, if given). */
export async function extractProjectFacts(sources: SourceText[], cache?: FactStore): Promise<SourceFacts[]> {
  if (sources.length === 0) return [];
  try {
    return await (await import('./typescript.js')).extractTypeScriptProject(sources, cache);
  } catch (error) {
    return sources.map((source) => ({
      ...emptyFacts(source.rel, source.language?.id ?? 'typescript'),
      problems: [{ message: `could not be analysed: ${(error as Error).message}`, location: { file: source.rel, line: 1, column: 1 } }],
    }));
  }
}

/**
 * Facts of one source file, or undefined when its language has no extractor. An extractor that
 * throws on a file it cannot understand yields facts holding that problem, never an exception:
 * one bad file must not stop a scan.
 */
export async function extractSourceFacts(source: SourceText): Promise<SourceFacts | undefined> {
  const language = source.language?.id;
  const extract = language ? EXTRACTORS[language] : undefined;
  if (!extract || !language) return undefined;
  try {
    return await extract(source);
  } catch (error) {
    return {
      ...emptyFacts(source.rel, language),
      problems: [{ message: `could not be analysed: ${(error as Error).message}`, location: { file: source.rel, line: 1, column: 1 } }],
    };
  }
}

export type * from './source-facts.js';
