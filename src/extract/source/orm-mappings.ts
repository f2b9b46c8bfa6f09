import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import { xmlElements } from './xml-elements.js';

/** JPA orm.xml (<entity-mappings>) and Hibernate hbm.xml (<hibernate-mapping>) files. */
export const ORM_MAPPINGS = /<(entity-mappings|hibernate-mapping)\b/;

/**
 * Entities mapped in XML instead of annotations: a JPA `<entity class="…">` with its `<table
 * name="…"/>` (else the entity's name), a Hibernate `<class name="…" table="…">` (a short name
 * taken in the mapping's `package`). Each maps its class to its table, as @Entity and @Table do.
 */
export function extractOrmMappings(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'orm-mapping');
  // Malformed XML yields nothing here: the configuration reader already reports it, with its line.
  const { elements: roots, error } = xmlElements(source.text, source.rel, ['entity-mappings', 'hibernate-mapping']);
  if (error) return facts;
  const pkg = roots[0]?.attributes.package ?? /<package>\s*([\w.$]+)\s*<\/package>/.exec(source.text)?.[1];
  const qualify = (name: string) => (name.includes('.') || !pkg ? name : `${pkg}.${name}`);
  for (const entity of xmlElements(source.text, source.rel, ['entity']).elements) {
    const className = entity.attributes.class;
    if (!className) continue;
    const table =
      /<table\b[^>]*\bname\s*=\s*["']([^"']+)["']/.exec(entity.body)?.[1] ??
      entity.attributes.name ??
      className.slice(className.lastIndexOf('.') + 1);
    facts.definitions.push({
      kind: 'entity',
      name: qualify(className),
      attributes: { table: table.toUpperCase() },
      location: entity.location,
    });
  }
  for (const mapped of xmlElements(source.text, source.rel, ['class']).elements) {
    const className = mapped.attributes.name;
    if (!className) continue;
    facts.definitions.push({
      kind: 'entity',
      name: qualify(className),
      attributes: { table: (mapped.attributes.table ?? className.slice(className.lastIndexOf('.') + 1)).toUpperCase() },
      location: mapped.location,
    });
  }
  return facts;
}
