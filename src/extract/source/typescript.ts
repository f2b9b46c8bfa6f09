import { createRequire } from 'node:module';
import type TS from 'typescript';
import { textDigest, type SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import { indexModules, moduleId, shapeOf, type ModuleShape, type Ts } from './typescript-modules.js';
import type { FactStore } from '../fact-cache.js';
import { FileWalker } from './typescript-walker.js';

/** Characters of text whose syntax trees are kept between the two passes over a project. */
const KEPT_TREES_CHARS = 8 * 2 ** 20;

/**
 * The compiler, loaded on first use only, with require: importing its 9 MB of CommonJS as a module
 * made Node scan it for named exports first (0.5 s of CPU, half of it in module-format detection).
 */
let compiler: Ts | undefined;
function loadTypeScript(): Ts {
  return (compiler ??= createRequire(import.meta.url)('typescript') as Ts);
}

/**
 * TypeScript and JavaScript of one application, parsed with the TypeScript compiler's parser (no
 * type checker, no program): each file once, its names resolved across files through imports,
 * re-exports and declared or constructed types. A type checker resolved more (inferred types),
 * but cost 25-30 times as much on large trees (docs/performance.md).
 *
 * With a cache, a file's facts are kept by its text and the shapes of all the application's
 * modules: editing a function body re-reads one file, while a changed export re-reads them all.
 */
export async function extractTypeScriptProject(
  sources: SourceText[],
  cache?: FactStore,
  keptTreesChars = KEPT_TREES_CHARS,
): Promise<SourceFacts[]> {
  if (sources.length === 0) return [];
  const ts = loadTypeScript();
  // Syntax trees kept from the first pass (each file's shape) for the second (its facts), up to a
  // budget: a tree takes some twenty times its text, and a project with 24 MB of bundled scripts
  // (Orchard) held 1 GiB. A file past the budget is parsed again when its turn comes.
  const parsed = new Map<SourceText, TS.SourceFile>();
  let keptChars = 0;
  const parse = (source: SourceText, keep: boolean) => {
    let file = parsed.get(source);
    if (!file) {
      file = ts.createSourceFile(
        `/app/${source.appRel}`,
        source.text,
        ts.ScriptTarget.Latest,
        true,
        scriptKind(ts, source.appRel),
      );
      if (keep && keptChars + source.text.length <= keptTreesChars) {
        parsed.set(source, file);
        keptChars += source.text.length;
      }
    }
    return file;
  };
  const textKeys = new Map(
    sources.map((source) => [
      source,
      cache?.key('typescript', source.rel, source.appRel, source.language?.id ?? '', textDigest(source)),
    ]),
  );
  // A later file of the same module id (a.ts beside a.js) takes the earlier one's place.
  const shapes = new Map<string, { source: SourceText; shape: ModuleShape }>();
  // One file the parser or a walker cannot handle (nested too deep for the stack) is that file's
  // problem only: the project's other files are read without it.
  const unreadable: SourceFacts[] = [];
  for (const source of sources) {
    const module = moduleId(source.appRel);
    const shapeKey = textKeys.get(source) && `${textKeys.get(source)}:shape`;
    let shape = shapeKey ? cache!.get<ModuleShape>(shapeKey) : undefined;
    if (!shape) {
      try {
        shape = shapeOf(ts, parse(source, true), module);
      } catch (error) {
        parsed.delete(source);
        unreadable.push(unanalysable(source, error));
        continue;
      }
      if (shapeKey) cache!.set(shapeKey, shape);
    }
    shapes.set(module, { source, shape });
  }
  const modules = indexModules(shapes);
  const projectKey = cache?.key(
    ...[...shapes].flatMap(([module, { source, shape }]) => [module, source.rel, JSON.stringify(shape)]),
  );
  const read = [...modules.values()].map((index) => {
    const factsKey = projectKey && `${textKeys.get(index.source)}:facts:${projectKey}`;
    const kept = factsKey ? cache!.get<SourceFacts>(factsKey) : undefined;
    if (kept) return kept;
    let facts: SourceFacts;
    try {
      facts = new FileWalker(ts, index, parse(index.source, false), modules).extract();
    } catch (error) {
      return unanalysable(index.source, error);
    } finally {
      parsed.delete(index.source);
    }
    if (factsKey) cache!.set(factsKey, facts);
    return facts;
  });
  return [...read, ...unreadable];
}

/** The facts of a file that could not be analysed: only that problem, at its first line. */
function unanalysable(source: SourceText, error: unknown): SourceFacts {
  const reason =
    error instanceof RangeError ? 'nested too deeply to analyse' : `could not be analysed: ${(error as Error).message}`;
  return {
    ...emptyFacts(source.rel, source.language?.id ?? 'typescript'),
    problems: [{ message: reason, location: { file: source.rel, line: 1, column: 1 } }],
  };
}

function scriptKind(ts: Ts, appRel: string): TS.ScriptKind {
  if (/\.tsx$/i.test(appRel)) return ts.ScriptKind.TSX;
  if (/\.jsx$/i.test(appRel)) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/i.test(appRel)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
