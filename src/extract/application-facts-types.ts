import type { DiscoveredApplication } from '../discover/find-applications.js';
import type { ApplicationKind } from '../discover/unit-kind.js';
import type { DiscoveredFile } from '../discover/walk-files.js';
import type { Origin } from '../discover/origin.js';
import type { Evidence } from '../result/schema.js';
import type { ConfigFile } from './config/config-entries.js';
import type { EndpointFact, SecretFact } from './config/config-facts.js';
import type { DeliveryFacts } from './config/delivery-facts.js';
import type { ManifestFacts } from './manifests/index.js';
import type { SourceFacts } from './source/index.js';
import type { InlineIgnore } from './inline-ignores.js';
import type { SourceText } from './source-text.js';

/** What an application's facts are (a module of its own: the extractors that read them need not import the extraction). */
export interface KindVerdict {
  kind: ApplicationKind;
  /** The fact that decided, in words. */
  reason: string;
}

export interface AppFile {
  file: DiscoveredFile;
  /** Path relative to the application folder: what rule globs match against. */
  appRel: string;
  /** Production, test, vendored ...: from the path, refined by the head of the text once read. */
  origin: Origin;
}

export interface TextFile extends AppFile {
  source: SourceText;
}

/** Everything known about one application, for rules, scoring and the graph. */
export interface ApplicationFacts {
  app: DiscoveredApplication;
  files: AppFile[];
  /**
   * Source, manifest, config and descriptor files that could be read as text; emptied once the
   * rules' file conditions have been evaluated on them (pipeline/gather-facts.ts), so that a
   * portfolio's texts are never all held at once.
   */
  texts: TextFile[];
  /** What each file-scoped condition of the enabled rules found, by condition key, once evaluated where the texts were read. */
  conditionHits?: Map<string, { matched: boolean; evidence: Evidence[] }>;
  /** Lines of dropped texts that evidence may show (cited lines with their context), as outputs show them: secrets masked. */
  shownLines?: Map<string, Map<number, string>>;
  /** `cloudready-ignore` comments, read with the texts. */
  inlineIgnores: InlineIgnore[];
  manifests: ManifestFacts[];
  /**
   * Units, references, data access ... of each source file whose language has an extractor;
   * emptied, like the texts, once the file conditions have been evaluated and the unit-level
   * subgraph made from them.
   */
  sources: SourceFacts[];
  /** The unit-level subgraph as the model adds it (model/unit-graph.ts), made before the sources were emptied. */
  unitGraph?: {
    names: string[];
    nodes: { kind: string; label: string; [key: string]: string | number | boolean }[];
    steps: number[];
  };
  /** Entry points over all source files, counted before they were emptied. */
  entryPointCount?: number;
  /** Configuration files flattened to key/value entries. */
  configs: ConfigFile[];
  /** Datastores and services the application connects to, from configuration and code. */
  endpoints: EndpointFact[];
  /** Secrets in configuration: key, kind and place, never the value. */
  secrets: SecretFact[];
  /** CI, tests, container image, infrastructure as code, health checks: where each shows. */
  delivery: DeliveryFacts;
  /** Lines of code per language id. */
  languages: Record<string, number>;
  loc: number;
  /** Files that could not be analysed (binary, too large, unreadable). */
  skipped: number;
  /** Service, web, batch, mainframe, desktop or library, and the fact that decided. */
  kind: KindVerdict;
}
