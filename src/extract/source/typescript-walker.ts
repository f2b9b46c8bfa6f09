import type TS from 'typescript';
import { apisOf, entryOfAnnotation } from './catalogue.js';
import { classifyLiteral } from './classify-literal.js';
import { placeOfTsNode, useOfTsValue } from './literal-place-typescript.js';
import { markListedReads, PathOrigins, type PathOrigin } from './path-origin.js';
import { literalUse, VALUE_APIS } from './literal-use.js';
import { emptyFacts, type Location, type ReferenceKind, type SourceFacts } from './source-facts.js';
import { looksLikeSql, sqlTables } from './sql-tables.js';
import { turnsCertificateChecksOff } from './tls-options.js';
import { exportedUnit, resolveSpecifier, unitKindOf, type ModuleIndex, type Ts } from './typescript-modules.js';

const HTTP_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head']);

/**
 * One TypeScript or JavaScript file's facts, from its syntax tree and the index of the project's
 * modules: units, references resolved through imports and declared or constructed types, entry
 * points (routes, listeners, decorators), API calls, SQL and literals that name places.
 */
export class FileWalker {
  private readonly facts: SourceFacts;
  private readonly seen = new Set<string>();
  /** Local name → module specifier (or specifier.name), for recognising Node.js APIs through aliases. */
  private readonly moduleNames = new Map<string, string>();
  /** Variable, parameter and property name → the type it is declared or constructed with. */
  private readonly typeOf = new Map<string, string>();
  private paths: PathOrigins | undefined;

  constructor(
    private readonly ts: Ts,
    private readonly index: ModuleIndex,
    private readonly file: TS.SourceFile,
    private readonly modules: Map<string, ModuleIndex>,
  ) {
    this.facts = emptyFacts(index.source.rel, index.source.language?.id ?? 'typescript');
  }

  extract(): SourceFacts {
    const { ts, index, facts, file } = this;
    const { module } = index;
    facts.units.push({
      id: module,
      name: module.slice(module.lastIndexOf('/') + 1),
      kind: 'module',
      location: { file: index.source.rel, line: 1, column: 1 },
    });
    // Classes first, then interfaces, functions and enums: the order units are listed in.
    for (const kind of ['class', 'interface', 'function', 'enum'] as const) {
      for (const statement of file.statements) {
        const name = (statement as TS.ClassDeclaration).name?.text;
        if (name && unitKindOf(ts, statement) === kind)
          facts.units.push({ id: `${module}.${name}`, name, kind, location: this.at(statement), parent: module });
      }
    }
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const resolved = resolveSpecifier(index, specifier, this.modules);
      facts.imports.push({ target: resolved ?? specifier, location: this.at(statement) });
      if (resolved) this.reference(module, resolved, 'imports', statement);
      const clause = statement.importClause;
      const bare = specifier.replace(/^node:/, '');
      if (clause?.name) this.moduleNames.set(clause.name.text, bare);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings))
        this.moduleNames.set(clause.namedBindings.name.text, bare);
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const element of clause.namedBindings.elements)
          this.moduleNames.set(element.name.text, `${bare}.${(element.propertyName ?? element.name).text}`);
    }
    this.collectTypes(file);
    for (const statement of file.statements) {
      const name = (statement as TS.ClassDeclaration).name?.text;
      this.visit(statement, name && unitKindOf(ts, statement) ? `${module}.${name}` : module);
    }
    // `session` names a property both ways (req.session.cart): one evidence per line is enough.
    facts.apiCalls = facts.apiCalls.filter(
      (call, at, all) =>
        all.findIndex((other) => other.api === call.api && other.location.line === call.location.line) === at,
    );
    markListedReads(facts.apiCalls);
    for (const diagnostic of (file as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ??
      []) {
      const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start);
      facts.problems.push({
        message: `syntax error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
        location: { file: index.source.rel, line: line + 1, column: character + 1 },
      });
    }
    return facts;
  }

  private at(node: TS.Node): Location {
    const { line, character } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    return { file: this.index.source.rel, line: line + 1, column: character + 1 };
  }

  private reference(from: string, to: string, kind: ReferenceKind, node: TS.Node): void {
    const key = `${from}\0${to}\0${kind}`;
    if (from === to || this.seen.has(key)) return;
    this.seen.add(key);
    this.facts.references.push({ from, to, kind, location: this.at(node) });
  }

  /** A name as the unit that declares it: this file's top level, or what an import brings. */
  private resolveName(name: string): string | undefined {
    const own = this.index.declared.get(name);
    if (own) return own;
    const imported = this.index.imports.get(name);
    return imported?.module ? exportedUnit(this.modules, imported.module, imported.name) : undefined;
  }

  /** Where the path a file API is given comes from: its first argument, else the object it is called on. */
  private pathOrigin(node: TS.CallExpression | TS.NewExpression): PathOrigin | undefined {
    const { ts, file } = this;
    const target =
      node.arguments?.[0] ?? (ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined);
    if (!target) return undefined;
    this.paths ??= new PathOrigins(this.index.source.masked);
    return this.paths.of(target.getText(file), file.getLineAndCharacterOfPosition(target.getStart(file)).line + 1);
  }

  /** What `a.b.c(...)` calls: a unit reached through a namespace or class name, or through the declared type of `a` (or of `this.a`). */
  private resolveCallee(callee: TS.Expression): string | undefined {
    const { ts } = this;
    if (ts.isIdentifier(callee)) return this.resolveName(callee.text);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    let receiver = callee.expression;
    if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword)
      receiver = receiver.name;
    if (!ts.isIdentifier(receiver)) return undefined;
    const imported = this.index.imports.get(receiver.text);
    if (imported?.name === '*' && imported.module)
      return exportedUnit(this.modules, imported.module, callee.name.text) ?? imported.module;
    const type = this.typeOf.get(receiver.text);
    return type ? this.resolveName(type) : this.resolveName(receiver.text);
  }

  /** Names typed or constructed in this file: `x: Repo`, `new Repo()`, constructor parameter properties. */
  private collectTypes(root: TS.Node): void {
    const { ts } = this;
    const typeName = (type: TS.TypeNode | undefined) =>
      type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
    const visit = (node: TS.Node): void => {
      if (
        (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) &&
        ts.isIdentifier(node.name)
      ) {
        const initialiser = node.initializer;
        const constructed =
          initialiser && ts.isNewExpression(initialiser) && ts.isIdentifier(initialiser.expression)
            ? initialiser.expression.text
            : undefined;
        const type = typeName(node.type) ?? constructed;
        if (type) this.typeOf.set(node.name.text, type);
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
  }

  private visit(node: TS.Node, unit: string): void {
    const { ts, facts } = this;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const calleeText = callee.getText(this.file);
      const first = node.arguments?.[0];
      if (ts.isCallExpression(node) && (calleeText === 'require' || callee.kind === ts.SyntaxKind.ImportKeyword)) {
        if (first && ts.isStringLiteralLike(first)) {
          facts.imports.push({ target: first.text, location: this.at(node) });
          const declaration =
            ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : '';
          const bare = first.text.replace(/^node:/, '');
          this.moduleNames.set(declaration, bare);
          // const { writeFile } = require('fs/promises'): each bound name is that module's function.
          if (ts.isVariableDeclaration(node.parent) && ts.isObjectBindingPattern(node.parent.name)) {
            for (const element of node.parent.name.elements) {
              const property =
                element.propertyName && ts.isIdentifier(element.propertyName)
                  ? element.propertyName.text
                  : ts.isIdentifier(element.name)
                    ? element.name.text
                    : undefined;
              if (property && ts.isIdentifier(element.name))
                this.moduleNames.set(element.name.text, `${bare}.${property}`);
            }
          }
        }
      } else {
        const target = this.resolveCallee(callee);
        if (target) this.reference(unit, target, ts.isNewExpression(node) ? 'instantiates' : 'calls', node);
        const [head, ...rest] = calleeText.split('.');
        const resolvedName = this.moduleNames.has(head!)
          ? [this.moduleNames.get(head!), ...rest].join('.')
          : calleeText;
        const api =
          apisOf('javascript').calls[resolvedName] ??
          (ts.isNewExpression(node) ? apisOf('javascript').constructors[calleeText] : undefined);
        if (api) {
          const use = useOfTsValue(ts, node, this.file, VALUE_APIS.has(api));
          const path = api === 'file-read' || api === 'file-write' ? this.pathOrigin(node) : undefined;
          facts.apiCalls.push({
            unit,
            api,
            name: calleeText,
            ...(use ? { use } : {}),
            ...(path ? { path } : {}),
            location: this.at(node),
          });
        }
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(callee)) this.route(node, callee, unit);
      }
    } else if (ts.isHeritageClause(node)) {
      const kind = node.token === ts.SyntaxKind.ImplementsKeyword ? 'implements' : 'inherits';
      for (const type of node.types) {
        const text = type.expression.getText(this.file);
        this.reference(
          unit,
          (ts.isIdentifier(type.expression) ? this.resolveName(text) : undefined) ?? text,
          kind,
          type,
        );
      }
    } else if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName;
      const target = ts.isIdentifier(name)
        ? this.resolveName(name.text)
        : ts.isIdentifier(name.left)
          ? this.resolveCallee(ts.factory.createPropertyAccessExpression(name.left, name.right.text))
          : undefined;
      if (target) this.reference(unit, target, 'uses', node);
    } else if (ts.isDecorator(node)) {
      const expression = node.expression;
      const call = ts.isCallExpression(expression) ? expression : undefined;
      const name = (call ? call.expression : expression).getText(this.file).split('.').pop()!;
      const args = call?.arguments.map((argument) => argument.getText(this.file)).join(', ') || undefined;
      facts.annotations.push({ unit, name, ...(args ? { arguments: args } : {}), location: this.at(node) });
      const entry = entryOfAnnotation(name, 'method');
      const first = call?.arguments[0];
      if (entry)
        facts.entryPoints.push({
          unit,
          kind: entry,
          ...(first && ts.isStringLiteral(first) ? { detail: first.text } : {}),
          location: this.at(node),
        });
    } else if (ts.isPropertyAssignment(node) && turnsCertificateChecksOff(ts, node, this.file)) {
      facts.apiCalls.push({
        unit,
        api: 'certificate-checks-off',
        name: 'rejectUnauthorized: false',
        location: this.at(node),
      });
    } else if (ts.isPropertyAccessExpression(node)) {
      const text = node.getText(this.file);
      // Every process.env.X holds exactly one process.env node: one record per use.
      if (text === 'process.env')
        facts.apiCalls.push({
          unit,
          api: 'environment',
          name: node.parent.getText(this.file).split(/[^\w.]/)[0] ?? text,
          location: this.at(node),
        });
      if (/\.session$/.test(text) && /^req(uest)?\b/.test(text))
        facts.apiCalls.push({ unit, api: 'session', name: text, location: this.at(node) });
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        // `INSERT INTO T VALUES (${id})` is read with a placeholder where each substitution was.
        const value = ts.isTemplateExpression(node)
          ? node.head.text + node.templateSpans.map((span) => `?${span.literal.text}`).join('')
          : node.text;
        // Compared, defaulted, matched or allowed in, it names no place the code needs (literal-use.ts).
        const kind = classifyLiteral(value);
        if (kind && !literalUse(placeOfTsNode(ts, node, this.file)))
          facts.literals.push({ unit, kind, value, location: this.at(node) });
        if (looksLikeSql(value))
          for (const table of sqlTables(value).tables)
            facts.dataAccess.push({
              unit,
              target: table.name,
              targetKind: 'table',
              mode: table.mode,
              via: 'sql',
              location: this.at(node),
            });
      }
    }
    ts.forEachChild(node, (child) => this.visit(child, unit));
  }

  /** Express-style routes: app.get('/path', ...), router.post(...), on anything named as a router or app. */
  private route(node: TS.CallExpression, callee: TS.PropertyAccessExpression, unit: string): void {
    const { ts, facts } = this;
    const method = callee.name.text;
    const receiver = callee.expression.getText(this.file);
    const first = node.arguments[0];
    const isRouter = /(^app$|^server$|router$|Router$|^api$)/i.test(receiver);
    if (HTTP_METHODS.has(method) && isRouter && first && ts.isStringLiteral(first)) {
      facts.entryPoints.push({
        unit,
        kind: 'http-route',
        detail: `${method.toUpperCase()} ${first.text}`,
        location: this.at(node),
      });
    }
    if (method === 'listen' && isRouter)
      facts.entryPoints.push({ unit, kind: 'main', detail: 'listen', location: this.at(node) });
  }
}
