import { anySameWording, GroupTokens } from './merge-bounds.js';
import { candidateKeys } from './merge-minhash.js';
import { profileOf, sameProfile, textTokens, type Wording } from './merge-wording.js';

/*
 * Clustering items into facts: within a group (speaker, or topic and party), items whose wordings are
 * `sameWording` join one cluster, transitively, in a canonical order.
 *
 * Speed: a small group is compared pair by pair, a large one only where texts share a MinHash key over
 * content words (or the exact wording), so thousands of statements per speaker stay near linear. For
 * those large groups the clustering is approximate (a rare similar pair may not meet); small groups, the
 * usual case, are exact.
 */

/** Up to this many items in a group are compared pair by pair (exact); larger groups go through MinHash keys. */
const EXACT_GROUP_SIZE = 64;
/** Bounds the comparisons in one key bucket: a bucket this full holds one cluster already. */
const MAX_BUCKET_COMPARISONS = 16;

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Up to this many pairs of wordings, two items are compared pair by pair, without bounds first. */
const FEW_WORDING_PAIRS = 4;

/** Links the items of one group whose wordings are `sameWording`: every pair when few, else pairs sharing a MinHash key. */
function linkGroup(indexes: readonly number[], wordings: readonly Wording[][], links: UnionFind): void {
  const tokens = new GroupTokens(wordings);
  const similar = (i: number, j: number) => {
    const [mine, theirs] = [wordings[i] ?? [], wordings[j] ?? []];
    // Bounding pays only when there are many pairs of wordings to spare.
    if (mine.length * theirs.length <= FEW_WORDING_PAIRS) {
      return mine.some((a) => theirs.some((b) => sameProfile(a.profile, b.profile)));
    }
    return anySameWording(i, j, wordings, tokens);
  };
  if (indexes.length <= EXACT_GROUP_SIZE) {
    indexes.forEach((i, n) => {
      for (const j of indexes.slice(0, n)) if (links.find(i) !== links.find(j) && similar(i, j)) links.union(i, j);
    });
    return;
  }
  const buckets = new Map<string, number[]>();
  for (const i of indexes) {
    const compared = new Set<number>();
    for (const key of new Set((wordings[i] ?? []).flatMap((w) => candidateKeys(w.tokens)))) {
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [i]);
        continue;
      }
      // The same wording needs no comparison; a crowded bucket is compared with its latest entries only.
      if (key.startsWith('=')) links.union(i, bucket[0] as number);
      else {
        // One comparison per cluster already met: its other members were linked to it by similarity.
        for (let k = bucket.length - 1; k >= Math.max(0, bucket.length - MAX_BUCKET_COMPARISONS); k--) {
          const j = bucket[k] as number;
          const root = links.find(j);
          if (compared.has(root) || links.find(i) === root) continue;
          compared.add(root);
          if (similar(i, j)) links.union(i, j);
        }
      }
      bucket.push(i);
    }
  }
}

/**
 * Groups items into clusters of the same fact: items of one group (speaker, or topic and party) whose
 * wordings are `sameWording`, transitively. Items are visited in a canonical order, so the clusters
 * depend only on the set of items, not on the order they came in.
 */
export function cluster<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  wordingsOf: (item: T) => string[],
  order: (a: T, b: T) => number,
): T[][] {
  const sorted = [...items].sort(order);
  const wordings = sorted.map((item) =>
    [...new Set(wordingsOf(item))].map((text): Wording => {
      const tokens = textTokens(text);
      return { profile: profileOf(tokens), tokens };
    }),
  );
  const groups = new Map<string, number[]>();
  sorted.forEach((item, i) => {
    const group = groupOf(item);
    const members = groups.get(group);
    if (members) members.push(i);
    else groups.set(group, [i]);
  });
  const links = new UnionFind(sorted.length);
  for (const indexes of groups.values()) linkGroup(indexes, wordings, links);
  const clusters = new Map<number, T[]>();
  sorted.forEach((item, i) => {
    const root = links.find(i);
    const members = clusters.get(root);
    if (members) members.push(item);
    else clusters.set(root, [item]);
  });
  return [...clusters.values()];
}
