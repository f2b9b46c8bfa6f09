import type TS from 'typescript';
import { calledName, keyName, valueUse, type LiteralPlace, type ValueUse } from './literal-use.js';
import type { Ts } from './typescript-modules.js';

/** Where a string literal stands in a TypeScript or JavaScript syntax tree, told as literal-use.ts reads it. */
export function placeOfTsNode(ts: Ts, node: TS.Node, file: TS.SourceFile): LiteralPlace {
  return standing(ts, node, file).place;
}

/**
 * What the code does with a call's result, followed through calls on it (`os.hostname().toLowerCase()`)
 * and, when asked, through one local variable (`const host = os.hostname(); log.info(host)`), as
 * literal-place.ts does for the other languages.
 */
export function useOfTsValue(
  ts: Ts,
  node: TS.Node,
  file: TS.SourceFile,
  followVariable: boolean,
): ValueUse | undefined {
  let current = { ...standing(ts, node, file), at: node };
  for (let hops = 0; current.receiverOf && hops < 4; hops++)
    current = { ...standing(ts, current.receiverOf, file), at: current.receiverOf };
  const direct = valueUse(current.place);
  const declaration = skipWrappers(ts, current.at).parent;
  if (direct || !followVariable || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name))
    return direct;
  const name = declaration.name;
  let scope: TS.Node = declaration;
  while (!ts.isSourceFile(scope) && !ts.isFunctionLike(scope)) scope = scope.parent;
  const uses: ValueUse[] = [];
  let unknown = false;
  const visit = (child: TS.Node): void => {
    if (unknown) return;
    if (ts.isIdentifier(child) && child !== name && child.text === name.text) {
      const use = valueUse(standing(ts, child, file).place);
      if (use) uses.push(use);
      else unknown = true;
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(scope, visit);
  return !unknown && uses.length > 0 && uses.every((use) => use === 'reported') ? 'reported' : undefined;
}

function skipWrappers(ts: Ts, node: TS.Node): TS.Node {
  let item = node;
  while (
    ts.isParenthesizedExpression(item.parent) ||
    ts.isAsExpression(item.parent) ||
    ts.isSatisfiesExpression(item.parent) ||
    ts.isArrayLiteralExpression(item.parent) ||
    ts.isAwaitExpression(item.parent)
  )
    item = item.parent;
  return item;
}

function standing(ts: Ts, node: TS.Node, file: TS.SourceFile): { place: LiteralPlace; receiverOf?: TS.Node } {
  // Wrappers and collections: the value stands where they stand (`origin: ['http://localhost:4200']`).
  const item = skipWrappers(ts, node);
  const parent = item.parent;
  // The receiver of a call: ['http://localhost:4200', ...].includes(origin), os.hostname().toLowerCase().
  if (ts.isPropertyAccessExpression(parent) && parent.expression === item && ts.isCallExpression(parent.parent))
    return { place: { call: { name: parent.name.text, index: -1 } }, receiverOf: parent.parent };
  if (ts.isBinaryExpression(parent)) {
    // Assignments name the value (`options.origin = '...'`); other operators use it.
    if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
      return { place: parent.right === item ? { key: keyName(parent.left.getText(file)), keyKind: 'variable' } : {} };
    return {
      place: { operator: { text: parent.operatorToken.getText(file), side: parent.right === item ? 'right' : 'left' } },
    };
  }
  if (ts.isConditionalExpression(parent)) {
    if (parent.condition === item) return { place: {} };
    const other = parent.whenTrue === item ? parent.whenFalse : parent.whenTrue;
    return { place: { branch: { otherIsLiteral: ts.isStringLiteralLike(other) } } };
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== item) {
    return {
      place: {
        call: {
          name: calledName(parent.expression.getText(file)),
          index: parent.arguments?.indexOf(item as TS.Expression) ?? -1,
        },
      },
    };
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === item)
    return { place: { key: keyName(parent.name.getText(file)), keyKind: 'field' } };
  if (
    (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent)) &&
    parent.initializer === item
  ) {
    return { place: { key: keyName(parent.name.getText(file)), keyKind: 'variable' } };
  }
  return { place: {} };
}
