import { UndirectedGraph } from 'graphology';
import type { PortfolioGraph } from '../../model/portfolio-graph-types.js';
import { compareStrings } from '../../util/compare.js';
import type { RuntimeCall } from '../../extract/runtime-calls.js';
import { append } from '../../util/multimap.js';
import { applicationPrefix, businessWord } from './business-words.js';

/** The split's graph: server classes (nested ones folded into their outer class) and the data they touch, undirected, with summed weights. */
export type WeightedGraph = UndirectedGraph<{ label: string }, { weight: number }>;

/**
 * How strongly an edge of the unit graph ties two units (or a unit and a table) together
 * (docs/split.md). Writing a table binds a unit to it more than reading does: a service owns
 * what it writes.
 */
export const SPLIT_WEIGHTS: Record<string, number> = {
  calls: 1,
  inherits: 1,
  implements: 1,
  instantiates: 0.8,
  uses: 0.5,
  includes: 0.5,
  imports: 0.3,
  writes: 2,
  reads: 1,
  'maps-to': 3,
};
/** Classes of one package are closer than their code says: each is tied this much to its package's node. */
export const SAME_PACKAGE = 0.5;
/**
 * Classes of one business word (the module a package names): each is tied this much to the
 * word's node, as much as an entity to its table; the module the developers put a class in
 * outweighs a single call (docs/split.md says how the weight was chosen).
 */
export const SAME_WORD = 3;
/** The nodes a package's or a business word's classes meet at in the split's graph. */
export const PACKAGE_NODE = 'package:';
export const WORD_NODE = 'word:';
/** Weight of a co-change pair at full strength (always changed together). */
export const CO_CHANGE_WEIGHT = 1;
/** Weight of a measured call pair: (ln calls + 1) times this. */
export const RUNTIME_CALL_WEIGHT = 1;
/** Edges between units of code. */
export const CODE_EDGES = new Set(['calls', 'inherits', 'implements', 'instantiates', 'uses', 'includes', 'imports']);
/** Nodes that hold data: what a service owns. */
export const DATA = /^(table|dataset|file|queue|segment|entity):/;

/** Languages a browser runs: in an application whose server is written in another, they are its front end. */
const BROWSER_LANGUAGES = new Set(['javascript', 'typescript']);
/** Folders of browser code in an application whose server is JavaScript or TypeScript too. */
const FRONT_END_FOLDER = /(^|\/)(public|static|webapp|wwwroot|assets|frontend|front-end|client|www|web-ui|ui)\//i;

export interface SplitInputOptions {
  /** Files changed together in the history, paths as unit `file` attributes have them. */
  coChange?: { commits: number; pairs: { a: string; b: string; strength: number }[] } | undefined;
  /** Measured call volumes between classes (cloudready split --calls). */
  runtimeCalls?: RuntimeCall[] | undefined;
}

/** What the split reads of one application's unit graph. */
export interface SplitInput {
  application: string;
  /** Server classes that are not nested in another (the atoms of the split), sorted. */
  atoms: string[];
  /** Every server class, nested ones included, with the atom it belongs to. */
  atomOf: Map<string, string>;
  /** Units of the web front end (browser code), sorted. */
  frontEnd: string[];
  g: WeightedGraph;
  /** Data nodes server code touches, sorted. */
  data: string[];
  writers: Map<string, string[]>;
  readers: Map<string, string[]>;
  /** Entity classes mapped to a table. */
  mappedBy: Map<string, string[]>;
  /** What each atom writes and reads, and the atoms its code uses (any code edge, either nested class's). */
  writes: Map<string, string[]>;
  reads: Map<string, string[]>;
  uses: Map<string, string[]>;
  /** Measured calls between atoms (caller\0callee → count), when given; else static call edges (count 1). */
  calls: Map<string, number>;
  callsMeasured: boolean;
  entryPoints: Map<string, string>;
  /** The business word of each class's package, where it has one. */
  wordOf: Map<string, string>;
  label: (node: string) => string;
  packageOf: (node: string) => string;
  coChangePairs: number;
  runtimePairs: number;
}

const packageOfName = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '');
/**
 * The module path whose segments can name a part of the business: a class's package
 * (`com.acme.order.Order` → com.acme.order), or a path-named module itself (a Go package
 * `internal/route/repo`, a TypeScript file `routes/basket`), its slashes as dots.
 */
const modulePathOf = (name: string) => {
  if (!name.includes('/')) return packageOfName(name);
  const file = name.slice(name.lastIndexOf('/') + 1);
  // `routes/basket.total` is a function of the module routes/basket.
  return (file.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name).replace(/\//g, '.');
};

/** Reads an application's server classes, their ties and their data from the portfolio graph (docs/split.md, Input). */
export function splitInput(graph: PortfolioGraph, application: string, options: SplitInputOptions = {}): SplitInput {
  const prefix = `unit:${application}:`;
  const label = (node: string) => (graph.hasNode(node) ? graph.getNodeAttribute(node, 'label') : node);
  const production = graph
    .filterNodes((node, attributes) => node.startsWith(prefix) && (attributes.origin ?? 'production') === 'production')
    .sort(compareStrings);
  const languageOf = (node: string) => String(graph.getNodeAttribute(node, 'language') ?? '');
  const serverLanguages = new Set(production.map(languageOf).filter((language) => !BROWSER_LANGUAGES.has(language)));
  // Browser code is the front end: all of it beside a server in another language, else what sits in front-end folders.
  const isFrontEnd = (node: string) =>
    BROWSER_LANGUAGES.has(languageOf(node)) &&
    (serverLanguages.size > 0 || FRONT_END_FOLDER.test(String(graph.getNodeAttribute(node, 'file') ?? '')));
  const frontEnd = production.filter(isFrontEnd);
  const server = production.filter((node) => !isFrontEnd(node));
  const serverSet = new Set(server);

  // A nested class belongs to its outer class (`a.b.Outer.Inner`, `Outer$Inner`), a module's classes
  // and functions to their module, and a Go function to its package: each goes where that goes. A
  // Python package's __init__ is another file, not an outer unit of its modules.
  const byLabel = new Map(server.map((node) => [label(node), node]));
  const fileOf = (node: string) => graph.getNodeAttribute(node, 'file');
  const encloses = (outer: string, inner: string) =>
    fileOf(outer) === fileOf(inner) ||
    (languageOf(outer) === 'go' && graph.getNodeAttribute(outer, 'unitKind') === 'module');
  const atomOf = new Map<string, string>();
  for (const node of server) {
    let name = label(node);
    let outer = node;
    for (
      let at = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
      at > 0;
      at = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'))
    ) {
      name = name.slice(0, at);
      const candidate = byLabel.get(name);
      if (candidate && encloses(candidate, node)) outer = candidate;
    }
    atomOf.set(node, outer);
  }
  const atoms = [...new Set(atomOf.values())].sort(compareStrings);

  const g: WeightedGraph = new UndirectedGraph();
  for (const atom of atoms) g.addNode(atom, { label: label(atom) });
  const addWeight = (a: string, b: string, weight: number) => {
    if (a === b) return;
    for (const node of [a, b]) if (!g.hasNode(node)) g.addNode(node, { label: label(node) });
    const existing = g.edge(a, b);
    if (existing) g.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + weight);
    else g.addEdge(a, b, { weight });
  };
  const writers = new Map<string, string[]>();
  const readers = new Map<string, string[]>();
  const mappedBy = new Map<string, string[]>();
  const writes = new Map<string, string[]>();
  const reads = new Map<string, string[]>();
  const uses = new Map<string, string[]>();
  const calls = new Map<string, number>();
  const entryPoints = new Map<string, string>();
  const once = (map: Map<string, string[]>, key: string, value: string) => {
    if (!map.get(key)?.includes(value)) append(map, key, value);
  };
  for (const unit of server) {
    const atom = atomOf.get(unit)!;
    const entry = graph.getNodeAttribute(unit, 'entryPoints');
    if (entry) entryPoints.set(atom, entryPoints.has(atom) ? `${entryPoints.get(atom)}; ${entry}` : String(entry));
    graph.forEachOutEdge(unit, (_edge, { kind }, _source, target) => {
      const weight = SPLIT_WEIGHTS[kind];
      if (weight === undefined) return;
      if (DATA.test(target)) {
        addWeight(atom, target, weight);
        if (kind === 'writes') {
          once(writers, target, atom);
          once(writes, atom, target);
        }
        if (kind === 'reads') {
          once(readers, target, atom);
          once(reads, atom, target);
        }
        if (kind === 'maps-to') once(mappedBy, target, atom);
        return;
      }
      const other = serverSet.has(target) ? atomOf.get(target)! : undefined;
      if (!other || other === atom) return;
      addWeight(atom, other, weight);
      once(uses, atom, other);
      if (kind === 'calls' && !options.runtimeCalls)
        calls.set(`${atom}\0${other}`, (calls.get(`${atom}\0${other}`) ?? 0) + 1);
    });
  }
  // The code's own module structure: classes of one business word (`booking` in interfaces.booking.web
  // and interfaces.booking.facade) meet at its node; classes of a package without one, at the package's.
  // A path-named module's package is its folder: `routes/basket` is in routes.
  const packageOf = (node: string) =>
    label(node).includes('/') ? packageOfName(modulePathOf(label(node))) : packageOfName(label(node));
  const appPrefix = applicationPrefix(atoms.map((atom) => modulePathOf(label(atom))));
  const wordOf = new Map<string, string>();
  for (const atom of atoms) {
    const pkg = packageOf(atom);
    const word = businessWord(modulePathOf(label(atom)), appPrefix);
    if (word) {
      wordOf.set(atom, word);
      addWeight(atom, `${WORD_NODE}${word}`, SAME_WORD);
    } else if (pkg) addWeight(atom, `${PACKAGE_NODE}${pkg}`, SAME_PACKAGE);
  }

  // Files changed together in the history tie their classes: the coupling the code does not show.
  let coChangePairs = 0;
  if (options.coChange) {
    const atomsOfFile = new Map<string, string[]>();
    for (const atom of atoms) {
      const file = graph.getNodeAttribute(atom, 'file');
      if (typeof file === 'string') append(atomsOfFile, file, atom);
    }
    for (const { a, b, strength } of options.coChange.pairs) {
      const [left, right] = [atomsOfFile.get(a), atomsOfFile.get(b)];
      if (!left || !right) continue;
      coChangePairs++;
      for (const x of left)
        for (const y of right) addWeight(x, y, (CO_CHANGE_WEIGHT * strength) / (left.length * right.length));
    }
  }

  // Measured calls: by class name (a nested class's calls are its outer class's), summed per pair.
  let runtimePairs = 0;
  if (options.runtimeCalls) {
    const byName = new Map<string, string>();
    for (const unit of server) byName.set(label(unit), atomOf.get(unit)!);
    for (const { caller, callee, count } of options.runtimeCalls) {
      const [from, to] = [byName.get(caller), byName.get(callee)];
      if (!from || !to || from === to || count <= 0) continue;
      const key = `${from}\0${to}`;
      if (!calls.has(key)) runtimePairs++;
      calls.set(key, (calls.get(key) ?? 0) + count);
    }
    for (const [key, count] of calls) {
      const [from, to] = key.split('\0') as [string, string];
      addWeight(from, to, RUNTIME_CALL_WEIGHT * (Math.log(count) + 1));
    }
  }

  const data = g
    .nodes()
    .filter((node) => DATA.test(node))
    .sort(compareStrings);
  for (const map of [writers, readers, mappedBy, writes, reads, uses])
    for (const list of map.values()) list.sort(compareStrings);
  return {
    application,
    atoms,
    atomOf,
    frontEnd,
    g,
    data,
    writers,
    readers,
    mappedBy,
    writes,
    reads,
    uses,
    calls,
    callsMeasured: Boolean(options.runtimeCalls),
    entryPoints,
    wordOf,
    label,
    packageOf,
    coChangePairs,
    runtimePairs,
  };
}
