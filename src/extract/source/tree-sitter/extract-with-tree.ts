import type { Node } from 'web-tree-sitter';
import type { SourceText } from '../../source-text.js';
import { FactCollector } from '../fact-collector.js';
import type { SourceFacts } from '../source-facts.js';
import { firstError } from '../walker-helpers.js';
import { parse } from './grammars.js';

/**
 * The frame every tree-sitter extractor shares: parse once with the grammar the file's language
 * names (src/languages/), let the language's walker fill a collector, record the first syntax
 * error with its position, and free the tree (WebAssembly memory is not garbage-collected).
 */
export async function extractWithTree(
  source: SourceText,
  walk: (root: Node, collector: FactCollector) => void,
): Promise<SourceFacts> {
  const language = source.language;
  if (!language?.grammar) throw new Error(`${source.rel} is not in a language with a tree-sitter grammar`);
  const tree = await parse(language.grammar, source.text);
  try {
    const collector = new FactCollector(source.rel, language.id, source.masked);
    walk(tree.rootNode, collector);
    if (tree.rootNode.hasError) {
      collector.facts.problems.push({
        message: `${language.name} syntax error`,
        location: collector.at(firstError(tree.rootNode) ?? tree.rootNode),
      });
    }
    return collector.finish();
  } finally {
    tree.delete();
  }
}
