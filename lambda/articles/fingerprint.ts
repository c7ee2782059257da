import { comparableText } from './text-normal-form.js';

/*
 * Near-duplicate detection: two copies of one story (re-wrapped, with different page furniture, a
 * sentence added or cut) share most of their word 4-grams ("shingles"). Comparing shingle sets is
 * exact but needs both bodies; for lookups across batches, MinHash + locality-sensitive hashing turns a
 * body into a few band keys such that near-duplicates share at least one key with high probability
 * (Leskovec, Rajaraman & Ullman, Mining of Massive Datasets, ch. 3). The store keeps the keys and
 * compares bodies only for the few candidates a key lookup returns.
 */

const SHINGLE_WORDS = 4;
/** Share of shingles (of the larger copy) two bodies must have in common to count as one article. */
export const NEAR_DUPLICATE_OVERLAP = 0.8;
/**
 * 16 bands of 3 MinHash rows. Pairs that pass the overlap test have a shingle Jaccard of at least
 * 0.8 / (2 - 0.8) ≈ 0.67, so they share a band with probability ≥ 1 - (1 - 0.67³)¹⁶ ≈ 0.996 (≥ 0.99999 at
 * Jaccard 0.8), while two different articles on the same event (Jaccard ~0.05) collide with
 * probability ~0.002. 16 keys fit one BatchGetItem.
 */
const BANDS = 16;
const ROWS = 3;

/** FNV-1a over UTF-16 code units: fast, deterministic and well spread for short strings. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's 32-bit finaliser: turns (value xor seed) into a well-mixed independent hash per seed. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** The hashed word 4-grams of a body, in comparable form (case, quote marks and whitespace ignored). */
export function shingleHashes(body: string): Set<number> {
  const words = (comparableText(body).match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => fnv1a(word));
  const hashes = new Set<number>();
  // Hashing word hashes rather than joined strings: ~10x faster, and ingest fingerprints every article.
  const span = Math.min(SHINGLE_WORDS, words.length);
  for (let i = 0; i + span <= words.length && span > 0; i++) {
    let hash = 0x811c9dc5;
    for (let j = i; j < i + span; j++) hash = Math.imul(hash ^ (words[j] ?? 0), 0x01000193);
    hashes.add(mix(hash));
  }
  return hashes;
}

/** Shingles two bodies share, as a share of the larger body's shingles. */
export function shingleOverlap(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (large.size === 0) return 0;
  let shared = 0;
  for (const hash of small) if (large.has(hash)) shared++;
  return shared / large.size;
}

/** Whether two bodies are copies of one article: at least 80% of each one's shingles are shared. */
export function isNearDuplicate(a: string, b: string): boolean {
  return shingleOverlap(shingleHashes(a), shingleHashes(b)) >= NEAR_DUPLICATE_OVERLAP;
}

/** The LSH band keys of a body ("b07-1f3a9c0d"): near-duplicate bodies share at least one (with high probability). */
export function nearDuplicateKeys(body: string): string[] {
  return bandKeys(shingleHashes(body));
}

/** The LSH band keys of a shingle set (see `nearDuplicateKeys`), for callers that already hold the set. */
export function bandKeys(shingles: Set<number>): string[] {
  if (shingles.size === 0) return [];
  const minimums = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SEEDS.length; i++) {
      const hash = mix(shingle ^ (SEEDS[i] ?? 0));
      if (hash < (minimums[i] ?? 0)) minimums[i] = hash;
    }
  }
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = minimums.subarray(band * ROWS, band * ROWS + ROWS).join(',');
    keys.push(`b${String(band).padStart(2, '0')}-${fnv1a(rows).toString(16).padStart(8, '0')}`);
  }
  return keys;
}
