/** Adds a value to the list kept under a key, in place: no copy of the list per value (quadratic on large groups). */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds values one by one: spreading a group of a hundred thousand files into push() overflows the stack. */
export function appendAll<K, V>(map: Map<K, V[]>, key: K, values: readonly V[]): void {
  for (const value of values) append(map, key, value);
}
