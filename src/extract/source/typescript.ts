import type * as TsMorph from 'ts-morph';
import type { Node as MorphNode, Project, SourceFile, Symbol as MorphSymbol } from 'ts-morph';
import type { SourceText } from '../source-text.js';
import { NODE_APIS } from './api-catalog.js';
import { classifyLiteral } from './classify-literal.js';
import { entryOfAnnotation } from './entry-annotations.js';
import { emptyFacts, type Location, type ReferenceKind, type SourceFacts, type UnitKind } from './source-facts.js';
import { looksLikeSql, sqlTables } from './sql-tables.js';

/** The module's type only: ts-morph itself loads on first use. */
type Morph = typeof TsMorph;

const HTTP_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head']);

/**
 * TypeScript and JavaScript of one application, read with ts-morph so that names resolve to
 * their declarations across files (through imports, re-exports and types). Unlike the other
 * extractors this one sees the application's files together: a type lives in another file.
 * ts-morph costs close to a second to load, so it loads only when there is such a file.
 */
export async function extractTypeScriptProject(sources: SourceText[]): Promise<SourceFacts[]> {
  if (sources.length === 0) return [];
  const morph: Morph = await import('ts-morph');
  const project = new morph.Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    compilerOptions: {
      allowJs: true,
      checkJs: false,
      jsx: morph.ts.JsxEmit.Preserve,
      target: morph.ts.ScriptTarget.ESNext,
      module: morph.ts.ModuleKind.ESNext,
      moduleResolution: morph.ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      skipLibCheck: true,
      noLib: true,
      types: [],
    },
  });
  const byPath = new Map<string, SourceText>();
  for (const source of sources) {
    const file = project.createSourceFile(`/app/${source.appRel}`, source.text, { overwrite: true });
    byPath.set(file.getFilePath(), source);
  }
  const walker = new TypeScriptWalker(morph, project, byPath);
  return project.getSourceFiles().map((file) => walker.extract(file, byPath.get(file.getFilePath())!));
}

/** src/routes/cart.ts → src/routes/cart (module ids keep the path: that is how TS names modules). */
export function moduleId(appRel: string): string {
  return appRel.replace(/\.(d\.)?[mc]?[jt]sx?$/, '');
}

class TypeScriptWalker {
  constructor(
    private readonly morph: Morph,
    private readonly project: Project,
    private readonly byPath: Map<string, SourceText>,
  ) {}

  extract(file: SourceFile, source: SourceText): SourceFacts {
    const { Node, SyntaxKind } = this.morph;
    const language = source.language?.id ?? 'typescript';
    const facts = emptyFacts(source.rel, language);
    const module = moduleId(source.appRel);
    const at = (node: MorphNode): Location => {
      const { line, column } = file.getLineAndColumnAtPos(node.getStart());
      return { file: source.rel, line, column };
    };
    const seen = new Set<string>();
    const reference = (from: string, to: string, kind: ReferenceKind, node: MorphNode) => {
      const key = `${from}\0${to}\0${kind}`;
      if (from === to || seen.has(key)) return;
      seen.add(key);
      facts.references.push({ from, to, kind, location: at(node) });
    };

    facts.units.push({ id: module, name: module.slice(module.lastIndexOf('/') + 1), kind: 'module', location: { file: source.rel, line: 1, column: 1 } });
    for (const declaration of [...file.getClasses(), ...file.getInterfaces(), ...file.getFunctions(), ...file.getEnums()]) {
      const name = declaration.getName();
      if (!name) continue;
      const kind: UnitKind = Node.isClassDeclaration(declaration) ? 'class' : Node.isInterfaceDeclaration(declaration) ? 'interface' : Node.isEnumDeclaration(declaration) ? 'enum' : 'function';
      facts.units.push({ id: `${module}.${name}`, name, kind, location: at(declaration), parent: module });
    }

    // Imports: static, dynamic and require(); relative ones resolve to the module they name.
    const moduleNames = new Map<string, string>();
    for (const declaration of file.getImportDeclarations()) {
      const specifier = declaration.getModuleSpecifierValue();
      const target = declaration.getModuleSpecifierSourceFile();
      const resolved = target ? this.moduleOf(target) : undefined;
      facts.imports.push({ target: resolved ?? specifier, location: at(declaration) });
      if (resolved) reference(module, resolved, 'imports', declaration);
      const namespace = declaration.getNamespaceImport()?.getText() ?? declaration.getDefaultImport()?.getText();
      if (namespace) moduleNames.set(namespace, specifier.replace(/^node:/, ''));
      for (const named of declaration.getNamedImports()) moduleNames.set(named.getAliasNode()?.getText() ?? named.getName(), `${specifier.replace(/^node:/, '')}.${named.getName()}`);
    }

    file.forEachDescendant((node) => {
      const unit = this.unitOf(node, module);
      if (Node.isCallExpression(node) || Node.isNewExpression(node)) {
        const callee = node.getExpression();
        const calleeText = callee.getText();
        if (Node.isCallExpression(node) && (calleeText === 'require' || callee.getKind() === SyntaxKind.ImportKeyword)) {
          const specifier = node.getArguments()[0];
          if (specifier && Node.isStringLiteral(specifier)) {
            facts.imports.push({ target: specifier.getLiteralValue(), location: at(node) });
            moduleNames.set(node.getParentIfKind(SyntaxKind.VariableDeclaration)?.getName() ?? '', specifier.getLiteralValue().replace(/^node:/, ''));
          }
          return;
        }
        const target = this.declaringUnit(callee.getSymbol());
        if (target) reference(unit, target, Node.isNewExpression(node) ? 'instantiates' : 'calls', node);
        const [head, ...rest] = calleeText.split('.');
        const resolvedName = moduleNames.has(head!) ? [moduleNames.get(head!), ...rest].join('.') : calleeText;
        const api = NODE_APIS.calls[resolvedName] ?? (Node.isNewExpression(node) ? NODE_APIS.constructors[calleeText] : undefined);
        if (api) facts.apiCalls.push({ unit, api, name: calleeText, location: at(node) });
        if (Node.isCallExpression(node) && Node.isPropertyAccessExpression(callee)) this.route(node, callee, unit, facts, at);
      } else if (Node.isHeritageClause(node)) {
        const kind = node.getToken() === SyntaxKind.ImplementsKeyword ? 'implements' : 'inherits';
        for (const type of node.getTypeNodes()) reference(unit, this.declaringUnit(type.getExpression().getSymbol()) ?? type.getExpression().getText(), kind, type);
      } else if (Node.isTypeReference(node)) {
        const target = this.declaringUnit(node.getTypeName().getSymbol());
        if (target) reference(unit, target, 'uses', node);
      } else if (Node.isDecorator(node)) {
        const name = node.getName();
        const args = node.getArguments().map((arg) => arg.getText()).join(', ') || undefined;
        facts.annotations.push({ unit, name, ...(args ? { arguments: args } : {}), location: at(node) });
        const entry = entryOfAnnotation(name, 'method');
        const first = node.getArguments()[0];
        if (entry) facts.entryPoints.push({ unit, kind: entry, ...(first && Node.isStringLiteral(first) ? { detail: first.getLiteralValue() } : {}), location: at(node) });
      } else if (Node.isPropertyAccessExpression(node)) {
        const text = node.getText();
        // Every process.env.X holds exactly one process.env node: one record per use.
        if (text === 'process.env') facts.apiCalls.push({ unit, api: 'environment', name: node.getParent()?.getText().split(/[^\w.]/)[0] ?? text, location: at(node) });
        if (/\.session$/.test(text) && /^req(uest)?\b/.test(text)) facts.apiCalls.push({ unit, api: 'session', name: text, location: at(node) });
      } else if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isTemplateExpression(node)) {
        if (Node.isImportDeclaration(node.getParent()) || Node.isExportDeclaration(node.getParent())) return;
        // `INSERT INTO T VALUES (${id})` is read with a placeholder where each substitution was.
        const value = Node.isTemplateExpression(node)
          ? node.getHead().getLiteralText() + node.getTemplateSpans().map((span) => `?${span.getLiteral().getLiteralText()}`).join('')
          : node.getLiteralValue();
        const kind = classifyLiteral(value);
        if (kind) facts.literals.push({ unit, kind, value, location: at(node) });
        if (looksLikeSql(value)) for (const table of sqlTables(value).tables) facts.dataAccess.push({ unit, target: table.name, targetKind: 'table', mode: table.mode, via: 'sql', location: at(node) });
      }
    });
    // `session` names a property both ways (req.session.cart): one evidence per line is enough.
    facts.apiCalls = facts.apiCalls.filter((call, index, all) => all.findIndex((other) => other.api === call.api && other.location.line === call.location.line) === index);

    for (const diagnostic of this.project.getProgram().compilerObject.getSyntacticDiagnostics(file.compilerNode)) {
      const { line, column } = file.getLineAndColumnAtPos(diagnostic.start ?? 0);
      facts.problems.push({ message: `syntax error: ${this.morph.ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`, location: { file: source.rel, line, column } });
    }
    return facts;
  }

  /** Express-style routes: app.get('/path', ...), router.post(...), on anything typed or named as a router or app. */
  private route(node: MorphNode, callee: MorphNode, unit: string, facts: SourceFacts, at: (node: MorphNode) => Location): void {
    const { Node } = this.morph;
    if (!Node.isCallExpression(node) || !Node.isPropertyAccessExpression(callee)) return;
    const method = callee.getName();
    const receiver = callee.getExpression().getText();
    const first = node.getArguments()[0];
    const isRouter = /(^app$|^server$|router$|Router$|^api$)/i.test(receiver);
    if (HTTP_METHODS.has(method) && isRouter && first && Node.isStringLiteral(first)) {
      facts.entryPoints.push({ unit, kind: 'http-route', detail: `${method.toUpperCase()} ${first.getLiteralValue()}`, location: at(node) });
    }
    if (method === 'listen' && isRouter) facts.entryPoints.push({ unit, kind: 'main', detail: 'listen', location: at(node) });
  }

  /** The unit a node belongs to: its top-level class, interface or function, else its module. */
  private unitOf(node: MorphNode, module: string): string {
    const { Node } = this.morph;
    for (let current: MorphNode | undefined = node; current; current = current.getParent()) {
      const parent = current.getParent();
      if (parent && Node.isSourceFile(parent) && (Node.isClassDeclaration(current) || Node.isInterfaceDeclaration(current) || Node.isFunctionDeclaration(current) || Node.isEnumDeclaration(current))) {
        const name = current.getName();
        return name ? `${module}.${name}` : module;
      }
    }
    return module;
  }

  /** Where a symbol is declared, as a unit id, when that is in this application. */
  private declaringUnit(symbol: MorphSymbol | undefined): string | undefined {
    const target = symbol?.isAlias() ? symbol.getAliasedSymbol() : symbol;
    const declaration = target?.getDeclarations()[0];
    if (!declaration) return undefined;
    const file = declaration.getSourceFile();
    const source = this.byPath.get(file.getFilePath());
    return source ? this.unitOf(declaration, moduleId(source.appRel)) : undefined;
  }

  private moduleOf(file: SourceFile): string | undefined {
    const source = this.byPath.get(file.getFilePath());
    return source ? moduleId(source.appRel) : undefined;
  }
}
