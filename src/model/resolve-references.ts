import type { SourceFacts, Unit } from '../extract/source/index.js';

/**
 * Resolves names as written in one file to units of the same application, as far as syntax
 * allows: a qualified name that is a unit; the file's own namespace; explicit and wildcard
 * imports; finally a simple name that only one unit of the application bears. A name that
 * resolves to nothing is outside the application (a library, the platform).
 */
export class UnitIndex {
  private readonly byId = new Map<string, Unit>();
  private readonly bySimpleName = new Map<string, Unit[]>();
  /** Every dotted tail of every unit id (a.b.C → b.C, C), built on first need. */
  private byDottedTail: Map<string, string[]> | undefined;
  /** Names already resolved in a file: its units name the same types over and over. */
  private readonly resolvedIn = new WeakMap<SourceFacts, Map<string, string | undefined>>();

  constructor(sources: SourceFacts[]) {
    for (const source of sources) {
      for (const unit of source.units) {
        if (this.byId.has(unit.id)) continue;
        this.byId.set(unit.id, unit);
        const named = this.bySimpleName.get(unit.name);
        if (named) named.push(unit);
        else this.bySimpleName.set(unit.name, [unit]);
      }
    }
  }

  private dottedTails(): Map<string, string[]> {
    if (!this.byDottedTail) {
      this.byDottedTail = new Map();
      for (const id of this.byId.keys()) {
        for (let dot = id.indexOf('.'); dot !== -1; dot = id.indexOf('.', dot + 1)) {
          const tail = id.slice(dot + 1);
          const ids = this.byDottedTail.get(tail);
          if (ids) ids.push(id);
          else this.byDottedTail.set(tail, [id]);
        }
      }
    }
    return this.byDottedTail;
  }

  get units(): Unit[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  resolve(name: string, context: SourceFacts): string | undefined {
    let resolved = this.resolvedIn.get(context);
    if (!resolved) {
      resolved = new Map();
      this.resolvedIn.set(context, resolved);
    }
    if (resolved.has(name)) return resolved.get(name);
    const unit = this.resolveName(name, context);
    resolved.set(name, unit);
    return unit;
  }

  private resolveName(name: string, context: SourceFacts): string | undefined {
    const clean = name.replace(/<.*$/s, '').replace(/\[\]$/, '').trim();
    if (!clean) return undefined;
    if (this.byId.has(clean)) return clean;
    const [head, ...rest] = clean.split('.');
    const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
    const candidates: string[] = [];
    if (context.namespace) candidates.push(`${context.namespace}.${clean}`);
    for (const imported of context.imports) {
      if (imported.wildcard) candidates.push(`${imported.target}.${clean}`);
      else if (imported.target === head || imported.target.endsWith(`.${head}`) || imported.target.endsWith(`/${head}`))
        candidates.push(`${imported.target}${tail}`);
    }
    // A nested type named from inside its outer type: Outer.Inner written as Inner.
    for (const unit of context.units) candidates.push(`${unit.id}.${clean}`);
    for (const candidate of candidates) if (this.byId.has(candidate)) return candidate;
    // A dotted name the application holds under a longer prefix (src/ layouts, partial qualification).
    if (rest.length > 0) {
      const suffixed = this.dottedTails().get(clean) ?? [];
      if (suffixed.length === 1) return suffixed[0];
    }
    // Go imports carry the module path (acme.io/ledger/internal/store.New); units are named by folder (internal/store.New).
    const inPath = new Set<string>();
    for (let slash = clean.indexOf('/'); slash !== -1; slash = clean.indexOf('/', slash + 1)) {
      const tail = clean.slice(slash + 1);
      if (this.byId.has(tail)) inPath.add(tail);
    }
    if (inPath.size === 1) return [...inPath][0];
    const bySimple = this.bySimpleName.get(rest.length > 0 ? (rest.at(-1) ?? clean) : clean) ?? [];
    return bySimple.length === 1 ? bySimple[0]!.id : undefined;
  }
}
