import regexpTree from 'regexp-tree';

type Node = { type: string; [key: string]: unknown };

/**
 * Characters that stand for the classes regular expressions use: two pieces of a pattern can
 * match the same character when their samples overlap. An approximation, erring on the side
 * of "overlaps".
 */
const SAMPLES = ['a', 'Z', 'é', '0', '9', '_', '-', '.', ',', ':', ';', '/', '\\', '@', ' ', '\t', '\n', '"', "'", '(', ')', '[', '<', '=', '*', '+', '$', '#', '\u00a0'];

function testChar(node: Node, char: string, ignoreCase: boolean): boolean {
  try {
    return new RegExp(regexpTree.generate(node as never), ignoreCase ? 'iu' : 'u').test(char);
  } catch {
    return true;
  }
}

function isSingleChar(node: Node): boolean {
  return node.type === 'Char' || node.type === 'CharacterClass';
}

/** Literal characters a piece names, added to the samples so that (x|x) is seen to overlap. */
function literals(node: Node): string[] {
  if (node.type === 'Char' && node.kind === 'simple') return [String(node.value)];
  if (node.type === 'CharacterClass') return (node.expressions as Node[]).flatMap(literals);
  if (node.type === 'ClassRange') return [String((node.from as Node).value), String((node.to as Node).value)];
  return [];
}

/** Whether two single-character pieces can match one character. */
function charsOverlap(a: Node, b: Node, ignoreCase: boolean): boolean {
  const alphabet = new Set([...SAMPLES, ...literals(a), ...literals(b)]);
  for (const char of alphabet) if (testChar(a, char, ignoreCase) && testChar(b, char, ignoreCase)) return true;
  return false;
}

/** The single-character pieces a piece can start with, for overlap tests; `all` when unknown. */
function firstChars(node: Node | null | undefined, ignoreCase: boolean): Node[] | 'all' {
  if (!node) return [];
  if (isSingleChar(node)) return [node];
  switch (node.type) {
    case 'Alternative': {
      const union: Node[] = [];
      for (const expression of node.expressions as Node[]) {
        if (expression.type === 'Assertion') continue;
        const first = firstChars(expression, ignoreCase);
        if (first === 'all') return 'all';
        union.push(...first);
        if (!canBeEmpty(expression)) return union;
      }
      return union;
    }
    case 'Disjunction': {
      const left = firstChars(node.left as Node, ignoreCase);
      const right = firstChars(node.right as Node, ignoreCase);
      return left === 'all' || right === 'all' ? 'all' : [...left, ...right];
    }
    case 'Group':
    case 'Repetition':
      return firstChars(node.expression as Node, ignoreCase);
    default:
      return 'all';
  }
}

function canBeEmpty(node: Node): boolean {
  if (node.type === 'Repetition') {
    const quantifier = node.quantifier as { kind: string; from?: number };
    return quantifier.kind === '*' || quantifier.kind === '?' || (quantifier.kind === 'Range' && quantifier.from === 0) || canBeEmpty(node.expression as Node);
  }
  if (node.type === 'Group') return canBeEmpty(node.expression as Node);
  if (node.type === 'Alternative') return (node.expressions as Node[]).every(canBeEmpty);
  if (node.type === 'Disjunction') return canBeEmpty(node.left as Node) || canBeEmpty(node.right as Node);
  return node.type === 'Assertion';
}

function overlaps(a: Node[] | 'all', b: Node[] | 'all', ignoreCase: boolean): boolean {
  if (a === 'all' || b === 'all') return true;
  return a.some((x) => b.some((y) => charsOverlap(x, y, ignoreCase)));
}

function isUnbounded(node: Node): boolean {
  const quantifier = node.quantifier as { kind: string; to?: number };
  return quantifier.kind === '*' || quantifier.kind === '+' || (quantifier.kind === 'Range' && quantifier.to === undefined);
}

function alternatives(node: Node): Node[] {
  if (node.type === 'Group') return alternatives(node.expression as Node);
  if (node.type === 'Disjunction') return [...alternatives(node.left as Node), ...alternatives(node.right as Node)];
  return [node];
}

/** Pieces of a repeated body that must match one character each, apart from repetitions. */
function repetitionsIn(node: Node | null | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'Repetition') return [node, ...repetitionsIn(node.expression as Node)];
  if (node.type === 'Group') return repetitionsIn(node.expression as Node);
  if (node.type === 'Alternative') return (node.expressions as Node[]).flatMap(repetitionsIn);
  if (node.type === 'Disjunction') return [...repetitionsIn(node.left as Node), ...repetitionsIn(node.right as Node)];
  return [];
}

/**
 * Why a repeated body could match one string in exponentially many ways: an unbounded
 * repetition inside it that nothing separates (`(a+)+`, `(\w+\s?)*`), or alternatives that
 * can start alike (`(a|ab)*`, `(\w|\d)+`).
 */
function ambiguity(repetition: Node, ignoreCase: boolean): string | undefined {
  const body = repetition.expression as Node;
  const choices = alternatives(body);
  for (let i = 0; i < choices.length; i++) {
    for (let j = i + 1; j < choices.length; j++) {
      if (overlaps(firstChars(choices[i], ignoreCase), firstChars(choices[j], ignoreCase), ignoreCase)) return 'a repeated group whose alternatives can match the same text';
    }
  }
  for (const inner of repetitionsIn(body)) {
    if (inner === repetition || !isUnbounded(inner)) continue;
    // (\w+\.)* is safe: every round must consume a "." that \w+ cannot. Without such a
    // separator, the inner and outer repetitions can share the text in many ways.
    const innerChars = firstChars(inner.expression as Node, ignoreCase);
    const sequence = body.type === 'Group' ? (body.expression as Node) : body;
    const separators = sequence.type === 'Alternative' ? (sequence.expressions as Node[]).filter((piece) => piece !== inner && !canBeEmpty(piece) && piece.type !== 'Repetition') : [];
    const separated = separators.some((piece) => isSingleChar(piece) && !overlaps([piece], innerChars, ignoreCase));
    if (!separated) return 'a repetition inside a repetition';
  }
  return undefined;
}

/**
 * Refuses regular expressions that can backtrack catastrophically on hostile input: nested
 * unbounded repetitions and repeated overlapping alternatives. Rule patterns run over every
 * scanned file, including files written by strangers. Returns the reason, or undefined.
 */
export function backtrackingRisk(pattern: string, flags = ''): string | undefined {
  let ast: Node;
  try {
    ast = regexpTree.parse(`/${pattern.replace(/(^|[^\\])\//g, '$1\\/')}/${flags.replace(/[^imsuy]/g, '')}`, { allowGroupNameDuplicates: true }) as unknown as Node;
  } catch {
    return undefined; // RegExp itself reports syntax errors; this check is only about backtracking.
  }
  const ignoreCase = flags.includes('i');
  let risk: string | undefined;
  const visit = (node: Node | null | undefined) => {
    if (!node || risk) return;
    if (node.type === 'Repetition' && isUnbounded(node)) risk = ambiguity(node, ignoreCase);
    for (const key of ['body', 'expression', 'left', 'right', 'assertion']) if (node[key] && typeof node[key] === 'object') visit(node[key] as Node);
    if (Array.isArray(node.expressions)) for (const child of node.expressions as Node[]) visit(child);
  };
  visit(ast);
  return risk;
}
