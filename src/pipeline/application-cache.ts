import type { DiscoveredApplication } from '../discover/find-applications.js';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { FactCache, FactStore } from '../extract/fact-cache.js';
import type { Diagnostic } from '../result/schema.js';
import type { GatheredApplication } from './gathered-facts.js';
import { fileContentKey } from './result-cache.js';

/** The fact cache as one application's reading used it. */
interface RecordingStore extends FactStore {
  used: string[];
}

/** What is kept of an application: its facts as the assess stage takes them, less what discovery gives again. */
interface KeptApplication {
  /** As the assess stage takes them: texts and sources dropped, the unit-level subgraph made. */
  facts: Omit<ApplicationFacts, 'app' | 'files'>;
  /** Each file's origin and path inside the application, in the order of the application's files. */
  files: [appRel: string, origin: ApplicationFacts['files'][number]['origin']][];
  diagnostics: Diagnostic[];
  /** The entries of its files (facts, text conditions' lines), kept unread for the scan after one of them changes. */
  entries: string[];
}

/**
 * An application whose every input is what a scan that kept it saw: the same files with the same
 * bytes, the same place in the portfolio, the same settings and rule packs, the same build of
 * cloudready (the fact cache's own salt). Its facts, what its file conditions found and the lines
 * its evidence shows are read back whole, without reading its files again: after a small change,
 * only the applications it touched are read (the 1,000,000-line benchmark tree after 1 % changed:
 * see docs/performance.md). An application is kept only when its result does not depend on time:
 * not when a rule ran out of its time budget on one of its files.
 */
export class ApplicationCache {
  /** Applications read back this run, for the profile. */
  reused = 0;

  constructor(
    private readonly cache: FactCache,
    /** Digest of the configuration and the rule packs (with their catalogue). */
    private readonly settings: string,
    /** Files' SHA-256 read earlier in this scan (the result cache's digest), by absolute path. */
    private readonly hashes: Map<string, string> = new Map(),
  ) {}

  key(app: DiscoveredApplication): string {
    const file = (each: DiscoveredApplication['files'][number]) => [
      each.rel,
      each.rootRel,
      each.abs,
      each.size,
      each.kind,
      each.language?.id ?? '',
      each.declaredOrigin ?? '',
      each.devScriptFolder ?? '',
    ];
    const { id, name, root, rootRel, path, detectedBy, detection, manifests, modules, parts, declaredKind } = app;
    const record = JSON.stringify([
      id,
      name,
      root,
      rootRel,
      path,
      detectedBy,
      detection,
      manifests,
      modules,
      parts,
      declaredKind ?? '',
      app.files.map(file),
      app.shared.map(file),
    ]);
    return this.cache.key('application', this.settings, record, ...app.files.map((each) => this.hashOf(each)));
  }

  /** Whether a scan kept the application under this key. */
  has(key: string): boolean {
    return this.cache.has(key);
  }

  /**
   * How many of the application's files that pass the test are not as the scan that last kept it
   * saw them (all of them when none did): the files this scan will parse, about. Worker threads
   * are started only when there are enough (extraction-pool.ts); a small change parses in-thread.
   */
  changedFiles(app: DiscoveredApplication, test: (file: DiscoveredApplication['files'][number]) => boolean): number {
    const seen = this.cache.get<Map<string, string>>(this.filesKey(app));
    return app.files.filter((file) => test(file) && seen?.get(file.rel) !== this.hashOf(file)).length;
  }

  /** The application as a scan kept it, if one did; its files' entries are kept for the next scan. */
  reuse(key: string, app: DiscoveredApplication): GatheredApplication | undefined {
    const kept = this.cache.get<KeptApplication>(key);
    if (!kept || kept.files.length !== app.files.length) return undefined;
    this.cache.has(this.filesKey(app));
    for (const entry of kept.entries) this.cache.has(entry);
    this.reused++;
    const files = app.files.map((file, at) => ({ file, appRel: kept.files[at]![0], origin: kept.files[at]![1] }));
    return { facts: { ...kept.facts, app, files }, diagnostics: kept.diagnostics };
  }

  /** Keeps a freshly read application (after its file conditions, texts and sources dropped) with the entries its files used. */
  keep(key: string, { facts, diagnostics }: GatheredApplication, store: RecordingStore): void {
    if (diagnostics.some((diagnostic) => diagnostic.code === 'rule-budget')) return;
    const { app: _app, files, ...rest } = facts;
    const kept: KeptApplication = {
      facts: rest,
      files: files.map(({ appRel, origin }) => [appRel, origin]),
      diagnostics,
      entries: [...new Set(store.used)],
    };
    this.cache.set(key, kept);
    this.cache.set(this.filesKey(facts.app), new Map(facts.app.files.map((file) => [file.rel, this.hashOf(file)])));
  }

  /** Where the hashes of the files an application had when last kept are, by its id. */
  private filesKey(app: DiscoveredApplication): string {
    return this.cache.key('application files', this.settings, app.root.dir, app.id);
  }

  private hashOf(file: DiscoveredApplication['files'][number]): string {
    let hash = this.hashes.get(file.abs);
    if (hash === undefined) this.hashes.set(file.abs, (hash = fileContentKey(file)));
    return hash;
  }

  /** A view of the fact cache that notes every entry an application's reading uses. */
  recording(): RecordingStore {
    const { cache } = this;
    const used: string[] = [];
    return {
      used,
      key: (...parts) => cache.key(...parts),
      get: <T>(key: string) => {
        used.push(key);
        return cache.get<T>(key);
      },
      set: (key, value) => {
        used.push(key);
        cache.set(key, value);
      },
    };
  }
}
