import { lastIndexAtMost } from '../util/sorted.js';

/** Maps character offsets to 1-based line numbers by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineAt(offset: number): number {
    return lastIndexAtMost(this.starts, offset) + 1;
  }

  /** Where the line after the one holding `offset` starts (the text's length on the last line). */
  nextLineStart(offset: number): number {
    return this.starts[lastIndexAtMost(this.starts, offset) + 1] ?? this.text.length;
  }

  /** The text of a 1-based line, without its line break. */
  line(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    const end = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }
}
