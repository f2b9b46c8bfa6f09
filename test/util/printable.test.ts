import { describe, expect, it } from 'vitest';
import { printable, printableDeep } from '../../src/util/printable.js';

describe('printable', () => {
  it('shows control characters as escapes', () => {
    expect(printable('new\nline\t\u001b[2J\u009b')).toBe('new\\nline\\t\\x1b[2J\\x9b');
  });

  it('copies only what changes: clean parts of a result are the same objects', () => {
    const clean = { id: 'orders', nested: [{ a: 'x' }] };
    const dirty = { file: 'weird\nname.js', line: 3 };
    const value = { clean, list: [dirty, 'ok'] };
    const result = printableDeep(value);
    expect(result).toEqual({ clean, list: [{ file: 'weird\\nname.js', line: 3 }, 'ok'] });
    expect(result.clean).toBe(clean);
    expect(printableDeep(clean)).toBe(clean);
    expect(dirty.file).toBe('weird\nname.js');
  });
});
