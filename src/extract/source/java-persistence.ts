import type { Node } from 'web-tree-sitter';
import { childrenOfType, type FactCollector } from './fact-collector.js';
import { typeName, type ParsedAnnotation } from './java-syntax.js';
import { namedArgument, simpleName } from './walker-helpers.js';

/**
 * What Java code stores and loads: entities written and read through JPA, Hibernate and JDO
 * (EntityManager, Session ...), Spring Data repositories, and JPQL queries. Each becomes a data
 * access of the enclosing unit, which the service split reads to find aggregates.
 */

const ENTITY_WRITES = new Set(['persist', 'merge', 'remove', 'refresh', 'save', 'saveOrUpdate', 'update', 'delete']);
/** Receivers that store and load entities: JPA's EntityManager, Hibernate's sessions and templates, JDO's PersistenceManager. */
const PERSISTENCE_APIS = /^(EntityManager|Session|StatelessSession|HibernateTemplate|JpaTemplate|PersistenceManager)$/;
const ENTITY_READS = new Set(['find', 'getReference']);
/** EntityManager queries whose second argument is the class of entity they return. */
const TYPED_QUERIES = new Set(['createQuery', 'createNamedQuery']);
/** Spring Data's repository interfaces, whose first type argument is the entity they store. */
const SPRING_DATA_REPOSITORY =
  /^(Crud|ListCrud|PagingAndSorting|ListPagingAndSorting|Jpa|Mongo|ReactiveCrud|ReactiveMongo|R2dbc|Couchbase|Neo4j|Cassandra|Elasticsearch|Revision)?Repository$/;

/**
 * A Spring Data repository (`interface CargoRepositoryJPA extends CrudRepository<Cargo, Long>`)
 * stores its entity: the framework gives it save and delete, so it writes the entity's table.
 */
export function springDataAccess(c: FactCollector, name: string | undefined, type: Node): void {
  const unit = c.unit;
  if (!unit || !name || type.type !== 'generic_type' || !SPRING_DATA_REPOSITORY.test(simpleName(name))) return;
  const entity = typeName(childrenOfType(type, 'type_arguments')[0]?.namedChildren[0] ?? null);
  if (entity)
    c.facts.dataAccess.push({
      unit,
      target: entity,
      targetKind: 'entity',
      mode: 'write',
      via: 'spring-data',
      location: c.at(type),
    });
}

/** EntityManager (or Hibernate Session) persist/merge/remove/save(x) writes x's entity; find(X.class, id) and typed queries read X. */
export function entityAccess(c: FactCollector, method: string, node: Node): void {
  const unit = c.unit;
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  if (!unit || !first) return;
  // Only a persistence API stores or loads an entity: `cart.remove(item)` on a list writes nothing.
  const object = node.childForFieldName('object');
  const receiver =
    object?.type === 'identifier'
      ? object.text
      : object?.type === 'field_access' && object.text.startsWith('this.')
        ? object.text.slice(5)
        : undefined;
  const receiverType = receiver ? c.typeOf(receiver) : undefined;
  if (
    !receiver ||
    !(receiverType
      ? PERSISTENCE_APIS.test(simpleName(receiverType))
      : /^(em|entityManager|session|hibernateSession)$/.test(receiver))
  )
    return;
  let entity: string | undefined;
  if (ENTITY_WRITES.has(method) && first.type === 'identifier') entity = c.typeOf(first.text);
  if (ENTITY_READS.has(method) && first.type === 'class_literal') entity = first.namedChildren[0]?.text;
  // createNamedQuery("Location.findAll", Location.class) reads the entity its result is typed with.
  const typed = node.childForFieldName('arguments')?.namedChildren[1];
  if (TYPED_QUERIES.has(method) && typed?.type === 'class_literal') entity = typed.namedChildren[0]?.text;
  if (!entity) return;
  c.facts.dataAccess.push({
    unit,
    target: entity,
    targetKind: 'entity',
    mode: ENTITY_WRITES.has(method) ? 'write' : 'read',
    via: 'jpa',
    location: c.at(node),
  });
}

/**
 * A JPQL query declared on a repository or entity (`@Query("select c from Cargo c")`,
 * `@NamedQuery(query = "…")`) reads the entities it selects from and writes those it updates or
 * deletes; a native query is SQL, whose tables the string literal already gives.
 */
export function jpqlAccess(c: FactCollector, annotation: ParsedAnnotation): void {
  const unit = c.unit;
  if (
    !unit ||
    !/^(Query|NamedQuery)$/.test(annotation.name) ||
    !annotation.args ||
    /\bnativeQuery\s*=\s*true\b/.test(annotation.args)
  )
    return;
  // "select c " + "from Cargo c": a query split over lines is read whole.
  const strings = [...annotation.args.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!).join(' ');
  const query =
    namedArgument(annotation.args, 'query') && annotation.name === 'NamedQuery'
      ? annotation.args
          .slice(annotation.args.search(/\bquery\s*=/))
          .replace(/^[^"]*/, '')
          .replace(/"\s*\+\s*"/g, '')
      : strings;
  if (!query) return;
  for (const { entity, mode } of jpqlEntities(query))
    c.facts.dataAccess.push({
      unit,
      target: entity,
      targetKind: 'entity',
      mode,
      via: 'jpql',
      location: c.at(annotation.node),
    });
}

/** Entities a JPQL statement names: capitalised names after FROM and JOIN are read, after UPDATE and DELETE FROM written (`join c.legs` is a path, not an entity). */
export function jpqlEntities(query: string): { entity: string; mode: 'read' | 'write' }[] {
  const found = new Map<string, 'read' | 'write'>();
  for (const match of query.matchAll(/\b(update|delete\s+from)\s+([A-Z][\w$]*)/gi))
    if (/^[A-Z]/.test(match[2]!)) found.set(match[2]!, 'write');
  for (const match of query.matchAll(/\b(from|join)\s+([A-Z][\w$]*)(?![\w$.])/gi))
    if (/^[A-Z]/.test(match[2]!) && !found.has(match[2]!)) found.set(match[2]!, 'read');
  return [...found].map(([entity, mode]) => ({ entity, mode }));
}
