// The value a map keeps under a key, made the first time it is asked for: formatters,
// translators, prepared statements and per-client stores are built once and reused.

interface Keeper<K, V> { get(key: K): V | undefined; set(key: K, value: V): unknown }

export function keptIn<K, V>(map: Keeper<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, value = make());
  return value;
}
