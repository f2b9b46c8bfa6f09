import type { SourceText } from '../source-text.js';
import { extractAutosys, AUTOSYS_JIL } from './autosys.js';
import { CA7_LISTING, extractCa7 } from './ca7.js';
import { CONTROL_M_XML, extractControlM } from './control-m.js';
import { CONTROL_M_JSON, extractControlMJson } from './control-m-json.js';
import { extractMyBatis } from './mybatis.js';
import { extractOrmMappings, ORM_MAPPINGS } from './orm-mappings.js';
import { extractXmlEntryPoints, XML_ENTRY_POINTS } from './xml-entry-points.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import type { FactStore } from '../fact-cache.js';
import { analysisOf } from '../../languages/registry.js';
import type { FileExtractor, ProjectExtractor } from '../../languages/language-descriptor.js';
import { extractWindowsTask, WINDOWS_TASK_XML } from './windows-task.js';

/**
 * Files recognised by what they hold rather than by name: scheduler exports are saved as .xml,
 * .json, .txt, .jil or with no extension at all, so only their content tells. SQL mappers, JPA and
 * Hibernate mappings, and the descriptors that declare servlets, Struts actions and Spring MVC
 * controllers are XML.
 */
const CONTENT_EXTRACTORS: { test: (rel: string, text: string) => boolean; extract: FileExtractor }[] = [
  { test: (_, text) => CONTROL_M_XML.test(text), extract: extractControlM },
  { test: (_, text) => CONTROL_M_JSON.test(text) && /^\s*[{[]/.test(text), extract: extractControlMJson },
  { test: (_, text) => AUTOSYS_JIL.test(text), extract: extractAutosys },
  { test: (_, text) => WINDOWS_TASK_XML.test(text), extract: extractWindowsTask },
  { test: (_, text) => CA7_LISTING.test(text), extract: extractCa7 },
  {
    test: (rel, text) => /\.xml$/i.test(rel) && /<(mapper|sqlMap)\b[^>]*\bnamespace\s*=/.test(text),
    extract: extractMyBatis,
  },
  { test: (rel, text) => /\.xml$/i.test(rel) && ORM_MAPPINGS.test(text), extract: extractOrmMappings },
  { test: (rel, text) => /\.xml$/i.test(rel) && XML_ENTRY_POINTS.test(text), extract: extractXmlEntryPoints },
];

/** Facts of a configuration or document file that holds job definitions or SQL mappings, else undefined. */
export async function extractContentFacts(source: SourceText): Promise<SourceFacts | undefined> {
  const extractor = CONTENT_EXTRACTORS.find(({ test }) => test(source.rel, source.text));
  return extractor ? extractor.extract(source) : undefined;
}

/** Whether a language is read per application rather than per file, because its names resolve across files. */
export function isProjectLanguage(language: string): boolean {
  return analysisOf(language)?.project !== undefined;
}

/** Whether a language yields source facts (units, references ...) beyond lines of code and text rules. */
export function hasFactExtractor(language: string): boolean {
  const analysis = analysisOf(language);
  return analysis?.extractor !== undefined || analysis?.project !== undefined;
}

/**
 * Facts of an application's files in languages read as a project (TypeScript and JavaScript read
 * together), kept file by file in the cache if given.
 */
export async function extractProjectFacts(sources: SourceText[], cache?: FactStore): Promise<SourceFacts[]> {
  const projects = new Map<() => Promise<ProjectExtractor>, SourceText[]>();
  for (const source of sources) {
    const load = source.language && analysisOf(source.language.id)?.project;
    if (load) projects.set(load, [...(projects.get(load) ?? []), source]);
  }
  const facts: SourceFacts[] = [];
  for (const [load, project] of projects) {
    try {
      facts.push(...(await (await load())(project, cache)));
    } catch (error) {
      facts.push(...project.map((source) => unreadable(source, error)));
    }
  }
  return facts;
}

/**
 * Facts of one source file, or undefined when its language has no extractor. An extractor that
 * throws on a file it cannot understand yields facts holding that problem, never an exception:
 * one bad file must not stop a scan.
 */
export async function extractSourceFacts(source: SourceText): Promise<SourceFacts | undefined> {
  const load = source.language && analysisOf(source.language.id)?.extractor;
  if (!load) return undefined;
  try {
    return await (
      await load()
    )(source);
  } catch (error) {
    return unreadable(source, error);
  }
}

function unreadable(source: SourceText, error: unknown): SourceFacts {
  return {
    ...emptyFacts(source.rel, source.language?.id ?? 'unknown'),
    problems: [
      {
        message: `could not be analysed: ${(error as Error).message}`,
        location: { file: source.rel, line: 1, column: 1 },
      },
    ],
  };
}

export type * from './source-facts.js';
