import {
  MIN_CONTAINED_TOKENS,
  SAME_CONTAINMENT,
  SAME_F1,
  sameProfile,
  type Wording,
  type WordingProfile,
} from './merge-wording.js';

/*
 * Bounds that spare `sameProfile` on pairs of wordings that cannot pass it. Two items compare their
 * wordings pair by pair only where a wording shares enough tokens with the other item to reach a
 * threshold (merged facts carry a wording per citation: every pair would cost their product).
 */

/** A wording and how many of its tokens (with repeats) occur anywhere in the item it is compared with. */
interface SharedTokens {
  profile: WordingProfile;
  shared: number;
  /** Its overlap with some wording of that item could reach SAME_F1. */
  mayOverlap: boolean;
  /** As the shorter of a pair, it could be contained in some wording of that item. */
  mayBeContained: boolean;
}

/** Below the thresholds by more than rounding: a bound that misses one this way proves the pair different. */
const ROUNDING = 1e-9;

function sharedTokens(profile: WordingProfile, shared: number): SharedTokens {
  const length = profile.tokens.length;
  return {
    profile,
    shared,
    // The overlap with a wording of n tokens is at most min(shared, n), so F1 peaks at n = shared.
    mayOverlap: (2 * shared) / (length + shared) >= SAME_F1 - ROUNDING,
    mayBeContained: length >= MIN_CONTAINED_TOKENS && shared / length >= SAME_CONTAINMENT - ROUNDING,
  };
}

/** Whether `sameProfile` can hold for a pair, from the shared-token counts: their overlap is at most either. */
function maySameProfile(a: SharedTokens, b: SharedTokens): boolean {
  const [p, q] = [a.profile, b.profile];
  if (p.negated !== q.negated || p.numbers !== q.numbers) return false;
  const [la, lb] = [p.tokens.length, q.tokens.length];
  if ((2 * Math.min(a.shared, b.shared)) / (la + lb) >= SAME_F1) return true;
  const short = la <= lb ? a : b;
  return short.mayBeContained;
}

/**
 * The tokens of one group's items as integers, so that counting a wording's tokens found in another item
 * is a few array reads: `anySameWording` counts them for every wording of both items of each pair.
 */
export class GroupTokens {
  private readonly idOf = new Map<string, number>();
  /** Token ids of each item's wordings, made when the item is first compared. */
  private readonly items = new Map<number, Int32Array[]>();
  /** `marks[id] === stamp`: the token occurs in the item marked last. */
  private marks = new Int32Array(256);
  private stamp = 0;

  constructor(private readonly wordings: readonly Wording[][]) {}

  /** For each wording of item `i`, how many of its tokens (with repeats) occur in some wording of item `j`. */
  sharedWith(i: number, j: number): number[] {
    const [mine, theirs] = [this.tokensOf(i), this.tokensOf(j)];
    const stamp = ++this.stamp;
    for (const ids of theirs) for (const id of ids) this.marks[id] = stamp;
    return mine.map((ids) => {
      let shared = 0;
      for (const id of ids) if (this.marks[id] === stamp) shared++;
      return shared;
    });
  }

  private tokensOf(i: number): Int32Array[] {
    let ids = this.items.get(i);
    if (!ids) {
      ids = (this.wordings[i] ?? []).map((w) => Int32Array.from(w.profile.tokens, (token) => this.intern(token)));
      this.items.set(i, ids);
    }
    return ids;
  }

  private intern(token: string): number {
    let id = this.idOf.get(token);
    if (id === undefined) {
      id = this.idOf.size;
      this.idOf.set(token, id);
      if (id >= this.marks.length) {
        const grown = new Int32Array(this.marks.length * 2);
        grown.set(this.marks);
        this.marks = grown;
      }
    }
    return id;
  }
}

/**
 * Whether some wording of item `i` is `sameProfile` as some wording of item `j`. Items that say different
 * things are the common case and would cost every pair of their wordings, so each wording is first
 * bounded by the tokens it shares with the other item, and only pairs whose bounds can reach a threshold
 * are compared.
 */
export function anySameWording(i: number, j: number, wordings: readonly Wording[][], tokens: GroupTokens): boolean {
  const theirShared = tokens.sharedWith(j, i);
  const others = (wordings[j] ?? []).map((w, k) => sharedTokens(w.profile, theirShared[k] ?? 0));
  const containable = others.filter((o) => o.mayBeContained);
  const overlapping = others.filter((o) => o.mayBeContained || o.mayOverlap);
  const myShared = tokens.sharedWith(i, j);
  for (const [k, { profile }] of (wordings[i] ?? []).entries()) {
    const mine = sharedTokens(profile, myShared[k] ?? 0);
    // A pair is the same by overlap (both may overlap) or by containing its shorter one.
    const candidates = mine.mayBeContained ? others : mine.mayOverlap ? overlapping : containable;
    for (const other of candidates) {
      if (maySameProfile(mine, other) && sameProfile(profile, other.profile)) return true;
    }
  }
  return false;
}
