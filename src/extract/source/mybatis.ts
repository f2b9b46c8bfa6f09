import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import { sqlTables } from './sql-tables.js';
import { xmlElements } from './xml-elements.js';

/**
 * MyBatis mappers (<mapper namespace="com.acme.OrderMapper">) and iBATIS SQL maps (<sqlMap>):
 * each statement's SQL, dynamic tags removed, gives the tables the mapper (the Java interface
 * named by the namespace) reads and writes.
 */
export function extractMyBatis(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'mybatis');
  const { elements: roots, error } = xmlElements(source.text, source.rel, ['mapper', 'sqlMap']);
  if (error) {
    facts.problems.push({ message: error.message, location: error });
    return facts;
  }
  for (const root of roots) {
    const unit = root.attributes.namespace;
    if (!unit) continue;
    const { elements } = xmlElements(source.text, source.rel, [
      'select',
      'insert',
      'update',
      'delete',
      'statement',
      'procedure',
    ]);
    for (const statement of elements) {
      const sql = statement.body
        .replace(/<!\[CDATA\[|\]\]>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/[#$]\{[^}]*\}/g, '?');
      for (const table of sqlTables(sql).tables) {
        facts.dataAccess.push({
          unit,
          target: table.name,
          targetKind: 'table',
          mode: table.mode,
          via: 'mybatis',
          location: statement.location,
        });
      }
    }
  }
  return facts;
}
