import type { Node } from 'web-tree-sitter';

/** Last segment of a dotted name: a.b.C → C. */
export function simpleName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The first "string" in an annotation or attribute argument list. */
export function firstString(args: string | undefined): string | undefined {
  return args ? /"((?:[^"\\]|\\.)*)"/.exec(args)?.[1] : undefined;
}

/** `name = "value"` (Java) or `Name = "value"` (C#) in an argument list. */
export function namedArgument(args: string | undefined, name: string): string | undefined {
  return args
    ? new RegExp(`\\b${name}\\s*[=:]\\s*(?:\\{\\s*)?"((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(args)?.[1]
    : undefined;
}

/** The first node of a tree that is an error or a missing token, for a precise syntax-error position. */
export function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child?.hasError || child?.isError || child?.isMissing) return firstError(child) ?? child;
  }
  return undefined;
}

/** Syntax nodes that hold a function or method body, in the tree-sitter grammars cloudready reads. */
export const FUNCTION_NODE =
  /^(method_declaration|constructor_declaration|function_declaration|function_definition|method_definition|local_function_statement|func_literal|lambda_expression|anonymous_function|arrow_function)$/;
