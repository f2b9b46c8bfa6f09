import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../source-text.js';
import { apisOf, entryOfAnnotation } from './catalogue.js';
import { joinRoute } from './join-route.js';
import { childrenOfType, type FactCollector } from './fact-collector.js';
import { unescapeString } from '../unescape-string.js';
import type { SourceFacts, UnitKind } from './source-facts.js';
import { markUnusedUsings } from './namespace-types.js';
import { extractWithTree } from './tree-sitter/extract-with-tree.js';
import { firstString, namedArgument, simpleName } from './walker-helpers.js';

const UNIT_KINDS: Record<string, UnitKind> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  struct_declaration: 'struct',
  record_declaration: 'record',
  record_struct_declaration: 'record',
  enum_declaration: 'enum',
};
const STRING_NODES = new Set([
  'string_literal',
  'verbatim_string_literal',
  'raw_string_literal',
  'interpolated_string_expression',
]);

/** C# (.NET Framework and .NET) from a tree-sitter syntax tree, walked once. */
export function extractCSharp(source: SourceText): Promise<SourceFacts> {
  return extractWithTree(source, (root, collector) => {
    new CSharpWalker(collector).visit(root);
    markUnusedUsings(collector.facts.imports, source.masked);
  });
}

class CSharpWalker {
  private readonly routeBases: string[] = [];

  constructor(private readonly c: FactCollector) {}

  visit(node: Node): void {
    if (UNIT_KINDS[node.type]) return this.unit(node);
    if (STRING_NODES.has(node.type)) return this.c.literal(stringValue(node), node);
    switch (node.type) {
      case 'using_directive': {
        const target = node.namedChildren
          .filter((child) => child?.type === 'qualified_name' || child?.type === 'identifier')
          .at(-1)?.text;
        const alias = /^\s*(?:global\s+)?using\s+(?:static\s+)?(\w+)\s*=/.exec(node.text)?.[1];
        if (target)
          this.c.facts.imports.push({
            target,
            location: this.c.at(node),
            ...(alias ? { alias } : { wildcard: !/\bstatic\b/.test(node.text) }),
          });
        return;
      }
      case 'namespace_declaration': {
        const outer = this.c.facts.namespace;
        const name = node.childForFieldName('name')?.text ?? '';
        this.c.facts.namespace = outer ? `${outer}.${name}` : name;
        this.visitChildren(node.childForFieldName('body'));
        // A block namespace ends with its block; a file-scoped one never does.
        if (outer === undefined) delete this.c.facts.namespace;
        else this.c.facts.namespace = outer;
        return;
      }
      case 'file_scoped_namespace_declaration':
        this.c.facts.namespace = node.childForFieldName('name')?.text ?? '';
        return;
      case 'method_declaration':
      case 'constructor_declaration':
        return this.method(node);
      case 'variable_declaration':
      case 'parameter':
      case 'property_declaration':
        return this.declaration(node);
      case 'object_creation_expression':
        return this.creation(node);
      case 'invocation_expression':
        return this.invocation(node);
      case 'member_access_expression':
      case 'element_access_expression':
        this.memberAccess(node);
        return this.visitChildren(node);
      case 'attribute_list':
        this.attributes(node);
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
    if (!name) return this.visitChildren(node);
    const modifiers = childrenOfType(node, 'modifier').map((modifier) => modifier.text);
    this.c.enterUnit({
      id: this.c.qualify(name),
      name,
      kind: UNIT_KINDS[node.type] ?? 'class',
      location: this.c.at(node),
      ...(modifiers.length > 0 ? { modifiers } : {}),
    });
    const attributes = this.attributes(node);
    const bases = childrenOfType(node, 'base_list')[0]?.namedChildren ?? [];
    bases.forEach((base, index) => {
      const type = typeNames(base)[0];
      if (!type || !base) return;
      // C# puts the base class first; interfaces follow and are named I<Upper> by convention.
      const isInterface = /^I[A-Z]/.test(simpleName(type)) || index > 0 || node.type === 'interface_declaration';
      this.c.reference(type, isInterface && node.type !== 'interface_declaration' ? 'implements' : 'inherits', base);
    });
    for (const attribute of attributes) {
      const entry = entryOfAnnotation(attribute.name, 'class');
      // [ServiceContract(Namespace = "...")] names an XML namespace, not an address: only Name is a detail.
      if (entry && entry !== 'http-route')
        this.c.entry(
          entry,
          attribute.node,
          attribute.name === 'ServiceContract' ? namedArgument(attribute.args, 'Name') : firstString(attribute.args),
        );
      if (attribute.name === 'Table') this.entity(firstString(attribute.args) ?? name, attribute.node, this.c.unit!);
    }
    const route = attributes.find((attribute) => attribute.name === 'Route' || attribute.name === 'RoutePrefix');
    this.routeBases.push((firstString(route?.args) ?? '').replace('[controller]', name.replace(/Controller$/, '')));
    this.visitChildren(node.childForFieldName('body') ?? childrenOfType(node, 'declaration_list')[0] ?? null);
    this.routeBases.pop();
    this.c.exitUnit();
  }

  private method(node: Node): void {
    const name = node.childForFieldName('name')?.text ?? '.ctor';
    const attributes = this.attributes(node, name);
    for (const attribute of attributes) {
      const entry = entryOfAnnotation(attribute.name, 'method');
      if (!entry) continue;
      const path = firstString(attribute.args) ?? namedArgument(attribute.args, 'Template');
      const detail =
        entry === 'http-route'
          ? joinRoute(this.routeBases.at(-1) ?? '', path) || undefined
          : entry === 'web-service'
            ? name
            : (path ?? attribute.args);
      this.c.entry(entry, attribute.node, detail);
    }
    const modifiers = childrenOfType(node, 'modifier').map((modifier) => modifier.text);
    if (name === 'Main' && modifiers.includes('static')) this.c.entry('main', node);
    const returns = node.childForFieldName('returns') ?? node.childForFieldName('type');
    for (const type of typeNames(returns)) this.typeUse(type, returns!);
    this.c.withScope(() => {
      this.visitChildren(node.childForFieldName('parameters'));
      this.visitChildren(node.childForFieldName('body'));
    });
  }

  private declaration(node: Node): void {
    const typeNode = node.childForFieldName('type');
    const types = typeNames(typeNode);
    for (const type of types) this.typeUse(type, typeNode!);
    const declared = types[0];
    const names =
      node.type === 'variable_declaration'
        ? childrenOfType(node, 'variable_declarator').map(
            (declarator) =>
              [declarator.childForFieldName('name')?.text ?? declarator.namedChildren[0]?.text, declarator] as const,
          )
        : [[node.childForFieldName('name')?.text, node] as const];
    for (const [name, declarator] of names) {
      if (!name) continue;
      // `var x = new T(...)` declares x as a T.
      const created =
        typeNode?.type === 'implicit_type' ? childrenOfType(declarator, 'object_creation_expression')[0] : undefined;
      const type = declared ?? typeNames(created?.childForFieldName('type') ?? null)[0];
      if (type) this.c.declare(name, type);
    }
    // EF: DbSet<Invoice> Invoices { get; set; } maps the Invoice entity to the Invoices table.
    if (
      node.type === 'property_declaration' &&
      typeNode?.type === 'generic_name' &&
      typeNode.namedChildren[0]?.text === 'DbSet' &&
      types[1] &&
      this.c.unit
    ) {
      this.entity(node.childForFieldName('name')?.text ?? types[1], node, types[1], 'convention');
    }
    this.attributes(node);
    for (const child of node.namedChildren)
      if (child && child.id !== typeNode?.id && child.type !== 'attribute_list') this.visit(child);
  }

  /** `by: convention` (the DbSet name) yields to an explicit [Table] on the entity class. */
  private entity(table: string, node: Node, entity: string, by?: 'convention'): void {
    this.c.facts.definitions.push({
      kind: 'entity',
      name: entity,
      attributes: { table: table.toUpperCase(), ...(by ? { by } : {}) },
      location: this.c.at(node),
    });
  }

  private creation(node: Node): void {
    const typeNode = node.childForFieldName('type');
    const type = typeNames(typeNode)[0];
    if (type) {
      this.c.reference(type, 'instantiates', node);
      const api = apisOf('csharp').constructors[simpleName(type)];
      if (api) this.c.api(api, `new ${type}`, node);
    }
    for (const child of node.namedChildren) if (child && child.id !== typeNode?.id) this.visit(child);
  }

  private invocation(node: Node): void {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'member_access_expression') {
      const receiver = fn.childForFieldName('expression');
      const method = (fn.childForFieldName('name')?.namedChildren[0] ?? fn.childForFieldName('name'))?.text ?? '';
      const receiverType = receiver ? this.receiverType(receiver) : undefined;
      if (receiverType) this.c.reference(receiverType, 'calls', node);
      const written = `${receiver?.text ?? ''}.${method}`;
      const api =
        apisOf('csharp').calls[`${simpleName(receiverType ?? receiver?.text ?? '')}.${method}`] ??
        apisOf('csharp').methods[method];
      if (api) this.c.api(api, written, node);
      if (receiver) this.visit(receiver);
    } else if (fn) {
      this.visit(fn);
    }
    this.visitChildren(node.childForFieldName('arguments'));
  }

  /** Registry.LocalMachine, ConfigurationManager.AppSettings, HttpContext.Current.Session["x"]. */
  private memberAccess(node: Node): void {
    const text =
      node.type === 'element_access_expression' ? (node.childForFieldName('expression')?.text ?? '') : node.text;
    if (node.type === 'element_access_expression' && /(^|\.)Session$/.test(text))
      this.c.api('session', `${text}[]`, node);
    if (node.type !== 'member_access_expression' || node.parent?.type === 'invocation_expression') return;
    const api = apisOf('csharp').calls[text.split('.').slice(-2).join('.')];
    if (api) this.c.api(api, text, node);
  }

  private receiverType(receiver: Node): string | undefined {
    if (receiver.type === 'identifier')
      return this.c.typeOf(receiver.text) ?? (/^[A-Z]/.test(receiver.text) ? receiver.text : undefined);
    if (
      receiver.type === 'member_access_expression' &&
      receiver.childForFieldName('expression')?.type === 'this_expression'
    ) {
      return this.c.typeOf(receiver.childForFieldName('name')?.text ?? '');
    }
    return undefined;
  }

  private typeUse(type: string, node: Node): void {
    if (!/^[A-Z]/.test(simpleName(type))) return;
    this.c.reference(type, 'uses', node);
    const api = apisOf('csharp').types[simpleName(type)];
    if (api) this.c.api(api, type, node);
  }

  private attributes(node: Node, member?: string): { name: string; args?: string; node: Node }[] {
    const lists = node.type === 'attribute_list' ? [node] : childrenOfType(node, 'attribute_list');
    const parsed: { name: string; args?: string; node: Node }[] = [];
    for (const attribute of lists.flatMap((list) => childrenOfType(list, 'attribute'))) {
      const name = simpleName(
        attribute.childForFieldName('name')?.text ?? attribute.namedChildren[0]?.text ?? '',
      ).replace(/Attribute$/, '');
      const list = childrenOfType(attribute, 'attribute_argument_list')[0];
      const args = list?.text.replace(/^\(|\)$/g, '').trim() || undefined;
      parsed.push({ name, ...(args ? { args } : {}), node: attribute });
      this.c.annotation(name, args, attribute, member);
      this.c.reference(name, 'uses', attribute);
    }
    return parsed;
  }
}

/** Type names in a type node: List<Invoice> → [List, Invoice]; int and var → []. */
function typeNames(node: Node | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'identifier':
    case 'qualified_name':
      return [node.text];
    case 'generic_name':
      return [
        node.namedChildren[0]?.text ?? '',
        ...childrenOfType(node, 'type_argument_list').flatMap((list) =>
          list.namedChildren.flatMap((child) => typeNames(child)),
        ),
      ].filter(Boolean);
    case 'array_type':
    case 'nullable_type':
    case 'pointer_type':
    case 'ref_type':
      return node.namedChildren.flatMap((child) => typeNames(child));
    default:
      return [];
  }
}

/** Value of a C# string literal: verbatim strings double their quotes, interpolations keep their text. */
function stringValue(node: Node): string {
  const text = node.text;
  if (node.type === 'verbatim_string_literal') return text.replace(/^@"|"$/g, '').replace(/""/g, '"');
  if (node.type === 'raw_string_literal') return text.replace(/^"{3,}|"{3,}$/g, '').trim();
  if (node.type === 'interpolated_string_expression')
    return text.startsWith('$@') || text.startsWith('@$')
      ? text.replace(/^\$@"|^@\$"|"$/g, '')
      : unescapeString(text.replace(/^\$"|"$/g, ''));
  return unescapeString(text.replace(/^"|"$/g, ''));
}
