import path from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../source-text.js';
import { apisOf } from './catalogue.js';
import { childrenOfType, type FactCollector } from './fact-collector.js';
import type { SourceFacts } from './source-facts.js';
import { extractWithTree } from './tree-sitter/extract-with-tree.js';

const ROUTE_METHODS = new Set([
  'HandleFunc',
  'Handle',
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'Get',
  'Post',
  'Put',
  'Delete',
  'Patch',
]);

/**
 * Go from a tree-sitter syntax tree. Go names packages by folder, so a package is the unit
 * `internal/ledger` (shared by its files) and its types and functions are `internal/ledger.Store`;
 * methods belong to their receiver's type.
 */
export function extractGo(source: SourceText): Promise<SourceFacts> {
  return extractWithTree(source, (root, collector) => {
    const folder = path.posix.dirname(source.appRel);
    const packageName = childrenOfType(root, 'package_clause')[0]?.namedChildren[0]?.text ?? 'main';
    const pkg = folder === '.' ? packageName : folder;
    collector.facts.namespace = pkg;
    new GoWalker(collector, pkg, packageName).walk(root);
  });
}

class GoWalker {
  /** Import name in this file → import path: `h` → net/http. */
  private readonly imports = new Map<string, string>();

  constructor(
    private readonly c: FactCollector,
    private readonly pkg: string,
    private readonly packageName: string,
  ) {}

  walk(root: Node): void {
    this.c.enterUnit({ id: this.pkg, name: this.packageName, kind: 'module', location: this.c.at(root) });
    for (const child of root.namedChildren) {
      if (!child) continue;
      if (child.type === 'import_declaration') this.importSpecs(child);
      else if (child.type === 'type_declaration') this.types(child);
      else if (child.type === 'function_declaration') this.func(child, child.childForFieldName('name')?.text);
      else if (child.type === 'method_declaration') this.func(child, receiverType(child));
      else this.visit(child);
    }
    this.c.exitUnit();
  }

  private importSpecs(node: Node): void {
    for (const spec of [
      ...childrenOfType(node, 'import_spec'),
      ...childrenOfType(node, 'import_spec_list').flatMap((list) => childrenOfType(list, 'import_spec')),
    ]) {
      const target = stringValue(spec.childForFieldName('path'));
      if (!target) continue;
      this.c.facts.imports.push({ target, location: this.c.at(spec) });
      const alias = spec.childForFieldName('name')?.text;
      if (alias !== '_' && alias !== '.') this.imports.set(alias ?? target.slice(target.lastIndexOf('/') + 1), target);
    }
  }

  private types(node: Node): void {
    for (const spec of childrenOfType(node, 'type_spec')) {
      const name = spec.childForFieldName('name')?.text;
      const type = spec.childForFieldName('type');
      if (!name) continue;
      this.c.enterUnit({
        id: `${this.pkg}.${name}`,
        name,
        kind: type?.type === 'interface_type' ? 'interface' : 'struct',
        location: this.c.at(spec),
      });
      // Embedded types are Go's inheritance.
      for (const field of type
        ? [...childrenOfType(childrenOfType(type, 'field_declaration_list')[0] ?? type, 'field_declaration')]
        : []) {
        if (!field.childForFieldName('name') && field.childForFieldName('type'))
          this.c.reference(this.typeRef(field.childForFieldName('type')!.text), 'inherits', field);
      }
      this.visit(type);
      this.c.exitUnit();
    }
  }

  /** Functions are units; methods are visited inside their receiver's type unit. */
  private func(node: Node, name: string | undefined): void {
    if (!name) return;
    const isMethod = node.type === 'method_declaration';
    if (isMethod) this.c.resumeUnit(`${this.pkg}.${name}`);
    else this.c.enterUnit({ id: `${this.pkg}.${name}`, name, kind: 'function', location: this.c.at(node) });
    if (!isMethod && name === 'main' && this.packageName === 'main') this.c.entry('main', node);
    this.c.withScope(() => {
      for (const parameters of [node.childForFieldName('receiver'), node.childForFieldName('parameters')]) {
        for (const parameter of childrenOfType(parameters ?? node, 'parameter_declaration')) {
          const type = parameter.childForFieldName('type')?.text.replace(/^[*[\]]+/, '');
          for (const identifier of childrenOfType(parameter, 'identifier'))
            if (type) this.c.declare(identifier.text, type);
        }
      }
      this.visit(node.childForFieldName('parameters'));
      this.visit(node.childForFieldName('result'));
      this.visit(node.childForFieldName('body'));
    });
    this.c.exitUnit();
  }

  private visit(node: Node | null): void {
    if (!node) return;
    switch (node.type) {
      case 'call_expression':
        this.call(node);
        break;
      case 'go_statement':
        this.c.api('thread', 'go', node);
        break;
      case 'type_identifier':
        this.c.reference(`${this.pkg}.${node.text}`, 'uses', node);
        return;
      case 'qualified_type': {
        const target = this.imports.get(node.childForFieldName('package')?.text ?? '');
        if (target) this.c.reference(`${target}.${node.childForFieldName('name')?.text ?? ''}`, 'uses', node);
        return;
      }
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        this.c.literal(stringValue(node) ?? '', node);
        return;
    }
    for (const child of node.namedChildren) this.visit(child);
  }

  private call(node: Node): void {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'identifier') {
      this.c.reference(`${this.pkg}.${fn.text}`, 'calls', node);
    } else if (fn?.type === 'selector_expression') {
      const operand = fn.childForFieldName('operand')?.text ?? '';
      const member = fn.childForFieldName('field')?.text ?? '';
      const imported = this.imports.get(operand);
      if (imported) {
        this.c.reference(`${imported}.${member}`, 'calls', node);
        const api = apisOf('go').calls[`${imported.slice(imported.lastIndexOf('/') + 1)}.${member}`];
        if (api && !(api === 'socket' && isDialerAdapter(node))) this.c.api(api, `${operand}.${member}`, node);
      } else {
        const type = this.c.typeOf(operand);
        if (type) this.c.reference(this.typeRef(type), 'calls', node);
      }
      const first = node.childForFieldName('arguments')?.namedChildren[0];
      if (ROUTE_METHODS.has(member) && first && /string_literal$/.test(first.type))
        this.c.entry('http-route', node, stringValue(first));
      if (member === 'ListenAndServe' || member === 'ListenAndServeTLS') this.c.entry('main', node, 'listen');
    }
  }

  /** `store.Repo` through the file's imports, or a type of this package. */
  private typeRef(written: string): string {
    const clean = written.replace(/^[*[\]]+/, '');
    const [head, name] = clean.includes('.') ? clean.split('.') : [undefined, clean];
    const imported = head ? this.imports.get(head) : undefined;
    return imported ? `${imported}.${name}` : `${this.pkg}.${name}`;
  }
}

function receiverType(node: Node): string | undefined {
  const parameter = childrenOfType(node.childForFieldName('receiver') ?? node, 'parameter_declaration')[0];
  return parameter?.childForFieldName('type')?.text.replace(/^\*/, '').replace(/\[.*$/, '');
}

function stringValue(node: Node | null): string | undefined {
  if (!node) return undefined;
  return node.text.replace(/^["`]|["`]$/g, '');
}

/**
 * A dial inside a function that takes the network from its caller and hands the connection back
 * (`func(ctx, network, addr string) (net.Conn, error)`): a dialer other code plugs in, as an
 * http.Transport's DialContext. The caller's protocol, HTTP, is what runs on it: no raw socket.
 */
function isDialerAdapter(call: Node): boolean {
  const network = call.childForFieldName('arguments')?.namedChildren[0];
  if (network?.type !== 'identifier') return false;
  let scope = call.parent;
  while (scope && !/^(func_literal|function_declaration|method_declaration)$/.test(scope.type)) scope = scope.parent;
  if (!scope) return false;
  const parameters =
    scope
      .childForFieldName('parameters')
      ?.namedChildren.flatMap(
        (declaration) => declaration?.childrenForFieldName('name').map((name) => name?.text) ?? [],
      ) ?? [];
  return parameters.includes(network.text) && /\bnet\.Conn\b/.test(scope.childForFieldName('result')?.text ?? '');
}
