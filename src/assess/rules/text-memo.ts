import type { FactStore } from '../../extract/fact-cache.js';
import { textDigest, type SourceText } from '../../extract/source-text.js';

/** One file's entry: the lines each text condition found there, by the condition's position; a condition absent found nothing. */
type Entry = [position: number, lines: number[]][];

/**
 * What the rules' text conditions (patterns, `file: containing`) found in each file, kept by the
 * file's text and by the text of every such condition: an unchanged file is not searched again on
 * the next scan, and a change to any rule's text condition searches every file again. One cache
 * entry per file, listing only the conditions that found something in it.
 */
export class TextMemo {
  private readonly files = new Map<SourceText, { key: string; found: Map<number, number[]>; stored: boolean; complete: boolean }>();

  /** `conditions`: the key of every text condition of the enabled rules, each with its position in a stable order. */
  constructor(
    private readonly store: FactStore,
    private readonly conditions: Map<string, number>,
    private readonly digest: string,
  ) {}

  /**
   * The lines condition `key` finds in this file: kept from an earlier scan, or computed now.
   * `compute` says whether its lines are the whole answer; a file with one that is not (the rule
   * ran out of time there) is not kept, and is searched again next time. A file's entry is kept as
   * the answer for every text condition: each that applies to the file must be asked.
   */
  lines(source: SourceText, key: string, compute: () => { lines: number[]; whole: boolean }): number[] {
    const position = this.conditions.get(key);
    if (position === undefined) return compute().lines;
    const file = this.file(source);
    const kept = file.found.get(position);
    if (kept || file.stored) return kept ?? [];
    const { lines, whole } = compute();
    if (lines.length > 0) file.found.set(position, lines);
    if (!whole) file.complete = false;
    return lines;
  }

  /** Stores the entries of files searched since the last call, and forgets them all. */
  flush(): void {
    for (const { key, found, stored, complete } of this.files.values()) {
      if (stored || !complete) continue;
      const entry: Entry = [...found];
      this.store.set(key, entry);
    }
    this.files.clear();
  }

  private file(source: SourceText) {
    let file = this.files.get(source);
    if (!file) {
      const key = this.store.key('text conditions', this.digest, source.rel, source.appRel, source.language?.id ?? '', textDigest(source));
      const entry = this.store.get<Entry>(key);
      file = { key, found: new Map(entry ?? []), stored: entry !== undefined, complete: true };
      this.files.set(source, file);
    }
    return file;
  }
}
