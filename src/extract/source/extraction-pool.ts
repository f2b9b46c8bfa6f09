import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalogue } from './catalogue.js';
import type { SourceText } from '../source-text.js';
import type { ExtractRequest } from './extract-request.js';
import { extractSourceFacts, type SourceFacts } from './index.js';
import { grammarReady } from './tree-sitter/grammars.js';

/** Files whose extraction is worth a thread: those parsed with tree-sitter (1-2 MB/s); the line lexers run near reading speed. */
export function isPooled(file: { language?: { grammar?: string } | undefined }): boolean {
  return file.language?.grammar !== undefined;
}
/** Below this many such files, starting workers (and their grammars) costs more than it saves. */
export const MIN_POOLED_FILES = 300;

/** Told how long extracting a file took, and by which extractor (for `scan --profile`). */
export type FileTimer = (file: string, ms: number, by: string) => void;

interface Pending {
  resolve: (facts: SourceFacts | undefined) => void;
  source: SourceText;
}

/**
 * Worker threads that extract source facts in parallel. Results come back in whatever order the
 * workers finish; callers await them in file order, so the result does not depend on timing.
 * A worker that dies is replaced by in-process extraction for what it held.
 */
export class ExtractionPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending>; dead: boolean }[] = [];
  private nextId = 0;
  /** Files the threads extracted (not those taken back in-process when a thread died). */
  extracted = 0;

  private constructor(
    size: number,
    script: URL,
    private readonly timer?: FileTimer,
    catalogues: Catalogue[] = [],
  ) {
    for (let index = 0; index < size; index++) {
      // The threads read with the catalogue this scan reads with (rule packs may extend it).
      const worker = new Worker(script, { workerData: { catalogues } });
      const entry = { worker, pending: new Map<number, Pending>(), dead: false };
      worker.on('message', ({ id, facts, ms }: { id: number; facts: SourceFacts | undefined; ms: number }) => {
        const pending = entry.pending.get(id);
        if (pending) this.timer?.(pending.source.rel, ms, `extractor ${pending.source.language?.id ?? 'source'}`);
        if (pending) this.extracted++;
        pending?.resolve(facts);
        entry.pending.delete(id);
      });
      worker.on('error', () => this.recover(entry));
      worker.on('exit', () => this.recover(entry));
      this.workers.push(entry);
    }
  }

  /** A pool of `size` threads, or none when the compiled worker is not there (running from the TypeScript sources). */
  static create(size: number, timer?: FileTimer, catalogues: Catalogue[] = []): ExtractionPool | undefined {
    const script = new URL('./extract-worker.js', import.meta.url);
    if (size < 1 || !fs.existsSync(fileURLToPath(script))) return undefined;
    return new ExtractionPool(size, script, timer, catalogues);
  }

  extract(source: SourceText): Promise<SourceFacts | undefined> {
    const alive = this.workers.filter((candidate) => !candidate.dead);
    if (!isPooled(source) || alive.length === 0) return timedExtraction(source, this.timer);
    const entry = alive.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = this.nextId++;
    return new Promise((resolve) => {
      entry.pending.set(id, { resolve, source });
      const request: ExtractRequest = {
        id,
        rel: source.rel,
        appRel: source.appRel,
        language: source.language!.id,
        text: source.text,
      };
      entry.worker.postMessage(request);
    });
  }

  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private recover(entry: { pending: Map<number, Pending>; dead: boolean }): void {
    entry.dead = true;
    for (const { resolve, source } of entry.pending.values()) void extractSourceFacts(source).then(resolve);
    entry.pending.clear();
  }
}

/** Extracts a file on this thread, telling the timer how long it took. */
export function timedExtraction(source: SourceText, timer?: FileTimer): Promise<SourceFacts | undefined> {
  if (!timer) return extractSourceFacts(source);
  return oneAtATime(async () => {
    await grammarReady(source.language).catch(() => undefined);
    const started = performance.now();
    const facts = await extractSourceFacts(source);
    timer(source.rel, performance.now() - started, `extractor ${source.language?.id ?? 'source'}`);
    return facts;
  });
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Runs timed extractions one after the other: started together, their awaits would interleave
 * and each file's time would hold the others' work.
 */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const next = running.then(task, task);
  running = next.catch(() => undefined);
  return next;
}
