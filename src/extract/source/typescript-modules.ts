import path from 'node:path';
import type TS from 'typescript';
import type { SourceText } from '../source-text.js';
import type { UnitKind } from './source-facts.js';

/**
 * The modules of one application's TypeScript and JavaScript as far as names cross files: what
 * each declares, imports and re-exports, and where a name another file imports is declared.
 */

export type Ts = typeof TS;

/** Re-exports followed to find where a name is declared; deeper chains are rare and stop here. */
const MAX_REEXPORT_DEPTH = 5;

/** src/routes/cart.ts → src/routes/cart (module ids keep the path: that is how TS names modules). */
export function moduleId(appRel: string): string {
  return appRel.replace(/\.(d\.)?[mc]?[jt]sx?$/, '');
}

/**
 * What a file declares at its top level, imports and re-exports, as written: all that the facts
 * of other files take from it. Kept in the fact cache by the file's text, so that a change inside
 * one file's bodies re-reads that file alone.
 */
export interface ModuleShape {
  /** Top-level name → unit id (classes, interfaces, functions, enums) or the module (variables, types). */
  declared: [string, string][];
  /** Local name → the specifier it comes from and the name imported there. */
  imports: [string, { specifier: string; name: string }][];
  /** Exported names declared elsewhere (`export { a as b } from`, `export *`); no specifier: this module. */
  reexports: { specifier?: string; name?: string; as?: string }[];
  defaultExport?: string;
}

/** A module's shape with its specifiers resolved within the application: enough to resolve names without a type checker. */
export interface ModuleIndex {
  source: SourceText;
  module: string;
  declared: Map<string, string>;
  /** Local name → the module it comes from (resolved within the application, or the specifier) and the name imported there. */
  imports: Map<string, { module: string | undefined; specifier: string; name: string }>;
  reexports: { from: string | undefined; name?: string; as?: string }[];
  defaultExport?: string;
}

/**
 * The application's modules with their specifiers resolved among them. `shapes` is keyed by module
 * id in the order the files came; a later file of the same id (a.ts beside a.js) took the earlier one's place.
 */
export function indexModules(
  shapes: Map<string, { source: SourceText; shape: ModuleShape }>,
): Map<string, ModuleIndex> {
  const modules = new Map<string, ModuleIndex>();
  for (const [module, { source, shape }] of shapes)
    modules.set(module, {
      source,
      module,
      declared: new Map(shape.declared),
      imports: new Map(),
      reexports: [],
      ...(shape.defaultExport ? { defaultExport: shape.defaultExport } : {}),
    });
  for (const [module, { shape }] of shapes) {
    const index = modules.get(module)!;
    for (const [local, { specifier, name }] of shape.imports)
      index.imports.set(local, { module: resolveSpecifier(index, specifier, modules), specifier, name });
    for (const { specifier, ...names } of shape.reexports)
      index.reexports.push({
        from: specifier === undefined ? module : resolveSpecifier(index, specifier, modules),
        ...names,
      });
  }
  return modules;
}

/** A relative specifier as the module it names in this application: ./x, ./x.js, ./x/index. */
export function resolveSpecifier(
  from: ModuleIndex,
  specifier: string,
  modules: Map<string, ModuleIndex>,
): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = moduleId(path.posix.normalize(path.posix.join(path.posix.dirname(from.source.appRel), specifier)));
  if (modules.has(base)) return base;
  if (modules.has(`${base}/index`)) return `${base}/index`;
  return undefined;
}

export const unitKindOf = (ts: Ts, node: TS.Node): UnitKind | undefined =>
  ts.isClassDeclaration(node)
    ? 'class'
    : ts.isInterfaceDeclaration(node)
      ? 'interface'
      : ts.isFunctionDeclaration(node)
        ? 'function'
        : ts.isEnumDeclaration(node)
          ? 'enum'
          : undefined;

export function shapeOf(ts: Ts, file: TS.SourceFile, module: string): ModuleShape {
  const declared = new Map<string, string>();
  const imports = new Map<string, { specifier: string; name: string }>();
  const shape: ModuleShape = { declared: [], imports: [], reexports: [] };
  for (const statement of file.statements) {
    const isDefault =
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    if (unitKindOf(ts, statement)) {
      const name = (statement as TS.ClassDeclaration).name?.text;
      if (name) declared.set(name, `${module}.${name}`);
      if (isDefault) shape.defaultExport = name ? `${module}.${name}` : module;
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) declared.set(declaration.name.text, module);
    } else if (ts.isTypeAliasDeclaration(statement) || ts.isModuleDeclaration(statement)) {
      if (ts.isIdentifier(statement.name)) declared.set(statement.name.text, module);
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause?.name) imports.set(clause.name.text, { specifier, name: 'default' });
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, name: '*' });
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements)
          imports.set(element.name.text, { specifier, name: (element.propertyName ?? element.name).text });
    } else if (ts.isExportDeclaration(statement)) {
      const specifier =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      const from = specifier === undefined ? {} : { specifier };
      if (statement.exportClause && ts.isNamedExports(statement.exportClause))
        for (const element of statement.exportClause.elements)
          shape.reexports.push({ ...from, name: (element.propertyName ?? element.name).text, as: element.name.text });
      else if (!statement.exportClause) shape.reexports.push(from);
    } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      shape.defaultExport = declared.get(statement.expression.text) ?? module;
    }
  }
  shape.declared = [...declared];
  shape.imports = [...imports];
  return shape;
}

/** Where a name exported by a module is declared, following re-exports. */
export function exportedUnit(
  modules: Map<string, ModuleIndex>,
  module: string,
  name: string,
  depth = 0,
): string | undefined {
  const index = modules.get(module);
  if (!index || depth > MAX_REEXPORT_DEPTH) return undefined;
  if (name === 'default') return index.defaultExport ?? module;
  if (name === '*') return module;
  const own = index.declared.get(name);
  if (own) return own;
  const imported = index.imports.get(name);
  if (imported?.module) return exportedUnit(modules, imported.module, imported.name, depth + 1);
  for (const entry of index.reexports) {
    if (!entry.from) continue;
    if (entry.as === name && entry.name) {
      const found =
        entry.from === module
          ? index.declared.get(entry.name)
          : exportedUnit(modules, entry.from, entry.name, depth + 1);
      if (found) return found;
    } else if (!entry.as && entry.from !== module) {
      const found = exportedUnit(modules, entry.from, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
