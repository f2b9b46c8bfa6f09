import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../source-text.js';
import { apisOf, entryOfAnnotation } from './catalogue.js';
import { childrenOfType, type FactCollector } from './fact-collector.js';
import type { SourceFacts } from './source-facts.js';
import { extractWithTree } from './tree-sitter/extract-with-tree.js';
import { firstString, simpleName } from './walker-helpers.js';

/**
 * Python from a tree-sitter syntax tree. The module is a unit (named from its path inside the
 * application: risk/monte_carlo.py → risk.monte_carlo), and so are its classes and top-level
 * functions; imported names resolve to what they import.
 */
export function extractPython(source: SourceText): Promise<SourceFacts> {
  return extractWithTree(source, (root, collector) => {
    const module = moduleName(source.appRel);
    collector.enterUnit({
      id: module,
      name: module.slice(module.lastIndexOf('.') + 1),
      kind: 'module',
      location: collector.at(root),
    });
    new PythonWalker(collector, module).visit(root);
    collector.exitUnit();
  });
}

/** risk/monte_carlo.py → risk.monte_carlo; shop/__init__.py → shop. */
export function moduleName(appRel: string): string {
  const parts = appRel.replace(/\.pyw?$/, '').split('/');
  if (parts.at(-1) === '__init__' && parts.length > 1) parts.pop();
  return parts.join('.');
}

class PythonWalker {
  /** Local name → what it stands for: `np` → numpy, `Order` → shop.models.Order. */
  private readonly aliases = new Map<string, string>();
  private readonly packageName: string;

  constructor(
    private readonly c: FactCollector,
    private readonly module: string,
  ) {
    this.packageName = module.includes('.') ? module.slice(0, module.lastIndexOf('.')) : '';
  }

  visit(node: Node): void {
    switch (node.type) {
      case 'import_statement':
        return this.importModules(node);
      case 'import_from_statement':
        return this.importFrom(node);
      case 'decorated_definition':
        return this.decorated(node);
      case 'class_definition':
        return this.definition(node, []);
      case 'function_definition':
        return this.definition(node, []);
      case 'call':
        return this.call(node);
      case 'attribute':
        this.attributeUse(node);
        return;
      case 'subscript': {
        // session["user"]: a bare name; attributes (os.environ[...]) are reached by visiting.
        const value = node.childForFieldName('value');
        if (value?.type === 'identifier') this.attributeUse(value);
        return this.visitChildren(node);
      }
      case 'if_statement':
        if (/^if\s+__name__\s*==\s*['"]__main__['"]/.test(node.text)) this.c.entry('main', node);
        return this.visitChildren(node);
      case 'expression_statement':
        // A string standing alone as a statement is a docstring: prose, not a literal the code uses.
        if (node.namedChildCount === 1 && node.namedChildren[0]?.type === 'string') return;
        return this.visitChildren(node);
      case 'assignment':
        this.tableName(node);
        return this.visitChildren(node);
      case 'string':
        return this.c.literal(stringValue(node), node);
      case 'identifier':
        // A function handed over by name (pool.map(simulate_chunk, ...)) is a dependency too.
        if (node.parent?.type === 'argument_list' && !BUILTINS.has(node.text))
          this.c.reference(this.aliases.get(node.text) ?? `${this.module}.${node.text}`, 'uses', node);
        return;
      default:
        return this.visitChildren(node);
    }
  }

  private visitChildren(node: Node | null): void {
    for (const child of node?.namedChildren ?? []) if (child) this.visit(child);
  }

  private importModules(node: Node): void {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
      const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : name?.split('.')[0];
      if (!name) continue;
      this.c.facts.imports.push({ target: name, location: this.c.at(child) });
      if (alias) this.aliases.set(alias, child.type === 'aliased_import' ? name : name.split('.')[0]!);
    }
  }

  private importFrom(node: Node): void {
    const moduleNode = node.childForFieldName('module_name');
    const from = this.absolute(moduleNode);
    if (childrenOfType(node, 'wildcard_import').length > 0) {
      this.c.facts.imports.push({ target: from, location: this.c.at(node), wildcard: true });
      return;
    }
    for (const child of node.namedChildren) {
      if (!child || child.id === moduleNode?.id) continue;
      const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
      const alias = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : name;
      if (!name) continue;
      const target = from ? `${from}.${name}` : name;
      this.c.facts.imports.push({ target, location: this.c.at(child) });
      if (alias) this.aliases.set(alias, target);
    }
  }

  /** `.models` inside package shop → shop.models. */
  private absolute(moduleNode: Node | null): string {
    if (moduleNode?.type !== 'relative_import') return moduleNode?.text ?? '';
    const dots = childrenOfType(moduleNode, 'import_prefix')[0]?.text.length ?? 1;
    const base = this.packageName.split('.').filter(Boolean);
    const kept = base.slice(0, Math.max(0, base.length - (dots - 1)));
    const rest = childrenOfType(moduleNode, 'dotted_name')[0]?.text;
    return [...kept, ...(rest ? [rest] : [])].join('.');
  }

  private decorated(node: Node): void {
    const decorators = childrenOfType(node, 'decorator').map((decorator) => {
      const expression = decorator.namedChildren[0];
      const call = expression?.type === 'call' ? expression : undefined;
      const name = (call ? call.childForFieldName('function') : expression)?.text ?? '';
      const args = call?.childForFieldName('arguments')?.text.replace(/^\(|\)$/g, '') || undefined;
      return { name, args, node: decorator };
    });
    const definition = node.childForFieldName('definition');
    if (definition) this.definition(definition, decorators);
  }

  private definition(node: Node, decorators: { name: string; args?: string | undefined; node: Node }[]): void {
    const name = node.childForFieldName('name')?.text;
    const isClass = node.type === 'class_definition';
    // Top-level functions and all classes are units; methods and nested functions belong to theirs.
    const isUnit = name && (isClass || this.atModuleLevel(node));
    if (isUnit)
      this.c.enterUnit({
        id: this.c.qualify(name),
        name,
        kind: isClass ? 'class' : 'function',
        location: this.c.at(node),
      });
    for (const decorator of decorators) {
      this.c.annotation(simpleName(decorator.name), decorator.args, decorator.node, isUnit ? undefined : name);
      const entry = entryOfAnnotation(simpleName(decorator.name), 'method');
      // @app.route / @router.get / @celery.task; plain @get would be ambiguous without a receiver.
      if (entry && (decorator.name.includes('.') || entry === 'scheduled'))
        this.c.entry(entry, decorator.node, firstString(decorator.args) ?? firstSingleQuoted(decorator.args));
    }
    if (isClass) {
      for (const base of node.childForFieldName('superclasses')?.namedChildren ?? []) {
        if (base && base.type !== 'keyword_argument') this.c.reference(this.resolveName(base.text), 'inherits', base);
      }
      if (name) this.djangoModel(node, name);
    }
    this.visitChildren(node.childForFieldName('parameters'));
    this.visitChildren(node.childForFieldName('return_type'));
    this.visitChildren(node.childForFieldName('body'));
    if (isUnit) this.c.exitUnit();
  }

  private atModuleLevel(node: Node): boolean {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (parent.type === 'function_definition' || parent.type === 'class_definition') return false;
    }
    return true;
  }

  private call(node: Node): void {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    if (fn) {
      const written = fn.text;
      const resolved = this.resolveName(written);
      const api =
        apisOf('python').calls[resolved] ??
        (fn.type === 'attribute' ? apisOf('python').methods[fn.childForFieldName('attribute')?.text ?? ''] : undefined);
      const shown = /^[\w.]+$/.test(written) ? written : `….${fn.childForFieldName('attribute')?.text ?? ''}`;
      if (api) this.c.api(api, shown, node);
      else if (written === 'open') this.c.api(opensForWriting(args) ? 'file-write' : 'file-read', 'open', node);
      const head = written.split('.')[0]!;
      // Only plain dotted names reference something: pd.DataFrame(...).to_csv names nothing.
      if (/^[\w.]+$/.test(written) && (this.aliases.has(head) || /^[A-Z]/.test(head)))
        this.c.reference(resolved, 'calls', node);
      // A bare call may be a function of this module, defined above or below.
      else if (fn.type === 'identifier' && !BUILTINS.has(written))
        this.c.reference(`${this.module}.${written}`, 'calls', node);
      const object = fn.type === 'attribute' ? fn.childForFieldName('object') : null;
      if (object) this.visit(object);
    }
    this.visitChildren(args);
  }

  /**
   * os.environ["X"]: APIs used without a call. Django's request.session and Flask's session are
   * not server memory (Django keeps sessions in the database, Flask in a signed cookie): where they
   * live is a setting, which the state rules read (SESSION_ENGINE, SESSION_TYPE).
   */
  private attributeUse(node: Node | null): void {
    if (!node) return;
    const resolved = this.resolveName(node.text);
    const api = apisOf('python').calls[resolved];
    if (api) this.c.api(api, node.text, node);
  }

  /**
   * Django: a concrete model class of an app's models module (`dcim/models/devices.py`: `class
   * Device(PrimaryModel)`, a base that is `models.Model` or ends in Model) is its table,
   * `<app>_<model>` unless its Meta names a db_table; an abstract model (Meta: abstract = True) is none.
   */
  private djangoModel(node: Node, name: string): void {
    const app = /(?:^|\/)([^/]+)\/models(?:\.py$|\/)/.exec(this.c.facts.file)?.[1];
    const bases = (node.childForFieldName('superclasses')?.namedChildren ?? [])
      .filter((base): base is Node => base !== null && base.type !== 'keyword_argument')
      .map((base) => base.text);
    if (!app || !this.c.unit || !bases.some((base) => base === 'models.Model' || /Model$/.test(simpleName(base))))
      return;
    const meta = node
      .childForFieldName('body')
      ?.namedChildren.find(
        (child) => child?.type === 'class_definition' && child.childForFieldName('name')?.text === 'Meta',
      );
    if (meta && /\babstract\s*=\s*True\b/.test(meta.text)) return;
    const table = meta ? /\bdb_table\s*=\s*['"]([^'"]+)['"]/.exec(meta.text)?.[1] : undefined;
    this.c.facts.definitions.push({
      kind: 'entity',
      name: this.c.unit,
      attributes: { table: (table ?? `${app}_${name}`).toUpperCase() },
      location: this.c.at(node),
    });
  }

  /** SQLAlchemy: __tablename__ = "orders" maps the class to its table. */
  private tableName(node: Node): void {
    const unit = this.c.unit;
    const right = node.childForFieldName('right');
    if (node.childForFieldName('left')?.text !== '__tablename__' || right?.type !== 'string' || !unit) return;
    this.c.facts.definitions.push({
      kind: 'entity',
      name: unit,
      attributes: { table: stringValue(right).toUpperCase() },
      location: this.c.at(node),
    });
  }

  /** np.random.default_rng → numpy.random.default_rng, through the file's imports. */
  private resolveName(written: string): string {
    const [head, ...rest] = written.split('.');
    const target = this.aliases.get(head!);
    return target ? [target, ...rest].join('.') : written;
  }
}

/** Builtins are never the application's own functions. */
const BUILTINS = new Set([
  'print',
  'len',
  'range',
  'open',
  'int',
  'str',
  'float',
  'list',
  'dict',
  'set',
  'tuple',
  'bool',
  'isinstance',
  'enumerate',
  'zip',
  'map',
  'filter',
  'sorted',
  'sum',
  'min',
  'max',
  'abs',
  'super',
  'getattr',
  'setattr',
  'hasattr',
  'type',
  'repr',
  'iter',
  'next',
  'round',
  'any',
  'all',
  'format',
  'id',
  'vars',
  'dir',
  'callable',
  'exec',
  'eval',
]);

function opensForWriting(args: Node | null): boolean {
  const mode = args?.namedChildren.find(
    (arg, index) =>
      (index === 1 && arg?.type === 'string') ||
      (arg?.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'mode'),
  );
  const text = mode?.type === 'keyword_argument' ? mode.childForFieldName('value')?.text : mode?.text;
  return /[wax+]/.test(text?.replace(/^[rbuf]*['"]|['"]$/gi, '') ?? '');
}

function stringValue(node: Node): string {
  return childrenOfType(node, 'string_content')
    .map((part) => part.text)
    .join('');
}

function firstSingleQuoted(args: string | undefined): string | undefined {
  return args ? /'((?:[^'\\]|\\.)*)'/.exec(args)?.[1] : undefined;
}
