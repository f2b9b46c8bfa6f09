import type { CommentStyle, CommentSyntax, LineComment } from '../languages/language-info.js';

/**
 * Replaces every comment character with a space, keeping line breaks, so that rules never match
 * commented-out code and offsets still map to the right line and column. String literals are
 * kept: hard-coded hosts, paths and SQL live in them.
 */
export function maskComments(text: string, style: CommentStyle | CommentSyntax): string {
  if (typeof style === 'object') return blank(text, scanComments(text, lexerOf(style)));
  switch (style) {
    case 'cobol':
      return maskLines(text, maskCobolLine(text));
    case 'jcl':
      return maskLines(text, maskJclLine);
    case 'assembler':
      return maskLines(text, maskAssemblerLine);
    case 'none':
      return text;
    default:
      return blank(text, scanComments(text, LEXERS[style]));
  }
}

/** A comment syntax with every field given, as the scanner reads it. */
type Lexer = Required<CommentSyntax>;

const lexers = new WeakMap<CommentSyntax, Lexer>();

/** A language's own syntax with the defaults filled in (once per syntax object). */
function lexerOf(syntax: CommentSyntax): Lexer {
  let lexer = lexers.get(syntax);
  if (!lexer) {
    const { line = [], block = [], quotes = [], triple = [], doubledQuote = false, backslash = false } = syntax;
    lexer = { line, block, quotes, triple, doubledQuote, backslash };
    lexers.set(syntax, lexer);
  }
  return lexer;
}

/** Whether a line comment's opener at this position opens a comment. */
function opensAt(text: string, at: number, { open, where = 'anywhere', notBefore }: LineComment): boolean {
  if (notBefore !== undefined && text.startsWith(notBefore, at + open.length)) return false;
  if (where === 'word-start') return at === 0 || /[\s;(]/.test(text[at - 1] ?? '');
  // Blanks only since the line began (looked at over the last 200 characters).
  if (where === 'line-start') return /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, at - 200), at));
  return true;
}

const C_LIKE: Lexer = {
  line: [{ open: '//' }],
  block: [['/*', '*/']],
  quotes: ['"', "'", '`'],
  triple: ['"""', "'''"],
  doubledQuote: false,
  backslash: true,
};

const LEXERS: Record<Exclude<CommentStyle, 'cobol' | 'jcl' | 'assembler' | 'none'>, Lexer> = {
  c: C_LIKE,
  php: { ...C_LIKE, line: [{ open: '//' }, { open: '#', notBefore: '[' }] },
  hash: {
    line: [{ open: '#', where: 'word-start' }],
    block: [],
    quotes: ['"', "'"],
    triple: [],
    doubledQuote: false,
    backslash: true,
  },
  python: {
    line: [{ open: '#' }],
    block: [],
    quotes: ['"', "'"],
    triple: ['"""', "'''"],
    doubledQuote: false,
    backslash: true,
  },
  sql: {
    line: [{ open: '--' }],
    block: [['/*', '*/']],
    quotes: ["'", '"'],
    triple: [],
    doubledQuote: true,
    backslash: false,
  },
  vb: {
    line: [{ open: "'" }, { open: 'REM ', where: 'line-start' }],
    block: [],
    quotes: ['"'],
    triple: [],
    doubledQuote: true,
    backslash: false,
  },
  markup: {
    line: [],
    block: [
      ['<!--', '-->'],
      ['<%--', '--%>'],
      ['@*', '*@'],
    ],
    quotes: [],
    triple: [],
    doubledQuote: false,
    backslash: false,
  },
};

/** Returns the [start, end) ranges of comments. */
function scanComments(text: string, lexer: Lexer): [number, number][] {
  const ranges: [number, number][] = [];
  const n = text.length;
  let i = 0;
  const interesting = startsOf(lexer);
  outer: while (i < n) {
    // Most characters open nothing: jump to the next one that could open a comment or a string.
    interesting.lastIndex = i;
    const next = interesting.exec(text);
    if (!next) break;
    i = next.index;
    for (const delimiter of lexer.triple) {
      if (text.startsWith(delimiter, i)) {
        const close = findUnescaped(text, delimiter, i + delimiter.length, lexer.backslash);
        i = close === -1 ? n : close + delimiter.length;
        continue outer;
      }
    }
    for (const [open, close] of lexer.block) {
      if (text.startsWith(open, i)) {
        const end = text.indexOf(close, i + open.length);
        const stop = end === -1 ? n : end + close.length;
        ranges.push([i, stop]);
        i = stop;
        continue outer;
      }
    }
    for (const comment of lexer.line) {
      if (text.startsWith(comment.open, i) && opensAt(text, i, comment)) {
        const end = text.indexOf('\n', i);
        const stop = end === -1 ? n : end;
        ranges.push([i, stop]);
        i = stop;
        continue outer;
      }
    }
    const ch = text[i] ?? '';
    if (lexer.quotes.includes(ch)) {
      i = skipString(text, i, ch, lexer, verbatimAt(text, i, ch));
      continue;
    }
    i++;
  }
  return ranges;
}

const starts = new WeakMap<Lexer, RegExp>();

/** A regular expression for the characters that can open a comment or a string in this language. */
function startsOf(lexer: Lexer): RegExp {
  let regex = starts.get(lexer);
  if (!regex) {
    const first = new Set(
      [
        ...lexer.triple,
        ...lexer.block.map(([open]) => open),
        ...lexer.line.map(({ open }) => open),
        ...lexer.quotes,
      ].map((opener) => opener[0]!),
    );
    regex = new RegExp(`[${[...first].join('').replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    starts.set(lexer, regex);
  }
  return regex;
}

/** C# verbatim strings (@"...") take no backslash escapes. */
function verbatimAt(text: string, at: number, quote: string): boolean {
  return quote === '"' && (text[at - 1] === '@' || (text[at - 1] === '$' && text[at - 2] === '@'));
}

/** Index just past the closing quote; an unterminated literal ends at the line break (template strings may span lines). */
function skipString(text: string, at: number, quote: string, lexer: Lexer, verbatim: boolean): number {
  const multiline = quote === '`' || verbatim;
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && lexer.backslash && !verbatim) {
      i++;
      continue;
    }
    if (ch === quote) {
      if ((lexer.doubledQuote || verbatim) && text[i + 1] === quote) {
        i++;
        continue;
      }
      return i + 1;
    }
    if (ch === '\n' && !multiline) return i;
  }
  return text.length;
}

function findUnescaped(text: string, needle: string, from: number, backslash: boolean): number {
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (!backslash || text[at - 1] !== '\\') return at;
  }
  return -1;
}

function blank(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    last = end;
  }
  return out + text.slice(last);
}

/** Applies a per-line masker, keeping each line's length and its line break. */
function maskLines(text: string, maskLine: (line: string) => string): string {
  return text
    .split('\n')
    .map((line) => {
      const cr = line.endsWith('\r');
      const body = cr ? line.slice(0, -1) : line;
      return maskLine(body) + (cr ? '\r' : '');
    })
    .join('\n');
}

const spaces = (count: number) => ' '.repeat(Math.max(0, count));

/**
 * COBOL reference format: columns 1-6 are a sequence area, column 7 an indicator (`*` or `/`
 * make a comment line), columns 73+ an identification area. Free-format sources
 * (`>>SOURCE FORMAT FREE`, or code that ignores the margins) only have `*>` comments.
 */
function maskCobolLine(text: string): (line: string) => string {
  const free = isFreeFormatCobol(text);
  return (line) => {
    let body = line;
    if (!free) {
      if (body.length > 6 && (body[6] === '*' || body[6] === '/')) return spaces(body.length);
      body = spaces(Math.min(6, body.length)) + body.slice(6, 72) + spaces(body.length - 72);
    }
    const floating = floatingCommentAt(body);
    return floating === -1 ? body : body.slice(0, floating) + spaces(body.length - floating);
  };
}

export function isFreeFormatCobol(text: string): boolean {
  if (/>>\s*SOURCE\s+(FORMAT\s+(IS\s+)?)?FREE/i.test(text)) return true;
  let lines = 0;
  let fixed = 0;
  for (const line of text.split('\n', 400)) {
    if (line.trim() === '') continue;
    lines++;
    // Sequence numbers or a blank sequence area; some shops put letters and digits there.
    if (/^[\d ]{6}/.test(line) || /^(?=[^\r\n]{0,5}\d)[A-Z\d ]{6}[ *\-/D]/i.test(line)) fixed++;
  }
  return lines > 0 && fixed / lines < 0.8;
}

/** `*>` outside a literal starts a comment. */
function floatingCommentAt(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '*' && line[i + 1] === '>') return i;
  }
  return -1;
}

/** JCL: `//*` lines are comments; columns 72-80 hold continuation marks and sequence numbers. */
function maskJclLine(line: string): string {
  if (line.startsWith('//*')) return spaces(line.length);
  return line.length > 71 ? line.slice(0, 71) + spaces(line.length - 71) : line;
}

/** Assembler and BMS: `*` or `.*` in column 1 starts a comment line; columns 72-80 are continuation and sequence. */
function maskAssemblerLine(line: string): string {
  if (line.startsWith('*') || line.startsWith('.*')) return spaces(line.length);
  return line.length > 71 ? line.slice(0, 71) + spaces(line.length - 71) : line;
}
