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

  constructor(sources: SourceFacts[]) {
    for (const source of sources) {
      for (const unit of source.units) {
        if (this.byId.has(unit.id)) continue;
        this.byId.set(unit.id, unit);
        this.bySimpleName.set(unit.name, [...(this.bySimpleName.get(unit.name) ?? []), unit]);
      }
    }
  }

  get units(): Unit[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  resolve(name: string, context: SourceFacts): string | undefined {
    const clean = name.replace(/<.*$/s, '').replace(/\[\]$/, '').trim();
    if (!clean) return undefined;
    if (this.byId.has(clean)) return clean;
    const [head, ...rest] = clean.split('.');
    const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
    const candidates: string[] = [];
    if (context.namespace) candidates.push(`${context.namespace}.${clean}`);
    for (const imported of context.imports) {
      if (imported.wildcard) candidates.push(`${imported.target}.${clean}`);
      else if (imported.target === head || imported.target.endsWith(`.${head}`) || imported.target.endsWith(`/${head}`)) candidates.push(`${imported.target}${tail}`);
    }
    // A nested type named from inside its outer type: Outer.Inner written as Inner.
    for (const unit of context.units) candidates.push(`${unit.id}.${clean}`);
    for (const candidate of candidates) if (this.byId.has(candidate)) return candidate;
    // A dotted name the application holds under a longer prefix (src/ layouts, partial qualification).
    if (rest.length > 0) {
      const suffixed = this.units.filter((unit) => unit.id.endsWith(`.${clean}`));
      if (suffixed.length === 1) return suffixed[0]!.id;
    }
    // Go imports carry the module path (acme.io/ledger/internal/store.New); units are named by folder (internal/store.New).
    if (clean.includes('/')) {
      const inPath = this.units.filter((unit) => clean.endsWith(`/${unit.id}`));
      if (inPath.length === 1) return inPath[0]!.id;
    }
    const bySimple = this.bySimpleName.get(rest.length > 0 ? (rest.at(-1) ?? clean) : clean) ?? [];
    return bySimple.length === 1 ? bySimple[0]!.id : undefined;
  }
}
