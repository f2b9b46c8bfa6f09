import { parentPort, workerData } from 'node:worker_threads';
import { languageById } from '../../languages/registry.js';
import { deferredSourceText } from '../source-text.js';
import { extractSourceFacts } from './index.js';
import { oneAtATime } from './extraction-pool.js';
import { useCatalogues, type Catalogue } from './catalogue.js';
import type { ExtractRequest } from './extract-request.js';
import { grammarReady } from './tree-sitter/grammars.js';

/** A worker thread of the extraction pool: one file in, its facts out (extract/source/extraction-pool.ts). */

useCatalogues((workerData as { catalogues?: Catalogue[] } | null)?.catalogues ?? []);

parentPort?.on('message', (request: ExtractRequest) => {
  // One file at a time, after its grammar has loaded (once per thread): the time sent back is the file's own.
  void oneAtATime(async () => {
    const language = languageById(request.language);
    await grammarReady(language).catch(() => undefined);
    const started = performance.now();
    const facts = await extractSourceFacts(deferredSourceText(request.rel, request.text, language, request.appRel));
    parentPort!.postMessage({ id: request.id, facts, ms: performance.now() - started });
  });
});
