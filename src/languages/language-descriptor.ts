import type { FactStore } from '../extract/fact-cache.js';
import type { SourceFacts } from '../extract/source/source-facts.js';
import type { SourceText } from '../extract/source-text.js';
import type { LanguageInfo } from './language-info.js';

/** Reads one file of the language. */
export type FileExtractor = (source: SourceText) => SourceFacts | Promise<SourceFacts>;
/** Reads all of an application's files of the language together, because their names resolve across files. */
export type ProjectExtractor = (sources: SourceText[], cache?: FactStore) => Promise<SourceFacts[]>;

/** The sections of the API catalogue (rules/catalogue/platform-apis.yaml) an extractor looks names up in. */
export type CatalogueSection = 'constructors' | 'calls' | 'methods' | 'types';

/**
 * What cloudready reads of a language beyond its lines and the text rules. Extractors are named
 * by a lazy import, so that discovery, reports and `cloudready rules` load no parser, and a scan
 * of a COBOL estate never loads the Java one.
 */
export interface LanguageAnalysis {
  /** Extracts one file at a time (in worker threads when the language has a grammar). */
  extractor?: () => Promise<FileExtractor>;
  /** Extracts an application's files together; languages that share one are read together. */
  project?: () => Promise<ProjectExtractor>;
  /** The extractor reports entry points (main, routes, listeners): only where all do can finding none mean a library. */
  entryPoints?: boolean;
  /**
   * Files declare the namespace their units live in (Java packages, C# and PHP namespaces), so a
   * namespace the application declares is its own code, whatever its name starts like. Where
   * namespaces come from paths (Python, Go, TypeScript) they say nothing of the kind.
   */
  declaresNamespaces?: boolean;
  /** The catalogue table its extractor reads (`apis.<name>`; TypeScript reads JavaScript's) and which sections. */
  catalogue?: { name: string; sections: readonly CatalogueSection[] };
}

/** One language: a file of its own in src/languages/, collected by the generated index. */
export interface LanguageDescriptor extends LanguageInfo {
  /** Interpreters named on the `#!` line of an extensionless script in this language. */
  shebang?: RegExp;
  analysis?: LanguageAnalysis;
}
