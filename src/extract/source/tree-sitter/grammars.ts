import { createRequire } from 'node:module';
import path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/**
 * Prebuilt WebAssembly grammars shipped in @vscode/tree-sitter-wasm 0.3, which load on
 * web-tree-sitter 0.25 (other pairings fail, some with an empty message: see load()); a language
 * names its grammar file (src/languages/). Native parsers were measured against it in
 * docs/performance.md.
 */
export type GrammarFile = string;

/** Loads a language's grammar if it has one, so that what is timed after it is the file's own work. */
export async function grammarReady(language: { grammar?: string } | undefined): Promise<void> {
  if (language?.grammar) await parserFor(language.grammar);
}

const grammarFolder = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/package.json')),
  'wasm',
);
let runtime: Promise<void> | undefined;
const parsers = new Map<GrammarFile, Promise<Parser>>();

/**
 * A parser for the language, loading the runtime and grammar on first use only: a scan of a
 * COBOL estate never pays for the Java grammar.
 */
export function parserFor(name: GrammarFile): Promise<Parser> {
  let parser = parsers.get(name);
  if (!parser) {
    parser = load(name);
    parsers.set(name, parser);
  }
  return parser;
}

async function load(name: GrammarFile): Promise<Parser> {
  runtime ??= Parser.init();
  await runtime;
  const file = path.join(grammarFolder, path.basename(name));
  let language: Language;
  try {
    language = await Language.load(file);
  } catch (error) {
    // Some grammar/runtime pairings fail with an empty message; say which grammar it was.
    throw new Error(
      `the grammar ${file} could not be loaded: ${(error as Error).message || 'incompatible tree-sitter runtime'}`,
    );
  }
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Parses text; the caller must `delete()` the tree (WebAssembly memory is not garbage-collected). */
export async function parse(name: GrammarFile, text: string): Promise<Tree> {
  const tree = (await parserFor(name)).parse(text);
  if (!tree) throw new Error(`the ${name} parser returned no tree`);
  return tree;
}
