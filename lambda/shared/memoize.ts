/**
 * `compute` remembered per argument, for a pure function of a string that extraction asks about the same
 * words and names many times per article and again in the next one. The table holds at most `limit`
 * arguments and starts over when full: the vocabulary recurs, names keep coming, and memory stays bounded
 * in a long-lived Lambda or a 10,000-article ingest.
 */
export function memoizeByString<T>(compute: (key: string) => T, limit = 10_000): (key: string) => T {
  const remembered = new Map<string, T>();
  return (key) => {
    const known = remembered.get(key);
    if (known !== undefined || remembered.has(key)) return known as T;
    const value = compute(key);
    if (remembered.size >= limit) remembered.clear();
    remembered.set(ownCopy(key), value);
    return value;
  };
}

/**
 * The key as a string of its own. A key sliced from an article body (a word, a sentence) is, in V8, a view that
 * keeps the whole body alive: kept as a table's key, it would hold on to every article the table has seen.
 * Appending a character and cutting it off again makes V8 copy the characters into a new string.
 */
const ownCopy = (key: string) => `${key} `.slice(0, -1);

/**
 * `build` run once per object and remembered while that object lives: the patterns and word sets extraction derives
 * from a compiled configuration, built on first use rather than at module load.
 */
export function memoizeByObject<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const built = new WeakMap<K, T>();
  return (key) => {
    let value = built.get(key);
    if (value === undefined) {
      value = build(key);
      built.set(key, value);
    }
    return value;
  };
}

/**
 * `compute` remembered for the last argument only: for a pure function that several steps of one article's
 * extraction ask about the same object (its body) in turn. Holds one argument and one result, never more.
 */
export function memoizeLast<K, T>(compute: (key: K) => T): (key: K) => T {
  let last: { key: K; value: T } | null = null;
  return (key) => {
    if (last === null || last.key !== key) last = { key, value: compute(key) };
    return last.value;
  };
}
