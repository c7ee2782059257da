/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions): typing slips such as
 * "summray" or "Medinksy" cost one edit, as a reader would expect.
 */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Math.max(a.length, b.length));
}

/**
 * `editDistance` when it is at most `limit`, else `limit + 1`, found without computing what cannot be within
 * it: strings whose lengths differ by more are not compared, only the diagonal band of `limit` cells either
 * side is filled, and a row with no cell within the limit ends it. What a search for the nearest few among
 * thousands of names needs: most are far, and it knows how far the ones it keeps are.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  // Past the longer length nothing changes (the distance is at most that): the band is never wider.
  const bound = Math.min(limit, Math.max(a.length, b.length));
  const over = bound + 1;
  if (Math.abs(a.length - b.length) > bound) return over;
  if (!a.length || !b.length) return Math.max(a.length, b.length);
  // Three rows in turn. Cells outside the band are further than the bound (at least |i - j|): they hold
  // `over`, and only the band and the cell either side of it are written in a row, which is all the next
  // two rows read.
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => Math.min(j, over));
  let current: number[] = new Array(b.length + 1).fill(over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    current[0] = Math.min(i, over);
    if (from > 1) current[from - 1] = over;
    if (to < b.length) current[to + 1] = over;
    let rowBest = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? over) + 1, (current[j - 1] ?? over) + 1, (previous[j - 1] ?? over) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (twoBack[j - 2] ?? over) + 1);
      }
      best = Math.min(best, over);
      if (best < rowBest) rowBest = best;
      current[j] = best;
    }
    // No cell of a row within the bound: none of a later row can be (each comes from one of this row's
    // cells, or from the row before it through a transposition, whose cell one step along is as near).
    if (rowBest > bound) return over;
    [twoBack, previous, current] = [previous, current, twoBack.length ? twoBack : new Array(b.length + 1).fill(over)];
  }
  return previous[b.length] ?? over;
}

/** How many edits a word of this length may be off by and still count as meant: none below 4 letters. */
export function toleratedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

/** The candidate nearest to `word` within the tolerated edits, or null (the first wins a tie). */
export function closestWithin(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = toleratedEdits(word) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
