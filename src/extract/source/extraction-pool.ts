import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceText } from '../source-text.js';
import type { ExtractRequest } from './extract-worker.js';
import { extractSourceFacts, type SourceFacts } from './index.js';

/** Languages whose extraction is worth a thread: tree-sitter parses at 1-2 MB/s; the line lexers run near reading speed. */
export const POOLED_LANGUAGES = new Set(['java', 'csharp', 'python', 'go', 'php']);
/** Below this many such files, starting workers (and their grammars) costs more than it saves. */
export const MIN_POOLED_FILES = 300;

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

  private constructor(size: number, script: URL) {
    for (let index = 0; index < size; index++) {
      const worker = new Worker(script);
      const entry = { worker, pending: new Map<number, Pending>(), dead: false };
      worker.on('message', ({ id, facts }: { id: number; facts: SourceFacts | undefined }) => {
        entry.pending.get(id)?.resolve(facts);
        entry.pending.delete(id);
      });
      worker.on('error', () => this.recover(entry));
      worker.on('exit', () => this.recover(entry));
      this.workers.push(entry);
    }
  }

  /** A pool of `size` threads, or none when the compiled worker is not there (running from the TypeScript sources). */
  static create(size: number): ExtractionPool | undefined {
    const script = new URL('./extract-worker.js', import.meta.url);
    if (size < 1 || !fs.existsSync(fileURLToPath(script))) return undefined;
    return new ExtractionPool(size, script);
  }

  extract(source: SourceText): Promise<SourceFacts | undefined> {
    const alive = this.workers.filter((candidate) => !candidate.dead);
    if (!source.language || !POOLED_LANGUAGES.has(source.language.id) || alive.length === 0) return extractSourceFacts(source);
    const entry = alive.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = this.nextId++;
    return new Promise((resolve) => {
      entry.pending.set(id, { resolve, source });
      const request: ExtractRequest = { id, rel: source.rel, appRel: source.appRel, language: source.language!.id, text: source.text };
      entry.worker.postMessage(request);
    });
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
