import { parentPort } from 'node:worker_threads';
import { languageById } from '../../discover/languages.js';
import { deferredSourceText } from '../source-text.js';
import { extractSourceFacts } from './index.js';

/** A worker thread of the extraction pool: one file in, its facts out (extract/source/extraction-pool.ts). */
export interface ExtractRequest {
  id: number;
  rel: string;
  appRel: string;
  language: string;
  text: string;
}

parentPort?.on('message', (request: ExtractRequest) => {
  void extractSourceFacts(deferredSourceText(request.rel, request.text, languageById(request.language), request.appRel)).then((facts) => parentPort!.postMessage({ id: request.id, facts }));
});
