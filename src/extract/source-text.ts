import { createHash } from 'node:crypto';
import path from 'node:path';
import type { CommentStyle, LanguageInfo } from '../languages/language-info.js';
import { LineIndex } from './line-index.js';
import { maskComments } from './mask-comments.js';

/** A text file ready for rules: original text, comment-free text of the same shape, line index. */
export interface SourceText {
  rel: string;
  /** Path inside its application; module names (Python, TypeScript) derive from it. Defaults to rel. */
  appRel: string;
  /** Set for source code; config and descriptor files have none. */
  language?: LanguageInfo | undefined;
  text: string;
  masked: string;
  lines: LineIndex;
  /** Lines holding code: not blank, not only comment. */
  loc: number;
}

export function analyseText(rel: string, text: string, language?: LanguageInfo, appRel = rel): SourceText {
  const masked = maskComments(text, language?.comments ?? configCommentStyle(rel, text));
  return { rel, appRel, language, text, masked, lines: new LineIndex(text), loc: countCodeLines(masked) };
}

/**
 * The same, with the comment-free copy, line index and line count made on first use: a worker
 * thread that parses a file with tree-sitter needs none of them, and the main thread has made
 * them already for the rules.
 */
export function deferredSourceText(rel: string, text: string, language?: LanguageInfo, appRel = rel): SourceText {
  let masked: string | undefined;
  let lines: LineIndex | undefined;
  let loc: number | undefined;
  return {
    rel,
    appRel,
    language,
    text,
    get masked() {
      return (masked ??= maskComments(text, language?.comments ?? configCommentStyle(rel, text)));
    },
    get lines() {
      return (lines ??= new LineIndex(text));
    },
    get loc() {
      return (loc ??= countCodeLines(this.masked));
    },
  };
}

/** Comment syntax of configuration and descriptor files, by name. */
export function configCommentStyle(rel: string, text = ''): CommentStyle {
  const base = path.posix.basename(rel).toLowerCase();
  // A .config file is XML (web.config) or, when it does not start with markup, a shell-style settings file.
  if (base.endsWith('.config') && text !== '' && !/^\s*</.test(text.slice(0, 512))) return 'hash';
  if (/\.(xml|config|xsd|wsdl|html?|xhtml|jsp)$/.test(base)) return 'markup';
  if (
    /\.(ya?ml|properties|ini|conf|cfg|toml|tf|txt)$/.test(base) ||
    /^(dockerfile|containerfile|procfile|\.env.*|gemfile|pipfile)$/.test(base)
  )
    return 'hash';
  if (/^jenkinsfile$|\.(gradle|kts|bicep)$/.test(base)) return 'c';
  return 'none';
}

function countCodeLines(masked: string): number {
  let loc = 0;
  for (const line of masked.split('\n')) if (line.trim() !== '') loc++;
  return loc;
}

const digests = new WeakMap<SourceText, string>();

/**
 * A digest of a file's text, made once: the keys its facts, its project's facts and what the
 * rules' text conditions found in it are cached by all depend on the text.
 */
export function textDigest(source: SourceText): string {
  let digest = digests.get(source);
  if (digest === undefined)
    digests.set(source, (digest = createHash('sha256').update(source.text).digest('base64url')));
  return digest;
}
