import type { Node } from 'web-tree-sitter';
import { simpleName } from './walker-helpers.js';

/** What a Java syntax node names, as the walker and the persistence reader both read it. */

export interface ParsedAnnotation {
  name: string;
  args?: string;
  node: Node;
}

/** An annotation's simple name and its argument list as written. */
export function parseAnnotation(node: Node): { name: string; args?: string } {
  const name = simpleName(node.childForFieldName('name')?.text ?? node.namedChildren[0]?.text ?? '');
  const list = node.childForFieldName('arguments');
  const args = list ? list.text.replace(/^\(|\)$/g, '').trim() : undefined;
  return { name, ...(args ? { args } : {}) };
}

/** Type name without type arguments or array brackets: Map<String, X> → Map, a.b.C → a.b.C. */
export function typeName(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'generic_type') return typeName(node.namedChildren[0] ?? null);
  if (node.type === 'array_type') return typeName(node.childForFieldName('element'));
  if (node.type === 'type_identifier' || node.type === 'scoped_type_identifier' || node.type === 'identifier')
    return node.text;
  return undefined;
}
