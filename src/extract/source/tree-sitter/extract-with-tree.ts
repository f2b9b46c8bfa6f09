import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../../source-text.js';
import { FactCollector } from '../fact-collector.js';
import type { SourceFacts } from '../source-facts.js';
import { firstError } from '../walker-helpers.js';
import { parse, type GrammarName } from './grammars.js';

/**
 * The frame every tree-sitter extractor shares: parse once, let the language's walker fill a
 * collector, record the first syntax error with its position, and free the tree (WebAssembly
 * memory is not garbage-collected).
 */
export async function extractWithTree(
  grammar: GrammarName,
  languageName: string,
  source: SourceText,
  walk: (root: Node, collector: FactCollector) => void,
): Promise<SourceFacts> {
  const tree = await parse(grammar, source.text);
  try {
    const collector = new FactCollector(source.rel, grammar, source.masked);
    walk(tree.rootNode, collector);
    if (tree.rootNode.hasError) {
      collector.facts.problems.push({ message: `${languageName} syntax error`, location: collector.at(firstError(tree.rootNode) ?? tree.rootNode) });
    }
    return collector.finish();
  } finally {
    tree.delete();
  }
}
