import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { buildFingerprint } from '../build-fingerprint.js';
import { sealKey, SealedReader, SealedWriter, type SealedEntry } from '../util/cache-seal.js';
import { MAX_TEXT_BYTES } from '../extract/read-text.js';
import { BUILT_IN_OS_LIFECYCLE, BUILT_IN_PRICES, BUILT_IN_RUNTIME_LIFECYCLE } from '../assess/servers/data-files.js';
import type { Assessment } from './assess-portfolio.js';
import type { DiscoveredFile } from '../discover/walk-files.js';
import type { DiscoveredPortfolio } from './discover-portfolio.js';
import { settingsDigest } from './shard-file.js';

const FORMAT = 'cloudready-result-cache-3';
/** Graph nodes or edges serialised at once: the whole assessment at once took 40 MB more at the end of a scan. */
const SLICE = 20_000;

/**
 * The last scan's assessment of a set of roots, kept with a digest of every input it depends on:
 * the tool's build, the configuration and rule packs, the walk's findings, every file's path, size
 * and content, every inventory file. A scan whose digest matches reads the assessment back (its
 * time, baseline and gate are applied afresh) instead of extracting and assessing again: the
 * repeated scans of an unchanged tree (`graph`, `explain`, `waves` without --from, a CI re-run)
 * take the time of reading the files once. Any change, down to one byte, misses.
 */
export class ResultCache {
  private constructor(
    private readonly file: string,
    private readonly digest: string,
    /** The assessment stored under the same digest, if any. */
    readonly stored: Assessment | undefined,
    /** The SHA-256 of each file read for the digest, by absolute path: extraction need not read an unchanged application again. */
    readonly fileHashes: Map<string, string>,
    /** Why an existing cache file was not used (not sealed for this user), if so. */
    readonly note?: string,
  ) {}

  static async open(folder: string, portfolio: DiscoveredPortfolio): Promise<ResultCache> {
    const file = path.join(
      folder,
      `result-${createHash('sha256')
        .update(portfolio.roots.map((root) => root.dir).join('\0'))
        .digest('hex')
        .slice(0, 16)}.bin`,
    );
    const fileHashes = new Map<string, string>();
    const digest = await portfolioDigest(portfolio, fileHashes);
    let stored: Assessment | undefined;
    // Only bytes sealed with this user's key are ever deserialised: a shipped or edited cache cannot forge a result or pass a gate.
    const { reader, note } = await SealedReader.open(file);
    try {
      stored = reader ? decode(reader, digest) : undefined;
    } catch {
      // Damaged: assess afresh.
    } finally {
      reader?.close();
    }
    return new ResultCache(file, digest, stored, fileHashes, note);
  }

  /** Keeps this assessment (serialised at once: the caller may change it after); returns why it could not, if so. */
  async save(assessment: Assessment): Promise<string | undefined> {
    const secret = await sealKey();
    let writer: SealedWriter | undefined;
    try {
      if (!secret) throw Object.assign(new Error('no key to seal it with'), { code: 'NOKEY' });
      writer = SealedWriter.create(this.file, secret);
      const slices = (items: unknown[]) => Math.ceil(items.length / SLICE);
      const { nodes, edges } = assessment.graph;
      const parts = [...encode(assessment)].map((part) => writer!.add(part));
      const index: Index = {
        format: FORMAT,
        digest: this.digest,
        nodeSlices: slices(nodes),
        edgeSlices: slices(edges),
        parts,
      };
      writer.finish(this.file, v8.serialize(index));
      return undefined;
    } catch (error) {
      writer?.abort();
      return `the cache in ${path.dirname(this.file)} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next scan parses every file again`;
    }
  }
}

/** The sealed index of the cache file: what the assessment depends on, and where its parts are. */
interface Index {
  format?: string;
  digest?: string;
  nodeSlices: number;
  edgeSlices: number;
  parts: SealedEntry[];
}

/**
 * The cache file's parts, each serialised on its own: the assessment less its graph, then the
 * graph's nodes and edges a slice at a time (the graph is most of a large portfolio's assessment).
 */
function* encode(assessment: Assessment): Generator<Uint8Array> {
  const { nodes, edges } = assessment.graph;
  yield v8.serialize({ ...assessment, graph: { nodes: [], edges: [] } });
  for (const items of [nodes, edges])
    for (let at = 0; at < items.length; at += SLICE) yield v8.serialize(items.slice(at, at + SLICE));
}

/** The assessment kept under this digest, if the file holds one: after a change, only the index is read. */
function decode(reader: SealedReader, digest: string): Assessment | undefined {
  const index = v8.deserialize(reader.index) as Index;
  if (
    index.format !== FORMAT ||
    index.digest !== digest ||
    index.parts.length !== 1 + index.nodeSlices + index.edgeSlices
  )
    return undefined;
  const read = (entry: SealedEntry) => {
    const bytes = reader.read(entry);
    if (bytes === undefined) throw new RangeError('a part no longer matches its seal');
    return v8.deserialize(bytes);
  };
  const [first, ...slices] = index.parts;
  const assessment = read(first!) as Assessment;
  for (const [at, entry] of slices.entries())
    (at < index.nodeSlices ? assessment.graph.nodes : assessment.graph.edges).push(...read(entry));
  return assessment;
}

/** A hash of everything an assessment of the portfolio depends on; `fileHashes` receives each small file's hash by absolute path. */
export async function portfolioDigest(
  portfolio: DiscoveredPortfolio,
  fileHashes = new Map<string, string>(),
): Promise<string> {
  const hash = createHash('sha256');
  const record = (...parts: unknown[]) =>
    hash.update(`${parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('\0')}\n`);
  record('build', await buildFingerprint());
  record('settings', settingsDigest(portfolio));
  // Where the packs came from shows in the result (rulePacks[].source), not only what they say.
  record(
    'pack files',
    portfolio.packs.map(({ source, file }) => [source, file]),
  );
  record('roots', portfolio.roots);
  record('walk', portfolio.setupDiagnostics);
  // Inventory files are hashed whole with the inventory sources below; text over the analysis limit is skipped by size alone.
  // Read one after the other on this thread: for thousands of small files that beats the thread
  // pool's round trips (warm scan of the 1,000,000-line benchmark tree: 1.5 s of file system calls).
  for (const file of portfolio.files) {
    const content = fileContentKey(file);
    fileHashes.set(file.abs, content);
    record('file', file.rel, file.size, content);
  }
  record(
    'applications',
    portfolio.applications.map(
      ({ id, name, path: folder, detectedBy, detection, manifests, modules, parts, declaredKind, files, shared }) => [
        id,
        name,
        folder,
        detectedBy,
        detection,
        manifests,
        modules,
        parts,
        declaredKind ?? '',
        files.map((file) => file.rel),
        shared.map((file) => file.rel),
      ],
    ),
  );
  record('outside', portfolio.outside);
  const inventories = await Promise.all(portfolio.sources.map((source) => contentHash(source.abs)));
  // Servers are judged against the operating-system table and costed with the price list: data that can change without a build.
  // Runtimes are judged against the support dates of rules/catalogue/runtimes.yaml, data too.
  record('runtime data', await contentHash(BUILT_IN_RUNTIME_LIFECYCLE));
  if (portfolio.sources.length > 0)
    record(
      'server data',
      await contentHash(BUILT_IN_OS_LIFECYCLE),
      await contentHash(BUILT_IN_PRICES),
      portfolio.prices ?? null,
    );
  for (const [index, { abs, file, size, format, columns, explicit }] of portfolio.sources.entries())
    record('inventory', abs, file, size, format ?? '', columns ?? null, explicit, inventories[index]);
  return hash.digest('hex');
}

/** What stands for a file's content in a digest: inventories are hashed whole elsewhere, text over the analysis limit is skipped by size alone. */
export function fileContentKey(file: DiscoveredFile): string {
  return file.kind === 'inventory' ? 'inventory' : file.size > MAX_TEXT_BYTES ? 'too large' : smallFileHash(file.abs);
}

/** SHA-256 of a file of at most MAX_TEXT_BYTES, read at once; a file that cannot be read hashes to its error. */
function smallFileHash(abs: string): string {
  try {
    return createHash('sha256').update(readFileSync(abs)).digest('hex');
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** SHA-256 of a file's bytes, read as a stream (inventories run to hundreds of MiB); a file that cannot be read hashes to its error. */
function contentHash(abs: string): Promise<string> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(abs)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', (error: NodeJS.ErrnoException) => resolve(`unreadable: ${error.code ?? 'error'}`));
  });
}
