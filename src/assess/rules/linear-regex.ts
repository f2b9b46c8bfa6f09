import regexpTree from 'regexp-tree';
import { RE2JS } from 're2js';

type Node = { type: string; [key: string]: unknown };

/**
 * A rule's regular expression that cannot be slow: written in JavaScript syntax, run on RE2JS,
 * whose matching takes time linear in the text (a backtracking engine spent 183 of 202 s of one
 * scan in a single look-behind). RE2 has no look-around and no back-references; a pattern that
 * uses them is refused when the pack loads, with a hint to say the same with conditions.
 */
export class LinearRegex {
  private compiled: { pattern: RE2JS; prefilter: ((text: string) => boolean) | undefined } | undefined;

  private constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  /** Compiles a rule's pattern now; throws RegexRefused, saying why and what to write instead. */
  static compile(source: string, flags = ''): LinearRegex {
    const regex = new LinearRegex(source, flags);
    return regex.ready();
  }

  /**
   * A pattern already checked (a loaded pack's), compiled when first used: compiling all 115
   * built-in patterns took 0.18 s, and a small scan never runs most of them.
   */
  static checked(source: string, flags = ''): LinearRegex {
    return new LinearRegex(source, flags);
  }

  /** Compiles the pattern if it is not yet compiled, so that a caller can time its use apart from that. */
  ready(): this {
    this.program();
    return this;
  }

  private program(): { pattern: RE2JS; prefilter: ((text: string) => boolean) | undefined } {
    if (this.compiled) return this.compiled;
    const { re2, ast } = toRe2(this.source, this.flags);
    let pattern: RE2JS;
    try {
      pattern = RE2JS.compile(re2, RE2JS.MULTILINE | (this.flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (this.flags.includes('s') ? RE2JS.DOTALL : 0));
    } catch (error) {
      throw new RegexRefused(`${(error as Error).message.replace(/^error parsing regexp: /, '')}`, 'RE2 allows repetition counts up to 1000 and no JavaScript-only syntax such as [^]; see https://github.com/google/re2/wiki/Syntax.');
    }
    return (this.compiled = { pattern, prefilter: literalPrefilter(ast, this.flags.includes('i')) });
  }

  /** Whether the pattern matches anywhere in the text. */
  test(text: string): boolean {
    const { pattern, prefilter } = this.program();
    return (!prefilter || prefilter(text)) && pattern.test(text);
  }

  /**
   * Where the pattern matches, as [start, end) offsets into the text; `from(start, end)` picks the
   * offset to look on from (never before the end), so that a caller that wants one match a line
   * skips the rest of the line.
   */
  *matches(text: string, from: (start: number, end: number) => number = (_, end) => end): Generator<{ start: number; end: number }> {
    // The automaton's yes-or-no is ten times faster than finding where: most texts stop here.
    if (!this.test(text)) return;
    const matcher = this.program().pattern.matcher(text);
    let at = 0;
    while (at <= text.length && matcher.find(at)) {
      const start = matcher.start();
      const end = matcher.end();
      yield { start, end };
      at = Math.max(from(start, end), end === start ? end + 1 : end);
    }
  }
}

/** A pattern the linear engine cannot run, with what to do instead. */
export class RegexRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const LOOK_AROUND_HINT =
  'Rules run on a linear-time engine (RE2), which has no look-around. Write a narrower pattern that consumes the context it checks (TLSv1([^.\\w]|$) rather than TLSv1(?!\\.\\d)), or say the exception as a condition: config with notKey or notValue, literal, endpoint, or not: around a second condition (which then holds for the whole application).';

/** JavaScript's \s, which RE2's \s (ASCII blanks only) is narrower than. */
const JS_BLANKS = String.raw`\t\n\x{0b}\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;

/**
 * The pattern in RE2 syntax, with JavaScript's meaning where the two differ in ways rules meet:
 * `$` also ends a line before a carriage return (texts keep CRLF), \s takes JavaScript's blanks,
 * and escapes RE2 spells otherwise (\u00a0, \cJ, \0) become \x{…}.
 */
function toRe2(source: string, flags: string): { re2: string; ast: Node } {
  let literal: RegExp;
  try {
    literal = new RegExp(source, flags.replace(/[^isu]/g, ''));
  } catch (error) {
    throw new RegexRefused((error as Error).message, 'Fix the pattern; it is written as a JavaScript regular expression.');
  }
  const ast = regexpTree.parse(literal.toString()) as unknown as { body: Node };
  rewrite(ast.body, false);
  return { re2: regexpTree.generate(ast.body as never), ast: ast.body };
}

function rewrite(node: Node | null | undefined, inClass: boolean): void {
  if (!node) return;
  switch (node.type) {
    case 'Assertion':
      if (node.kind === 'Lookahead' || node.kind === 'Lookbehind') {
        const form = node.kind === 'Lookahead' ? (node.negative ? '(?!…)' : '(?=…)') : node.negative ? '(?<!…)' : '(?<=…)';
        throw new RegexRefused(`look-around ${form} is not supported`, LOOK_AROUND_HINT);
      }
      if (node.kind === '$') Object.assign(node, { type: 'Char', kind: 'meta', value: String.raw`(?:\r?$)` });
      return;
    case 'Backreference':
      throw new RegexRefused(`back-reference ${String(node.kind === 'name' ? `\\k<${String(node.reference)}>` : `\\${String(node.number)}`)} is not supported`, 'Rules run on a linear-time engine (RE2), which has no back-references: list the alternatives, e.g. ("[^"]*"|\'[^\']*\') rather than (["\'])[^"\']*\\1.');
    case 'Char':
      rewriteChar(node, inClass);
      return;
    case 'CharacterClass':
      for (const child of node.expressions as Node[]) rewrite(child, true);
      return;
    case 'ClassRange':
      rewrite(node.from as Node, true);
      rewrite(node.to as Node, true);
      return;
    case 'Alternative':
      for (const child of node.expressions as Node[]) rewrite(child, inClass);
      return;
    case 'Disjunction':
      rewrite(node.left as Node, inClass);
      rewrite(node.right as Node, inClass);
      return;
    case 'Group':
    case 'Repetition':
      rewrite(node.expression as Node, inClass);
      return;
  }
}

function rewriteChar(node: Node, inClass: boolean): void {
  if (node.kind === 'meta') {
    if (node.value === String.raw`\s`) node.value = inClass ? JS_BLANKS : `[${JS_BLANKS}]`;
    else if (node.value === String.raw`\S` && !inClass) node.value = `[^${JS_BLANKS}]`;
    return;
  }
  if (node.kind !== 'simple') Object.assign(node, { kind: 'meta', value: `\\x{${(node.codePoint as number).toString(16)}}` });
}

/** Strings shorter than this say too little about a text to be worth a look first. */
const MIN_LITERAL = 2;

/** Sets of strings tried per text, most selective first; more cost more than they save. */
const MAX_LITERAL_SETS = 3;

/**
 * A cheap first look at a text: sets of strings, one string of each set in every match, found
 * with indexOf or an alternation of plain strings (linear in the text), so that most files are
 * passed over before the automaton starts (as ripgrep and Hyperscan do). Undefined when the
 * pattern requires nothing worth looking for.
 */
function literalPrefilter(body: Node, ignoreCase: boolean): ((text: string) => boolean) | undefined {
  const sets = requiredSets(body)
    .filter((set) => set.every((literal) => literal.length >= MIN_LITERAL))
    .sort((a, b) => strength(b) - strength(a))
    .slice(0, MAX_LITERAL_SETS);
  if (sets.length === 0) return undefined;
  const tests = sets.map((set): ((text: string) => boolean) => {
    if (set.length === 1 && !ignoreCase) return (text) => text.includes(set[0]!);
    // u: case-insensitive with Unicode's simple folding, as RE2's is (ſ is an s, K a k).
    const any = new RegExp([...new Set(set)].map((literal) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), ignoreCase ? 'iu' : 'u');
    return (text) => any.test(text);
  });
  return (text) => tests.every((test) => test(text));
}

/** The shortest string of a set is what a text must at least contain: sets whose shortest is longest first, then smaller sets. */
function strength(set: string[]): number {
  return Math.min(...set.map((literal) => literal.length)) * 100 - set.length;
}

/** Sets of strings such that every match contains one string of each set; empty when nothing is known. */
function requiredSets(node: Node): string[][] {
  switch (node.type) {
    case 'Char':
      return node.kind === 'simple' ? [[String(node.symbol)]] : [];
    case 'Group':
      return requiredSets(node.expression as Node);
    case 'Repetition': {
      const quantifier = node.quantifier as { kind: string; from?: number };
      const atLeastOnce = quantifier.kind === '+' || (quantifier.kind === 'Range' && (quantifier.from ?? 0) >= 1);
      return atLeastOnce ? requiredSets(node.expression as Node) : [];
    }
    case 'Disjunction': {
      // Either side may match: one set, the strongest of each side, joined.
      const [left] = node.left ? requiredSets(node.left as Node).sort((a, b) => strength(b) - strength(a)) : [];
      const [right] = node.right ? requiredSets(node.right as Node).sort((a, b) => strength(b) - strength(a)) : [];
      return left && right ? [[...left, ...right]] : [];
    }
    case 'Alternative':
      return sequenceSets(node.expressions as Node[]);
    default:
      return [];
  }
}

/** In a sequence, runs of plain characters join into strings, and every part's sets hold. */
function sequenceSets(expressions: Node[]): string[][] {
  const sets: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run) sets.push([run]);
    run = '';
  };
  for (const expression of expressions) {
    if (expression.type === 'Char' && expression.kind === 'simple') {
      run += String(expression.symbol);
      continue;
    }
    endRun();
    // Assertions (\b, ^) take no characters and require none.
    if (expression.type !== 'Assertion') sets.push(...requiredSets(expression));
  }
  endRun();
  return sets;
}
