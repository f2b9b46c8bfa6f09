import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../source-text.js';
import { apisOf, entryOfAnnotation } from './catalogue.js';
import { joinRoute } from './join-route.js';
import { childrenOfType, type FactCollector } from './fact-collector.js';
import type { SourceFacts, UnitKind } from './source-facts.js';
import { extractWithTree } from './tree-sitter/extract-with-tree.js';
import { firstString, simpleName } from './walker-helpers.js';

const UNIT_KINDS: Record<string, UnitKind> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  trait_declaration: 'class',
  enum_declaration: 'enum',
};
const ROUTE_FACADES = new Set(['Route', 'Router']);
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'any', 'match']);

/** PHP from a tree-sitter syntax tree. Namespaces use dots (App.Billing.Invoice), as everywhere else. */
export function extractPhp(source: SourceText): Promise<SourceFacts> {
  return extractWithTree(source, (root, collector) => {
    const walker = new PhpWalker(collector, source.appRel);
    walker.visit(root);
    walker.finish();
  });
}

class PhpWalker {
  /** Imported short name → qualified name: Invoice → App.Models.Invoice. */
  private readonly uses = new Map<string, string>();
  private readonly routeBases: string[] = [];
  private fileUnit: string | undefined;

  constructor(
    private readonly c: FactCollector,
    private readonly appRel: string,
  ) {}

  /** Statements outside any class (routes files, scripts) belong to a unit for the file itself. */
  private ensureFileUnit(node: Node): void {
    if (this.c.unit) return;
    this.fileUnit = this.appRel.replace(/\.php$/, '');
    this.c.enterUnit({
      id: this.fileUnit,
      name: this.fileUnit.slice(this.fileUnit.lastIndexOf('/') + 1),
      kind: 'module',
      location: this.c.at(node),
    });
  }

  finish(): void {
    if (this.fileUnit) this.c.exitUnit();
  }

  visit(node: Node): void {
    if (UNIT_KINDS[node.type]) return this.unit(node);
    switch (node.type) {
      case 'namespace_definition':
        this.c.facts.namespace = dotted(node.childForFieldName('name')?.text ?? '');
        return this.visitChildren(node.childForFieldName('body'));
      case 'namespace_use_declaration':
        for (const clause of childrenOfType(node, 'namespace_use_clause')) {
          const name = dotted(childrenOfType(clause, 'qualified_name', 'name')[0]?.text ?? '');
          const alias = clause.childForFieldName('alias')?.text ?? childrenOfType(clause, 'name').at(-1)?.text;
          if (!name) continue;
          this.c.facts.imports.push({ target: name, location: this.c.at(clause) });
          this.uses.set(alias && alias !== name ? alias : simpleName(name), name);
        }
        return;
      case 'function_definition': {
        const name = node.childForFieldName('name')?.text;
        if (!name) return;
        this.c.enterUnit({ id: this.c.qualify(name), name, kind: 'function', location: this.c.at(node) });
        this.body(node);
        this.c.exitUnit();
        return;
      }
      case 'method_declaration':
        return this.method(node);
      case 'object_creation_expression': {
        const type = childrenOfType(node, 'name', 'qualified_name')[0]?.text;
        if (type) this.c.reference(this.resolve(type), 'instantiates', node);
        if (type && apisOf('php').constructors[simpleName(dotted(type))])
          this.c.api(apisOf('php').constructors[simpleName(dotted(type))]!, `new ${type}`, node);
        return this.visitChildren(node);
      }
      case 'scoped_call_expression':
        this.ensureFileUnit(node);
        this.staticCall(node);
        return this.visitChildren(node.childForFieldName('arguments'));
      case 'member_call_expression': {
        const object = node.childForFieldName('object');
        const type = object?.type === 'variable_name' ? this.c.typeOf(object.text) : undefined;
        if (type) this.c.reference(type, 'calls', node);
        return this.visitChildren(node);
      }
      case 'function_call_expression': {
        this.ensureFileUnit(node);
        const name = node.childForFieldName('function')?.text ?? '';
        const api = apisOf('php').calls[name.replace(/^\\/, '')];
        if (api) this.c.api(api, name, node);
        return this.visitChildren(node.childForFieldName('arguments'));
      }
      case 'variable_name': {
        const api = apisOf('php').types[node.text.replace(/^\$/, '')];
        if (api) this.c.api(api, node.text, node);
        return;
      }
      case 'named_type':
        this.c.reference(this.resolve(node.text), 'uses', node);
        return;
      case 'string':
      case 'encapsed_string':
        this.c.literal(
          childrenOfType(node, 'string_content', 'string_value')
            .map((part) => part.text)
            .join('?'),
          node,
        );
        return;
      default:
        this.visitChildren(node);
    }
  }

  private visitChildren(node: Node | null): void {
    for (const child of node?.namedChildren ?? []) if (child) this.visit(child);
  }

  private unit(node: Node): void {
    const name = node.childForFieldName('name')?.text;
    if (!name) return;
    this.c.enterUnit({
      id: this.c.qualify(name),
      name,
      kind: UNIT_KINDS[node.type] ?? 'class',
      location: this.c.at(node),
    });
    const attributes = this.attributes(node);
    for (const base of childrenOfType(node, 'base_clause').flatMap((clause) => clause.namedChildren))
      if (base) this.c.reference(this.resolve(base.text), 'inherits', base);
    for (const base of childrenOfType(node, 'class_interface_clause').flatMap((clause) => clause.namedChildren))
      if (base) this.c.reference(this.resolve(base.text), 'implements', base);
    const route = attributes.find((attribute) => attribute.name === 'Route');
    this.routeBases.push(firstString(route?.args) ?? firstSingle(route?.args) ?? '');
    this.visitChildren(node.childForFieldName('body'));
    this.routeBases.pop();
    this.c.exitUnit();
  }

  private method(node: Node): void {
    const name = node.childForFieldName('name')?.text ?? '';
    for (const attribute of this.attributes(node, name)) {
      const entry = entryOfAnnotation(attribute.name, 'method');
      if (entry)
        this.c.entry(
          entry,
          attribute.node,
          entry === 'http-route'
            ? joinRoute(this.routeBases.at(-1) ?? '', firstString(attribute.args) ?? firstSingle(attribute.args))
            : attribute.args,
        );
    }
    this.body(node);
  }

  private body(node: Node): void {
    this.c.withScope(() => {
      for (const parameter of childrenOfType(
        node.childForFieldName('parameters') ?? node,
        'simple_parameter',
        'property_promotion_parameter',
      )) {
        const type = parameter.childForFieldName('type');
        const variable = parameter.childForFieldName('name')?.text;
        if (type && variable) this.c.declare(variable, this.resolve(type.text.replace(/^\?/, '')));
      }
      this.visitChildren(node.childForFieldName('parameters'));
      const returns = node.childForFieldName('return_type');
      if (returns) this.visit(returns);
      this.visitChildren(node.childForFieldName('body'));
    });
  }

  /** Class::method(): a call into Class; Route::get('/x', ...) declares a route. */
  private staticCall(node: Node): void {
    const scope = node.childForFieldName('scope')?.text ?? '';
    const method = node.childForFieldName('name')?.text ?? '';
    if (/^(self|static|parent)$/.test(scope)) return;
    this.c.reference(this.resolve(scope), 'calls', node);
    const first = node.childForFieldName('arguments')?.namedChildren[0]?.namedChildren[0];
    if (ROUTE_FACADES.has(simpleName(dotted(scope))) && HTTP_VERBS.has(method) && first?.type === 'string') {
      this.c.entry(
        'http-route',
        node,
        `${method.toUpperCase()} ${childrenOfType(first, 'string_content', 'string_value')
          .map((p) => p.text)
          .join('')}`,
      );
    }
  }

  private attributes(node: Node, member?: string): { name: string; args?: string; node: Node }[] {
    const parsed: { name: string; args?: string; node: Node }[] = [];
    for (const attribute of childrenOfType(node, 'attribute_list')
      .flatMap((list) => childrenOfType(list, 'attribute_group'))
      .flatMap((group) => childrenOfType(group, 'attribute'))) {
      const name = simpleName(dotted(attribute.namedChildren[0]?.text ?? ''));
      const args = childrenOfType(attribute, 'arguments')[0]?.text.replace(/^\(|\)$/g, '') || undefined;
      parsed.push({ name, ...(args ? { args } : {}), node: attribute });
      this.c.annotation(name, args, attribute, member);
      this.c.reference(this.resolve(attribute.namedChildren[0]?.text ?? name), 'uses', attribute);
    }
    return parsed;
  }

  /** A class name as written, through `use` imports and the current namespace. */
  private resolve(written: string): string {
    const name = dotted(written);
    if (written.startsWith('\\')) return name;
    const [head, ...rest] = name.split('.');
    const imported = this.uses.get(head!);
    if (imported) return [imported, ...rest].join('.');
    return this.c.facts.namespace &&
      !/^(string|int|float|bool|array|void|mixed|object|callable|iterable|null|self|static)$/i.test(name)
      ? `${this.c.facts.namespace}.${name}`
      : name;
  }
}

function dotted(name: string): string {
  return name.replace(/^\\/, '').replace(/\\/g, '.');
}

function firstSingle(args: string | undefined): string | undefined {
  return args ? /'((?:[^'\\]|\\.)*)'/.exec(args)?.[1] : undefined;
}
