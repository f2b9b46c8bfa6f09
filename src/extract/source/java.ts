import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../source-text.js';
import { apisOf, entryOfAnnotation } from './catalogue.js';
import { childrenOfType, unquote, type FactCollector } from './fact-collector.js';
import { unescapeString } from '../unescape-string.js';
import { joinRoute } from './join-route.js';
import type { Import, SourceFacts, UnitKind } from './source-facts.js';
import { extractWithTree } from './tree-sitter/extract-with-tree.js';
import { entityAccess, jpqlAccess, springDataAccess } from './java-persistence.js';
import { parseAnnotation, typeName, type ParsedAnnotation } from './java-syntax.js';
import { firstString, namedArgument, simpleName } from './walker-helpers.js';

const UNIT_KINDS: Record<string, UnitKind> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  enum_declaration: 'enum',
  record_declaration: 'record',
  annotation_type_declaration: 'annotation-type',
};
/** Java (incl. Java/Jakarta EE and Spring) from a tree-sitter syntax tree, walked once. */
export function extractJava(source: SourceText): Promise<SourceFacts> {
  return extractWithTree(source, (root, collector) => {
    new JavaWalker(collector).visit(root);
    markUnusedImports(collector.facts.imports, source.masked);
  });
}

/**
 * A single-type import whose simple name the file never uses again is no use of that API (an IDE
 * left it behind): `import jakarta.ejb.Stateful;` in a class that is not @Stateful. The words of
 * the file, comments blanked, are read once; wildcard imports always count.
 */
function markUnusedImports(imports: Import[], masked: string): void {
  const single = imports.filter((imported) => !imported.wildcard);
  if (single.length === 0) return;
  // One line each (bounded: a hostile file of unterminated `import` lines stays linear).
  const body = masked.replace(/^[ \t]*(import|package)\b[^;\n]*;/gm, '');
  const words = new Set(body.match(/[A-Za-z_$][\w$]*/g) ?? []);
  for (const imported of single) {
    if (!words.has(simpleName(imported.target))) imported.unused = true;
  }
}

class JavaWalker {
  /** Base path of the enclosing controller (@RequestMapping/@Path on the class). */
  private readonly routeBases: string[] = [];
  /** Type parameters in scope (class and method <T>): names, not types to reference. */
  private readonly typeParameters: Set<string>[] = [];

  constructor(private readonly c: FactCollector) {}

  visit(node: Node): void {
    const handler = this.handlers[node.type];
    if (handler) handler(node);
    else this.visitChildren(node);
  }

  private visitChildren(node: Node): void {
    for (const child of node.namedChildren) if (child) this.visit(child);
  }

  private readonly handlers: Record<string, (node: Node) => void> = {
    package_declaration: (node) => {
      this.c.facts.namespace = node.namedChildren.find(
        (child) => child?.type !== 'annotation' && child?.type !== 'marker_annotation',
      )?.text;
    },
    import_declaration: (node) => {
      const name = childrenOfType(node, 'scoped_identifier', 'identifier')[0]?.text;
      if (!name) return;
      const wildcard = childrenOfType(node, 'asterisk').length > 0;
      const isStatic = /^import\s+static\b/.test(node.text);
      // `import static a.B.member` imports from class a.B.
      const target = isStatic && !wildcard ? name.slice(0, name.lastIndexOf('.')) : name;
      this.c.facts.imports.push({
        target,
        location: this.c.at(node),
        ...(wildcard && !isStatic ? { wildcard: true } : {}),
      });
    },
    class_declaration: (node) => this.unit(node),
    interface_declaration: (node) => this.unit(node),
    enum_declaration: (node) => this.unit(node),
    record_declaration: (node) => this.unit(node),
    annotation_type_declaration: (node) => this.unit(node),
    method_declaration: (node) => this.method(node),
    constructor_declaration: (node) => this.method(node),
    field_declaration: (node) => this.declaration(node),
    local_variable_declaration: (node) => this.declaration(node),
    formal_parameter: (node) => this.declaration(node),
    catch_formal_parameter: (node) => this.visitChildren(node),
    object_creation_expression: (node) => {
      const type = typeName(node.childForFieldName('type'));
      if (type) {
        this.c.reference(type, 'instantiates', node);
        const api = readOnlyRandomAccess(type, node) ? 'file-read' : apisOf('java').constructors[simpleName(type)];
        if (api) this.c.api(api, `new ${type}`, node);
      }
      this.visitChildren(node);
    },
    method_invocation: (node) => this.invocation(node),
    method_reference: (node) => {
      const head = node.namedChildren[0];
      if (head && /^[A-Z]/.test(head.text)) this.c.reference(head.text, 'uses', node);
    },
    type_identifier: (node) => this.typeUse(node),
    scoped_type_identifier: (node) => this.typeUse(node),
    string_literal: (node) => this.c.literal(unescapeString(unquote(node.text).replace(/^\n/, '')), node),
    marker_annotation: (node) => this.annotation(node),
    annotation: (node) => this.annotation(node),
  };

  private unit(node: Node): void {
    const name = node.childForFieldName('name')?.text;
    if (!name) return this.visitChildren(node);
    const modifiers = childrenOfType(node, 'modifiers')[0];
    this.c.enterUnit({
      id: this.c.qualify(name),
      name,
      kind: UNIT_KINDS[node.type] ?? 'class',
      location: this.c.at(node),
      ...(modifiers ? { modifiers: modifierKeywords(modifiers) } : {}),
    });
    const annotations = modifiers ? this.annotations(modifiers) : [];
    const superclass = childrenOfType(node, 'superclass')[0];
    const superType = typeName(superclass?.namedChildren[0] ?? null);
    if (superType) this.c.reference(superType, 'inherits', superclass!);
    for (const list of [...childrenOfType(node, 'super_interfaces', 'extends_interfaces')]) {
      for (const type of childrenOfType(list, 'type_list')[0]?.namedChildren ?? []) {
        const name = typeName(type);
        if (name) this.c.reference(name, node.type === 'interface_declaration' ? 'inherits' : 'implements', type!);
        springDataAccess(this.c, name, type!);
      }
    }
    this.classEntries(node, annotations, superType, superclass);
    this.routeBases.push(routeOf(annotations, ['RequestMapping', 'Path']) ?? '');
    this.typeParameters.push(typeParameterNames(node));
    for (const child of node.namedChildren)
      if (child && child.type !== 'modifiers' && child.type !== 'identifier') this.visit(child);
    this.typeParameters.pop();
    this.routeBases.pop();
    this.c.exitUnit();
  }

  private classEntries(
    node: Node,
    annotations: ParsedAnnotation[],
    superType: string | undefined,
    at: Node | undefined,
  ): void {
    for (const annotation of annotations) {
      const entry = entryOfAnnotation(annotation.name, 'class');
      if (entry) this.c.entry(entry, annotation.node, firstString(annotation.args));
      if (annotation.name === 'Entity') {
        const table = annotations.find((a) => a.name === 'Table');
        const tableName = (table && namedArgument(table.args, 'name')) ?? node.childForFieldName('name')?.text ?? '';
        this.c.facts.definitions.push({
          kind: 'entity',
          name: this.c.unit!,
          attributes: { table: tableName.toUpperCase() },
          location: this.c.at(annotation.node),
        });
      }
      // Spring Data MongoDB: @Document(collection = "orders") stores the class in a collection, its table.
      if (annotation.name === 'Document' && /^\s*$|collection|value|^\s*"/.test(annotation.args ?? '')) {
        const collection =
          namedArgument(annotation.args, 'collection') ??
          namedArgument(annotation.args, 'value') ??
          firstString(annotation.args) ??
          node.childForFieldName('name')?.text ??
          '';
        this.c.facts.definitions.push({
          kind: 'entity',
          name: this.c.unit!,
          attributes: { table: collection.toUpperCase() },
          location: this.c.at(annotation.node),
        });
      }
    }
    if (superType && /^(javax|jakarta)?\.?(servlet\.http\.)?HttpServlet$/.test(superType) && at)
      this.c.entry('servlet', at);
    const implementsListener = this.c.facts.references.some(
      (r) => r.from === this.c.unit && r.kind === 'implements' && simpleName(r.to) === 'MessageListener',
    );
    if (implementsListener && !annotations.some((a) => a.name === 'MessageDriven'))
      this.c.entry('message-listener', node);
  }

  private method(node: Node): void {
    const name = node.childForFieldName('name')?.text ?? '<init>';
    const modifiers = childrenOfType(node, 'modifiers')[0];
    const annotations = modifiers ? this.annotations(modifiers, name) : [];
    for (const annotation of annotations) {
      const entry = entryOfAnnotation(annotation.name, 'method');
      if (!entry) continue;
      // JAX-RS puts the method's path beside its verb: @GET @Path("/shortest-path").
      const path = annotations.find((candidate) => candidate.name === 'Path');
      const own =
        firstString(annotation.args) ??
        namedArgument(annotation.args, 'value') ??
        namedArgument(annotation.args, 'path') ??
        (path ? firstString(path.args) : undefined);
      const detail =
        entry === 'http-route'
          ? joinRoute(this.routeBases.at(-1) ?? '', own)
          : (firstString(annotation.args) ?? annotation.args);
      this.c.entry(entry, annotation.node, detail || undefined);
    }
    const isMain =
      name === 'main' && modifiers && /\bstatic\b/.test(modifiers.text) && /\bpublic\b/.test(modifiers.text);
    if (isMain) this.c.entry('main', node);
    this.typeParameters.push(typeParameterNames(node));
    this.c.withScope(() => {
      for (const child of node.namedChildren) if (child && child.type !== 'modifiers') this.visit(child);
    });
    this.typeParameters.pop();
  }

  private declaration(node: Node): void {
    const type = typeName(node.childForFieldName('type'));
    if (type) {
      for (const declarator of childrenOfType(node, 'variable_declarator')) {
        const variable = declarator.childForFieldName('name')?.text;
        if (variable) this.c.declare(variable, type);
      }
      const variable = node.type === 'formal_parameter' ? node.childForFieldName('name')?.text : undefined;
      if (variable) this.c.declare(variable, type);
    }
    this.visitChildren(node);
  }

  private invocation(node: Node): void {
    const object = node.childForFieldName('object');
    const method = node.childForFieldName('name')?.text ?? '';
    let receiverType: string | undefined;
    if (object?.type === 'identifier')
      receiverType = this.c.typeOf(object.text) ?? (/^[A-Z]/.test(object.text) ? object.text : undefined);
    else if (object?.type === 'field_access' && object.text.startsWith('this.'))
      receiverType = this.c.typeOf(object.text.slice(5));
    if (receiverType) this.c.reference(receiverType, 'calls', node);
    const qualified = receiverType ? `${simpleName(receiverType)}.${method}` : undefined;
    const api =
      (qualified && apisOf('java').calls[qualified]) ||
      (object && method === 'exec' && /Runtime/.test(object.text) ? 'process-exec' : undefined) ||
      (method === 'getSession' && isHttpReceiver(object?.text, receiverType) ? 'session' : undefined) ||
      (method === 'lookup' && receiverType && /Context$/.test(receiverType) ? 'jndi' : undefined) ||
      (object ? apisOf('java').methods[method] : undefined);
    if (api) this.c.api(api, qualified ?? `${object?.text ?? ''}.${method}`, node);
    entityAccess(this.c, method, node);
    this.visitChildren(node);
  }

  private typeUse(node: Node): void {
    const parent = node.parent;
    // Declarations of type parameters are not uses of another type.
    if (parent?.type === 'type_parameter' && parent.namedChildren[0]?.id === node.id) return;
    const name = node.text;
    if (!/^[A-Z]/.test(simpleName(name)) || this.typeParameters.some((names) => names.has(name))) return;
    this.c.reference(name, 'uses', node);
    const api = apisOf('java').types[simpleName(name)];
    if (api) this.c.api(api, name, node);
  }

  private annotation(node: Node): void {
    // Annotations inside expressions or parameters (e.g. @PathVariable) are recorded on the enclosing unit.
    const { name, args } = parseAnnotation(node);
    this.c.annotation(name, args, node);
    this.c.reference(name, 'uses', node);
  }

  private annotations(modifiers: Node, member?: string): ParsedAnnotation[] {
    const parsed: ParsedAnnotation[] = [];
    for (const node of childrenOfType(modifiers, 'annotation', 'marker_annotation')) {
      const annotation = { ...parseAnnotation(node), node };
      parsed.push(annotation);
      this.c.annotation(annotation.name, annotation.args, node, member);
      this.c.reference(annotation.name, 'uses', node);
      jpqlAccess(this.c, annotation);
    }
    return parsed;
  }
}

function typeParameterNames(node: Node): Set<string> {
  const list = childrenOfType(node, 'type_parameters')[0];
  return new Set(
    list ? childrenOfType(list, 'type_parameter').map((parameter) => parameter.namedChildren[0]?.text ?? '') : [],
  );
}

function modifierKeywords(modifiers: Node): string[] {
  return modifiers.children.filter((child) => child && !child.isNamed).map((child) => child!.text);
}

function routeOf(annotations: ParsedAnnotation[], names: string[]): string | undefined {
  const annotation = annotations.find((a) => names.includes(a.name));
  return annotation ? (firstString(annotation.args) ?? '') : undefined;
}

/**
 * Whether a getSession() call asks a web request (or a session event) for its HTTP session:
 * Hibernate's, JavaMail's and JSch's getSession() return something else entirely, and an
 * unqualified call (HibernateDaoSupport) says nothing.
 */
function isHttpReceiver(object: string | undefined, receiverType: string | undefined): boolean {
  if (receiverType)
    return /Request$|^Http|Servlet|SessionEvent$|Portlet|FacesContext$|ExternalContext$|ActionContext$/.test(
      simpleName(receiverType),
    );
  return (
    object !== undefined &&
    /(^|\.)(request|req|httpRequest|servletRequest|httpServletRequest)$|get(Http)?(Servlet)?Request\(\)$|getExternalContext\(\)$/i.test(
      object,
    )
  );
}

/** new RandomAccessFile(file, "r") only reads; "rw", "rws" and "rwd" write. */
function readOnlyRandomAccess(type: string, node: Node): boolean {
  if (simpleName(type) !== 'RandomAccessFile') return false;
  const mode = node.childForFieldName('arguments')?.namedChildren[1];
  return mode?.type === 'string_literal' && mode.text === '"r"';
}
