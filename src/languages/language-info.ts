/**
 * What discovery and every later stage know of a language: its name, the files it is written in
 * and how its comments are written. Plain data: it travels with every file, into the cache, shard
 * files and worker threads. A language's file in this folder says it all (docs/architecture.md).
 */

/**
 * Comment syntaxes the source masker knows by name (extract/mask-comments.ts). COBOL, JCL and
 * assembler comments are decided by column; the others are named `CommentSyntax` tables.
 */
export type CommentStyle =
  'c' | 'hash' | 'python' | 'php' | 'sql' | 'vb' | 'cobol' | 'jcl' | 'assembler' | 'markup' | 'none';

/** Where a line comment's opener counts as one. */
export interface LineComment {
  open: string;
  /** anywhere (default); word-start: at the start or after a blank, `;` or `(` (shell `#`); line-start: after blanks only (VB's `REM`). */
  where?: 'anywhere' | 'word-start' | 'line-start';
  /** Not when this follows the opener (PHP's `#[` opens an attribute). */
  notBefore?: string;
}

/**
 * A comment syntax as data, for a language whose comments none of the named styles describes:
 * its line and block comments, and the strings inside which an opener is text.
 */
export interface CommentSyntax {
  line?: LineComment[];
  block?: [open: string, close: string][];
  /** Quote characters that open a string literal. */
  quotes?: string[];
  /** Multi-line string delimiters (Python and Java text blocks, Groovy). */
  triple?: string[];
  /** `''` or `""` inside a literal is an escaped quote (SQL, VB). */
  doubledQuote?: boolean;
  /** A backslash escapes the next character inside a literal. */
  backslash?: boolean;
}

export interface LanguageInfo {
  /** Stable id, used in results, rules (`languages:`) and the cache. */
  id: string;
  name: string;
  /** Lower-case, with the dot; no two languages share one. */
  extensions: readonly string[];
  /** A named style, or the syntax itself. */
  comments: CommentStyle | CommentSyntax;
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
