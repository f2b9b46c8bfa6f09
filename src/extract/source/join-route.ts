/** Joins a controller's base path and a method's path: /api/products + /{sku}. */
export function joinRoute(base: string, path: string | undefined): string {
  const joined = `${base}/${path ?? ''}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return joined === '/' && !base && !path ? '' : joined;
}
