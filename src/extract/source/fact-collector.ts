import type { Node } from 'web-tree-sitter';
import { classifyLiteral } from './classify-literal.js';
import { placeOfNode, useOfValue } from './literal-place.js';
import { literalUse, VALUE_APIS } from './literal-use.js';
import { markListedReads, PathOrigins } from './path-origin.js';
import {
  emptyFacts,
  type ApiKind,
  type EntryKind,
  type Location,
  type ReferenceKind,
  type SourceFacts,
  type Unit,
} from './source-facts.js';
import { looksLikeSql, sqlTables } from './sql-tables.js';
import { FUNCTION_NODE } from './walker-helpers.js';

/**
 * Collects one file's facts while a language walker descends its syntax tree: the stack of
 * enclosing units, variable scopes (name → declared type, so `orders.placeOrder()` resolves to
 * the type of `orders`), and de-duplication of references.
 */
export class FactCollector {
  readonly facts: SourceFacts;
  private readonly unitStack: string[] = [];
  private readonly scopes: Map<string, string>[] = [];
  private readonly seen = new Set<string>();
  private readonly paths: PathOrigins;

  /** `masked`: the file's text with comments masked, which path origins are read from. */
  constructor(file: string, language: string, masked: string) {
    this.facts = emptyFacts(file, language);
    this.paths = new PathOrigins(masked);
  }

  at(node: Node): Location {
    return { file: this.facts.file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
  }

  get unit(): string | undefined {
    return this.unitStack.at(-1);
  }

  /** The qualified name a unit declared here gets. */
  qualify(name: string, separator = '.'): string {
    const outer = this.unit;
    if (outer) return `${outer}${separator}${name}`;
    return this.facts.namespace ? `${this.facts.namespace}.${name}` : name;
  }

  enterUnit(unit: Omit<Unit, 'parent'>): void {
    const parent = this.unit;
    this.facts.units.push({ ...unit, ...(parent ? { parent } : {}) });
    this.unitStack.push(unit.id);
    this.scopes.push(new Map());
  }

  /** Continues inside a unit declared elsewhere (a Go method inside its receiver's type). */
  resumeUnit(id: string): void {
    this.unitStack.push(id);
    this.scopes.push(new Map());
  }

  exitUnit(): void {
    this.unitStack.pop();
    this.scopes.pop();
  }

  withScope<T>(body: () => T): T {
    this.scopes.push(new Map());
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  declare(name: string, type: string): void {
    this.scopes.at(-1)?.set(name, type);
  }

  typeOf(variable: string): string | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const type = this.scopes[i]!.get(variable);
      if (type) return type;
    }
    return undefined;
  }

  reference(to: string, kind: ReferenceKind, node: Node): void {
    const from = this.unit;
    if (!from || !to) return;
    const key = `${from}\0${to}\0${kind}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.facts.references.push({ from, to, kind, location: this.at(node) });
  }

  annotation(name: string, args: string | undefined, node: Node, member?: string): void {
    const unit = this.unit;
    if (!unit) return;
    this.facts.annotations.push({
      unit,
      ...(member ? { member } : {}),
      name,
      ...(args ? { arguments: args } : {}),
      location: this.at(node),
    });
  }

  entry(kind: EntryKind, node: Node, detail?: string): void {
    const unit = this.unit;
    if (unit) this.facts.entryPoints.push({ unit, kind, ...(detail ? { detail } : {}), location: this.at(node) });
  }

  api(api: ApiKind, name: string, node: Node): void {
    if (forwardsToSameMethod(node)) return;
    // Walking a function body for a variable's uses is paid only where a rule reads the use.
    const use = useOfValue(node, VALUE_APIS.has(api));
    const expression = api === 'file-read' || api === 'file-write' ? pathExpression(node) : undefined;
    const path = expression !== undefined ? this.paths.of(expression, node.startPosition.row + 1) : undefined;
    this.facts.apiCalls.push({
      ...(this.unit ? { unit: this.unit } : {}),
      api,
      name,
      ...(use ? { use } : {}),
      ...(path ? { path } : {}),
      location: this.at(node),
    });
  }

  /** What is known only once the whole file is walked: reads of files a listing of a server folder found. */
  finish(): SourceFacts {
    markListedReads(this.facts.apiCalls);
    return this.facts;
  }

  /**
   * A string literal: a place (URL, host, IP, path) unless where it stands says the code compares,
   * defaults, matches or allows with it (literal-use.ts); or a SQL statement whose tables the unit touches.
   */
  literal(value: string, node: Node): void {
    const kind = classifyLiteral(value);
    if (kind && !literalUse(placeOfNode(node)))
      this.facts.literals.push({ ...(this.unit ? { unit: this.unit } : {}), kind, value, location: this.at(node) });
    this.sql(value, node);
  }

  private sql(value: string, node: Node): void {
    const unit = this.unit;
    if (unit && looksLikeSql(value)) {
      for (const table of sqlTables(value).tables) {
        this.facts.dataAccess.push({
          unit,
          target: table.name,
          targetKind: 'table',
          mode: table.mode,
          via: 'sql',
          location: this.at(node),
        });
      }
    }
  }
}

/**
 * A call that only forwards a method to the same-named method of another object, with the
 * method's own parameters in order (a wrapper, decorator or proxy: `SaveAs(f, h) { inner.SaveAs(f, h); }`).
 * It uses nothing itself; its callers do, and they are found where they call it.
 */
function forwardsToSameMethod(call: Node): boolean {
  const callee = call.childForFieldName('function') ?? call;
  const called = (
    callee.childForFieldName('name') ??
    callee.childForFieldName('field') ??
    callee.childForFieldName('attribute')
  )?.text;
  if (!called) return false;
  let method = call.parent;
  while (method && !FUNCTION_NODE.test(method.type)) method = method.parent;
  if (!method || method.childForFieldName('name')?.text !== called) return false;
  const names = (list: Node | null) =>
    (list?.namedChildren ?? [])
      .filter((child) => child !== null && child.type !== 'comment')
      .map(
        (child) =>
          (
            child!.childForFieldName('name') ??
            child!.namedChildren.find((inner) => inner?.type === 'identifier') ??
            child!
          ).text,
      );
  const parameters = names(method.childForFieldName('parameters'));
  const args = names(call.childForFieldName('arguments'));
  return parameters.length === args.length && parameters.every((parameter, index) => parameter === args[index]);
}

/** The path a file API is given: its first argument, or the object it is called on (`dir.listFiles()`, `p.read_text()`). */
function pathExpression(call: Node): string | undefined {
  const first = call
    .childForFieldName('arguments')
    ?.namedChildren.find((child) => child !== null && child.type !== 'comment');
  if (first) return (first.type === 'argument' ? (first.namedChildren.at(-1) ?? first) : first).text;
  const callee = call.childForFieldName('function') ?? call;
  return (
    call.childForFieldName('object') ??
    callee.childForFieldName('object') ??
    callee.childForFieldName('operand') ??
    callee.childForFieldName('expression')
  )?.text;
}

/** Named children of a given type. */
export function childrenOfType(node: Node, ...types: string[]): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && types.includes(child.type));
}

/** Text of a string literal without its quotes. */
export function unquote(text: string): string {
  const match = /^(?:[@$]|[rRbBuUfF]{1,2})?("""|'''|"|'|`)([\s\S]*)\1$/.exec(text.trim());
  return match ? match[2]! : text;
}
