/**
 * What discovery and every later stage know of a language: its name, the files it is written in
 * and how its comments are written. Plain data: it travels with every file, into the cache, shard
 * files and worker threads. A language's file in this folder says it all (docs/architecture.md).
 */

/** Comment syntaxes the source masker knows (extract/mask-comments.ts). */
export type CommentStyle =
  'c' | 'hash' | 'python' | 'php' | 'sql' | 'vb' | 'cobol' | 'jcl' | 'assembler' | 'markup' | 'none';

export interface LanguageInfo {
  /** Stable id, used in results, rules (`languages:`) and the cache. */
  id: string;
  name: string;
  /** Lower-case, with the dot; no two languages share one. */
  extensions: readonly string[];
  comments: CommentStyle;
  /** Sources that make a folder a mainframe application even without a build manifest. */
  mainframe?: boolean;
  /**
   * Scripts and job control drive other programs: a folder of them alone is tooling, not an
   * application, and mainframe JCL or REXX without programs of its own is not a mainframe system.
   */
  script?: boolean;
  /**
   * Its tree-sitter grammar in @vscode/tree-sitter-wasm. Files with one are extracted in worker
   * threads: tree-sitter parses at 1-2 MB/s, the line lexers run near reading speed.
   */
  grammar?: string;
}
