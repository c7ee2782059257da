/**
 * Binary search over spans sorted by offset. Extraction looks up a sentence's quotes and a statement's
 * evidence once per sentence or statement; scanning every span for each made extraction quadratic in
 * the article's length (a 4.9 MB article took two minutes).
 */

/** The index of the first item whose `offsetOf` is at least `offset` (`items.length` if none), in items sorted by it. */
export function firstAtOrAfter<T>(items: readonly T[], offset: number, offsetOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsetOf(items[middle] as T) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
