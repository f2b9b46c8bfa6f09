import type { ApplicationFacts } from '../extract/application-facts.js';
import type { SourceFacts } from '../extract/source/index.js';
import { nodeId, type NodeAttributes, type PortfolioGraph } from './portfolio-graph-types.js';
import { UnitIndex } from './resolve-references.js';

/**
 * One application's unit-level subgraph as the steps that add it to the portfolio graph, in
 * order: a node merged with its attributes, or an edge of a kind (added once). It depends on the
 * application's facts alone, so it is made as soon as they are read and kept in their place
 * (ApplicationFacts.unitGraph): the facts of every source file, most of a scan's memory, need not
 * be kept until the model is built, and an application read back from the cache brings its
 * subgraph, not its files' facts. Ids and kinds are written once each and steps refer to them by
 * number: on the 1,000,000-line benchmark tree that is a fifth of the strings.
 */
export interface UnitSubgraph {
  /** Node ids and edge kinds, each once. */
  names: string[];
  /** Attributes of the nodes merged, in step order. */
  nodes: NodeAttributes[];
  /** `NODE`, name of the id (its attributes are the next of `nodes`), or `EDGE`, names of kind, source and target. */
  steps: number[];
}

const NODE = 0;
const EDGE = 1;

/** Adds an application's unit-level subgraph (made now from its sources if it was not made before). */
export function addUnitGraph(graph: PortfolioGraph, facts: ApplicationFacts) {
  const { names, nodes, steps } = facts.unitGraph ?? unitSubgraph(facts);
  let node = 0;
  for (let at = 0; at < steps.length;) {
    if (steps[at] === NODE) {
      // A copy: the graph's later changes to a node stay out of the facts.
      graph.mergeNode(names[steps[at + 1]!]!, { ...nodes[node++]! });
      at += 2;
    } else {
      const [kind, source, target] = [names[steps[at + 1]!]!, names[steps[at + 2]!]!, names[steps[at + 3]!]!];
      graph.mergeEdgeWithKey(`${kind}:${source}->${target}`, source, target, { kind });
      at += 4;
    }
  }
}

/**
 * Makes an application's unit-level subgraph: its units (classes, programs, jobs ...), the
 * references between them, and what they read and write (tables, datasets, files, queues).
 * CICS file names resolve to their VSAM dataset through CSD definitions, so the online program
 * and the batch job that share a dataset meet in the graph.
 */
export function unitSubgraph(facts: ApplicationFacts): UnitSubgraph {
  const app = facts.app.id;
  const appNode = nodeId.application(app);
  const index = new UnitIndex(facts.sources);
  const unitNode = (id: string) => nodeId.unit(app, id);
  const graph: UnitSubgraph = { names: [], nodes: [], steps: [] };
  const numbers = new Map<string, number>();
  const name = (text: string) => {
    let number = numbers.get(text);
    if (number === undefined) numbers.set(text, (number = graph.names.push(text) - 1));
    return number;
  };
  const units = new Map<string, NodeAttributes>();
  const addNode = (id: string, attributes: NodeAttributes) => {
    graph.steps.push(NODE, name(id));
    graph.nodes.push(attributes);
  };
  const addEdge = (source: string, target: string, kind: string) =>
    graph.steps.push(EDGE, name(kind), name(source), name(target));

  const sourceOf = new Map<string, SourceFacts>();
  // Test, build, sample and vendored code are units of no service (plan/split.ts): each unit says where it comes from.
  const originOf = new Map(facts.files.map((file) => [file.file.rel, file.origin]));
  for (const source of facts.sources) {
    for (const unit of source.units) {
      if (sourceOf.has(unit.id)) continue;
      sourceOf.set(unit.id, source);
      const attributes: NodeAttributes = {
        kind: 'unit',
        label: unit.id,
        unitKind: unit.kind,
        language: source.language,
        file: source.file,
        line: unit.location.line,
        origin: originOf.get(source.file) ?? 'production',
      };
      units.set(unitNode(unit.id), attributes);
      addNode(unitNode(unit.id), attributes);
      addEdge(appNode, unitNode(unit.id), 'contains');
    }
  }

  const bindings = resourceBindings(facts.sources, index);
  for (const [entity, tableName] of bindings.entityTables) {
    const table = nodeId.resource('table', app, tableName);
    addNode(table, { kind: 'table', label: tableName });
    addEdge(unitNode(entity), table, 'maps-to');
  }
  for (const source of facts.sources) {
    // A file's imports are dependencies of its top-level units (nested units share them).
    const topLevel = source.units.filter(
      (unit) => !unit.parent || !source.units.some((other) => other.id === unit.parent && other.kind !== 'module'),
    );
    for (const imported of source.imports) {
      const target = imported.wildcard ? undefined : index.resolve(imported.target, source);
      for (const unit of target ? topLevel : [])
        if (unit.id !== target && index.has(unit.id)) addEdge(unitNode(unit.id), unitNode(target!), 'imports');
    }
    for (const reference of source.references) {
      if (!index.has(reference.from) || reference.dynamic) continue;
      const target = index.resolve(reference.to, source);
      if (target && target !== reference.from) addEdge(unitNode(reference.from), unitNode(target), reference.kind);
    }
    for (const access of source.dataAccess) {
      if (!index.has(access.unit)) continue;
      const kind = access.mode === 'write' ? 'writes' : 'reads';
      // An entity is a class of the application: `list.remove(name)` on a String writes no entity.
      const name = access.targetKind === 'entity' ? index.resolve(access.target, source) : access.target;
      if (name === undefined) continue;
      for (const target of bindings.resolve(app, access.unit, access.targetKind, name)) {
        addNode(target.id, { kind: target.kind, label: target.label });
        addEdge(unitNode(access.unit), target.id, kind);
      }
    }
    for (const dataset of source.datasets) {
      if (LOAD_LIBRARIES.has(dataset.dd)) continue;
      const node = nodeId.dataset(dataset.dsn);
      addNode(node, { kind: 'dataset', label: dataset.dsn });
      const kind = dataset.mode === 'write' ? 'writes' : 'reads';
      if (index.has(dataset.job)) addEdge(unitNode(dataset.job), node, kind);
    }
    for (const entry of source.entryPoints) {
      // Entry points are the application's use cases (cloudready split): kept on their unit.
      const unit = index.has(entry.unit) ? units.get(unitNode(entry.unit)) : undefined;
      if (unit) {
        const text = `${entry.kind}${entry.detail ? ` ${entry.detail}` : ''}`;
        unit.entryPoints = unit.entryPoints ? `${unit.entryPoints}; ${text}` : text;
      }
      if (entry.kind !== 'cics-transaction' || !entry.detail || !index.has(entry.unit)) continue;
      const transaction = nodeId.transaction(app, entry.detail);
      addNode(transaction, { kind: 'transaction', label: entry.detail });
      addEdge(transaction, unitNode(entry.unit), 'starts');
    }
  }
  return graph;
}

/** Load libraries hold programs, not data. */
const LOAD_LIBRARIES = new Set(['STEPLIB', 'JOBLIB']);

interface ResourceTarget {
  id: string;
  kind: string;
  label: string;
}

/**
 * How names a program uses map to datasets and tables: a CICS file to its CSD DSNAME, a COBOL DD
 * name to the DSN the JCL step running that program allocates, a JPA entity to its @Table. Datasets are named system-wide; tables,
 * unresolved files and queues belong to the application until datastores are known.
 */
function resourceBindings(sources: SourceFacts[], index: UnitIndex) {
  const cicsFiles = new Map<string, string>();
  const entityTables = new Map<string, string>();
  const byConvention = new Set<string>();
  const ddNames = new Map<string, Set<string>>();
  for (const source of sources) {
    for (const definition of source.definitions) {
      if (definition.kind === 'cics-file' && definition.attributes.dsname)
        cicsFiles.set(definition.name, definition.attributes.dsname);
      const entity =
        definition.kind === 'entity' && definition.attributes.table
          ? index.resolve(definition.name, source)
          : undefined;
      // An explicit mapping (@Table, [Table]) wins over a convention (the DbSet's name), whichever file comes first.
      if (
        !entity ||
        (entityTables.has(entity) && (definition.attributes.by === 'convention' || !byConvention.has(entity)))
      )
        continue;
      entityTables.set(entity, definition.attributes.table!);
      if (definition.attributes.by === 'convention') byConvention.add(entity);
      else byConvention.delete(entity);
    }
    for (const dataset of source.datasets) {
      const step = source.jobSteps.find(
        (candidate) => candidate.job === dataset.job && candidate.step === dataset.step,
      );
      if (!step?.program) continue;
      const key = `${step.program}/${dataset.dd}`;
      ddNames.set(key, (ddNames.get(key) ?? new Set()).add(dataset.dsn));
    }
  }
  return {
    entityTables,
    resolve(app: string, unit: string, kind: string, name: string): ResourceTarget[] {
      const dataset = (dsn: string) => ({ id: nodeId.dataset(dsn), kind: 'dataset', label: dsn });
      if (kind === 'file' && cicsFiles.has(name)) return [dataset(cicsFiles.get(name)!)];
      if (kind === 'dd') {
        const bound = [...(ddNames.get(`${unit}/${name}`) ?? [])];
        if (bound.length > 0) return bound.map(dataset);
      }
      if (kind === 'dataset') return [dataset(name)];
      // An entity stands for its table: writing an Order entity writes ORDERS.
      const table = kind === 'entity' ? entityTables.get(name) : undefined;
      if (table) return [{ id: nodeId.resource('table', app, table), kind: 'table', label: table }];
      return [{ id: nodeId.resource(kind, app, name), kind, label: name }];
    },
  };
}
