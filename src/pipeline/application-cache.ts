import type { DiscoveredApplication } from '../discover/find-applications.js';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { FactCache, FactStore } from '../extract/fact-cache.js';
import type { SourceFacts } from '../extract/source/source-facts.js';
import type { Diagnostic } from '../result/schema.js';
import type { GatheredApplication } from './gather-facts.js';
import { fileContentKey } from './result-cache.js';

/** The fact cache as one application's reading used it. */
interface RecordingStore extends FactStore {
  used: string[];
  keyOf: WeakMap<object, string>;
}

/** What is kept of an application: its facts as the assess stage takes them, less what discovery gives again. */
interface KeptApplication {
  facts: Omit<ApplicationFacts, 'app' | 'files' | 'sources'>;
  /** Each file's facts: the key of its own entry (not kept twice), or the facts themselves when they have none. */
  sources: (string | SourceFacts)[];
  /** Each file's origin and path inside the application, in the order of the application's files. */
  files: [appRel: string, origin: ApplicationFacts['files'][number]['origin']][];
  diagnostics: Diagnostic[];
  /** The entries of its files (facts, text conditions' lines), kept for the scan after one of them changes. */
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
    const file = (each: DiscoveredApplication['files'][number]) => [each.rel, each.rootRel, each.abs, each.size, each.kind, each.language?.id ?? '', each.declaredOrigin ?? '', each.devScriptFolder ?? ''];
    const { id, name, root, rootRel, path, detectedBy, detection, manifests, modules, parts, declaredKind } = app;
    const record = JSON.stringify([id, name, root, rootRel, path, detectedBy, detection, manifests, modules, parts, declaredKind ?? '', app.files.map(file), app.shared.map(file)]);
    return this.cache.key('application', this.settings, record, ...app.files.map((each) => this.hashes.get(each.abs) ?? fileContentKey(each)));
  }

  /** The application as a scan kept it, if one did; its files' entries are kept for the next scan. */
  reuse(key: string, app: DiscoveredApplication): GatheredApplication | undefined {
    const kept = this.cache.get<KeptApplication>(key);
    if (!kept || kept.files.length !== app.files.length) return undefined;
    const sources: SourceFacts[] = [];
    for (const source of kept.sources) {
      const facts = typeof source === 'string' ? this.cache.get<SourceFacts | null>(source) : source;
      // An entry gone (a cache written by a scan of another shard): read the application again.
      if (!facts) return undefined;
      sources.push(facts);
    }
    for (const entry of kept.entries) this.cache.has(entry);
    this.reused++;
    const files = app.files.map((file, at) => ({ file, appRel: kept.files[at]![0], origin: kept.files[at]![1] }));
    return { facts: { ...kept.facts, app, files, sources }, diagnostics: kept.diagnostics };
  }

  /** Keeps a freshly read application (after its file conditions, texts dropped) with the entries its files used. */
  keep(key: string, { facts, diagnostics }: GatheredApplication, store: RecordingStore): void {
    if (diagnostics.some((diagnostic) => diagnostic.code === 'rule-budget')) return;
    const { app: _app, files, sources, ...rest } = facts;
    const kept: KeptApplication = {
      facts: rest,
      sources: sources.map((source) => store.keyOf.get(source) ?? source),
      files: files.map(({ appRel, origin }) => [appRel, origin]),
      diagnostics,
      entries: [...new Set(store.used)],
    };
    this.cache.set(key, kept);
  }

  /** A view of the fact cache that notes every entry an application's reading uses, and which entry each value is. */
  recording(): RecordingStore {
    const { cache } = this;
    const used: string[] = [];
    const keyOf = new WeakMap<object, string>();
    return {
      used,
      keyOf,
      key: (...parts) => cache.key(...parts),
      get: <T>(key: string) => {
        used.push(key);
        const value = cache.get<T>(key);
        if (typeof value === 'object' && value !== null) keyOf.set(value, key);
        return value;
      },
      set: (key, value) => {
        used.push(key);
        if (typeof value === 'object' && value !== null) keyOf.set(value, key);
        cache.set(key, value);
      },
    };
  }
}
