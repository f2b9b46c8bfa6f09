import { createRequire } from 'node:module';
import type LouvainModule from 'graphology-communities-louvain';
import type ModularityModule from 'graphology-metrics/graph/modularity.js';
import type HeapModule from 'mnemonist/heap.js';

// CommonJS modules whose default export TypeScript's NodeNext interop does not see.
const require = createRequire(import.meta.url);
export const louvain = require('graphology-communities-louvain') as (typeof LouvainModule)['default'];
export const modularity = require('graphology-metrics/graph/modularity') as (typeof ModularityModule)['default'];
/** A binary heap whose comparator puts first what sorts first. */
export const Heap = require('mnemonist/heap') as typeof HeapModule.default;
