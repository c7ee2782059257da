/**
 * Runs `task` on every item, at most `limit` at once, and returns the results in the items' order. For
 * requests: a round trip takes as long whatever else is in flight, so overlapping them divides the wait.
 * A task that must not lose its siblings' results catches its own errors.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
