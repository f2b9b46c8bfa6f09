import type { DiscoveredApplication } from '../discover/find-applications.js';
import { languageFromShebang } from '../languages/registry.js';
import type { DiscoveredFile } from '../discover/walk-files.js';
import { originOfPath, originOfText } from '../discover/origin.js';
import type { Diagnostic } from '../result/schema.js';
import { configFormatOf } from './config/config-entries.js';
import { collectEndpointsAndSecrets } from './config/config-facts.js';
import { dropDeclaredNames } from './config/declared-names.js';
import { settleDevScriptFolders } from './dev-script-folders.js';
import { collectDeliveryFacts } from './config/delivery-facts.js';
import { applicationKind } from './application-kind.js';
import type { AppFile, ApplicationFacts } from './application-facts-types.js';
import { readConfig } from './config/read-config.js';
import { secretsInCode } from './config/secrets.js';
import { manifestExtractorFor } from './manifests/index.js';
import { extractContentFacts, extractProjectFacts, isProjectLanguage, type SourceFacts } from './source/index.js';
import { inlineIgnoresIn } from './inline-ignores.js';
import { readText } from './read-text.js';
import { analyseText, textDigest, type SourceText } from './source-text.js';
import type { FactStore } from './fact-cache.js';
import { timedExtraction, type ExtractionPool, type FileTimer } from './source/extraction-pool.js';

export type { AppFile, ApplicationFacts, KindVerdict, TextFile } from './application-facts-types.js';

const TEXT_KINDS = new Set<DiscoveredFile['kind']>(['source', 'manifest', 'config', 'descriptor', 'other']);
/** PEM files and SSH keys: a private key, a certificate or a public key, as their text says. */
const KEY_MATERIAL = /\.pem$|(^|\/)id_(rsa|ecdsa|ed25519)$/i;
/** Documents worth opening: scheduler listings are exported as text reports. */
const REPORT_FILE = /\.(txt|lst|rpt|ca7)$/i;

/** The files an application's facts are read from: text kinds, reports that may be scheduler exports, small unknown files. */
export function filesToRead<T extends { file: Pick<DiscoveredFile, 'kind' | 'rootRel' | 'size'> }>(files: T[]): T[] {
  return files.filter(
    ({ file }) =>
      (TEXT_KINDS.has(file.kind) ||
        (file.kind === 'doc' && REPORT_FILE.test(file.rootRel) && file.size < 4 * 1024 * 1024)) &&
      !(file.kind === 'other' && file.size > 256 * 1024),
  );
}

/** `onFiles` is told of files whose facts are in (read, and parsed where they are parsed), for the progress line. */
export async function extractApplicationFacts(
  app: DiscoveredApplication,
  diagnostics: Diagnostic[],
  cache?: FactStore,
  pool?: ExtractionPool,
  timer?: FileTimer,
  onFiles: (count: number) => void = () => {},
): Promise<ApplicationFacts> {
  const prefix = app.rootRel ? `${app.rootRel}/` : '';
  const files = app.files.map((file): AppFile => {
    const appRel = file.rootRel.slice(prefix.length);
    // From the scanned root down: an application found inside tests/ or samples/ is test or sample code throughout.
    return { file, appRel, origin: file.declaredOrigin ?? originOfPath(file.rootRel) };
  });
  const facts: ApplicationFacts = {
    app,
    files,
    texts: [],
    manifests: [],
    sources: [],
    configs: [],
    endpoints: [],
    secrets: [],
    delivery: { ci: [], tests: [], container: [], iac: [], 'health-check': [] },
    inlineIgnores: [],
    languages: {},
    loc: 0,
    skipped: 0,
    kind: { kind: 'service', reason: '' },
  };

  const projectSources: SourceText[] = [];
  // Facts in file order, whichever thread extracted them first: the result must not depend on timing.
  const slots: Promise<SourceFacts | undefined>[] = [];
  // A parsed file counts once its facts are in (a thread may still be parsing it after it was read).
  const settled = (slot: Promise<SourceFacts | undefined>) => {
    slots.push(slot);
    slot.then(
      () => onFiles(1),
      () => onFiles(1),
    );
  };
  // Unknown files (kind "other") are read only when small: they may be extensionless scripts.
  const wanted = filesToRead(files);
  for (const appFile of wanted) {
    const { file } = appFile;
    const read = await readText(file.abs, file.rel, file.size);
    if (!read.ok) {
      onFiles(1);
      if (file.kind !== 'other') {
        diagnostics.push(read.diagnostic);
        facts.skipped++;
      }
      continue;
    }
    if (read.note) diagnostics.push(read.note);
    appFile.origin = originOfText(appFile.origin, appFile.appRel, read.text);
    const language =
      file.language ?? (file.kind === 'other' ? languageFromShebang(read.text.slice(0, 200)) : undefined);
    const source = analyseText(file.rel, read.text, language, appFile.appRel);
    if (file.kind === 'other' && !language && KEY_MATERIAL.test(file.rootRel)) {
      // Key files are read only so that rules can tell a private key from a certificate or a public key.
      facts.texts.push({ ...appFile, source });
      onFiles(1);
      continue;
    }
    if (file.kind === 'doc' || (file.kind === 'other' && !language)) {
      // A document or a file of no known kind matters only when it is a scheduler export
      // (Control-M, AutoSys JIL, CA 7, a Windows task), whatever it is called; anything else is prose or data.
      const report = await extractContentFacts(source);
      if (report) {
        facts.texts.push({ ...appFile, source });
        slots.push(Promise.resolve(report));
      }
      onFiles(1);
      continue;
    }
    facts.texts.push({ ...appFile, source });
    if (language) {
      // Copied libraries and generated code are not the application's own lines (nor its effort).
      if (appFile.origin !== 'vendored' && appFile.origin !== 'generated') {
        facts.languages[language.id] = (facts.languages[language.id] ?? 0) + source.loc;
        facts.loc += source.loc;
      }
      if (isProjectLanguage(language.id)) projectSources.push(source);
      else
        settled(
          cached(cache, sourceKey(cache, source), () => (pool ? pool.extract(source) : timedExtraction(source, timer))),
        );
    } else {
      settled(extractContentFacts(source));
      const format = configFormatOf(file.rootRel);
      if (format && (file.kind === 'config' || file.kind === 'descriptor')) {
        const config = readConfig(file.rel, format, read.text);
        facts.configs.push(config);
        // Configuration that does not parse is a warning: the scan reads what it can. A template
        // (Helm, Jinja: `{{ }}`) is not meant to parse before rendering: noted, not warned about.
        const template = /\{\{[\s\S]*?\}\}|\{%/.test(read.text);
        for (const problem of config.problems) {
          diagnostics.push({
            level: template ? 'info' : 'warning',
            code: template ? 'template' : 'parse-error',
            file: problem.location.file,
            line: problem.location.line,
            message: template ? `template not read before rendering: ${problem.message}` : problem.message,
          });
        }
      }
    }
    const extractManifest = file.kind === 'manifest' ? manifestExtractorFor(file.rootRel) : undefined;
    if (extractManifest) {
      const manifest = extractManifest(read.text, file.rel);
      diagnostics.push(...manifest.diagnostics);
      facts.manifests.push(manifest);
    }
  }
  for (const slot of slots) addSourceFacts(facts, await slot, diagnostics);
  // Names resolve across a project's files: the extractor keeps each file's facts by its text and the project's exports.
  for (const sourceFacts of await extractProjectFacts(projectSources, cache))
    addSourceFacts(facts, sourceFacts, diagnostics);
  onFiles(projectSources.length);
  const tooling = settleDevScriptFolders(facts.files, facts.sources);
  if (tooling.size > 0) for (const text of facts.texts) if (tooling.has(text.file.rel)) text.origin = 'build';
  facts.sources = dropDeclaredNames(facts.sources, facts.configs);
  Object.assign(facts, collectEndpointsAndSecrets(facts.configs, facts.sources));
  for (const { source } of facts.texts) {
    if (source.language)
      for (const secret of secretsInCode(source.masked)) facts.secrets.push({ ...secret, file: source.rel });
    facts.inlineIgnores.push(...inlineIgnoresIn(source));
  }
  facts.delivery = collectDeliveryFacts(
    // The repository's own CI and test folders outside the application build and test it too.
    [
      ...files.map(({ appRel, file }) => ({ appRel, rel: file.rel })),
      ...app.shared.map((file) => ({ appRel: file.rootRel, rel: file.rel })),
    ],
    facts.texts
      .filter(({ file }) => file.kind === 'descriptor')
      .map(({ source }) => ({ rel: source.rel, text: source.text })),
    facts.manifests,
    facts.configs,
    facts.sources,
  );
  facts.kind = applicationKind(facts);
  return facts;
}

/** What a file's facts depend on: its path inside and outside the application, its language and its text. */
function sourceKey(cache: FactStore | undefined, source: SourceText): string | undefined {
  return cache?.key(source.rel, source.appRel, source.language?.id ?? '', textDigest(source));
}

/** The value kept under `key`, else computed and kept. `null` stands for "no facts" (a file without an extractor). */
async function cached<T>(cache: FactStore | undefined, key: string | undefined, compute: () => Promise<T>): Promise<T> {
  if (!cache || !key) return compute();
  const kept = cache.get<T | null>(key);
  if (kept !== undefined) return (kept ?? undefined) as T;
  const value = await compute();
  cache.set(key, value ?? null);
  return value;
}

function addSourceFacts(facts: ApplicationFacts, sourceFacts: SourceFacts | undefined, diagnostics: Diagnostic[]) {
  if (!sourceFacts) return;
  facts.sources.push(sourceFacts);
  for (const problem of sourceFacts.problems) {
    diagnostics.push({
      level: 'warning',
      code: 'parse-error',
      file: problem.location.file,
      line: problem.location.line,
      message: `${problem.message} (column ${problem.location.column}); the rest of the file was analysed`,
    });
  }
}
