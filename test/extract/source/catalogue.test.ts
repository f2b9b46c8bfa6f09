import { afterEach, describe, expect, it } from 'vitest';
import {
  apisOf,
  builtInCatalogue,
  Catalogue,
  entryOfAnnotation,
  useCatalogues,
} from '../../../src/extract/source/catalogue.js';

describe("the extractors' catalogue", () => {
  afterEach(() => {
    useCatalogues([]);
  });

  it('is the built-in data file, extended by packs in order: a name listed again takes the later kind', () => {
    expect(builtInCatalogue().apis?.java?.calls?.['file-write']).toContain('Files.write');
    const builtIn = useCatalogues([]);
    expect(apisOf('java').calls['Files.write']).toBe('file-write');
    expect(entryOfAnnotation('GetMapping', 'method')).toBe('http-route');
    const extended = useCatalogues([
      {
        apis: { java: { calls: { 'file-write': ['Vault.store'] } } },
        entryPoints: { method: { scheduled: ['NightlyJob'] } },
      },
      { apis: { java: { calls: { 'file-read': ['Files.write'] } } } },
    ]);
    expect(extended).not.toBe(builtIn);
    expect(apisOf('java').calls['Vault.store']).toBe('file-write');
    expect(apisOf('java').calls['Files.write']).toBe('file-read');
    expect(entryOfAnnotation('NightlyJob', 'method')).toBe('scheduled');
    expect(entryOfAnnotation('NightlyJob', 'class')).toBeUndefined();
    // The same extensions give the same digest: the fact cache is kept by it.
    expect(
      useCatalogues([
        {
          apis: { java: { calls: { 'file-write': ['Vault.store'] } } },
          entryPoints: { method: { scheduled: ['NightlyJob'] } },
        },
        { apis: { java: { calls: { 'file-read': ['Files.write'] } } } },
      ]),
    ).toBe(extended);
  });

  it('finds nothing for names of Object.prototype taken from scanned code, and takes any name a pack lists', () => {
    useCatalogues([Catalogue.parse({ apis: { java: { calls: { 'file-write': ['__proto__', 'constructor'] } } } })]);
    expect(apisOf('java').calls['__proto__']).toBe('file-write');
    expect(apisOf('java').calls.constructor).toBe('file-write');
    expect(apisOf('java').calls.toString).toBeUndefined();
    expect(apisOf('java').methods.hasOwnProperty).toBeUndefined();
    expect(entryOfAnnotation('toString', 'method')).toBeUndefined();
  });
});
