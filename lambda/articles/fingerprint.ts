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
 * One MinHash signature of 48 rows, read as two band layouts. In memory (`bandKeys`, within a batch) a key
 * costs nothing: 16 bands of 3 rows, and one shared band makes a candidate. Pairs that pass the overlap test
 * have a shingle Jaccard of at least 0.8 / (2 - 0.8) ≈ 0.67, so they share a band with probability
 * ≥ 1 - (1 - 0.67³)¹⁶ ≈ 0.997, while two different articles on the same event (Jaccard ~0.05) collide
 * with probability ~0.002.
 *
 * In the table (`nearDuplicateFingerprint`) every key is an item written once per stored article, a write
 * unit each: 8 bands of 2 rows (the signature's first 16), one shared band makes a candidate. At Jaccard
 * 0.67 they share a band with probability 1 - (1 - 0.67²)⁸ ≈ 0.991, and ≥ 0.9997 at Jaccard 0.8. So loose a
 * band also catches articles on the same event that share stock phrases (at Jaccard 0.3 half the pairs),
 * so each key's item keeps a sketch of each article beside its id, and only a candidate whose sketch
 * matches is read and compared (`sketchesMayMatch`).
 */
const BANDS = 16;
const ROWS = 3;
const STORED_BANDS = 8;
const STORED_ROWS = 2;
/**
 * The sketch: the low byte of the signature's rows 16 to 47, independent of the stored bands' rows (b-bit
 * minwise hashing, Li & König 2010). A byte matches with probability J + (1 - J) / 256. Requiring 13 of 32
 * (an estimated Jaccard of 0.4) keeps a pair at Jaccard 0.67 (21.5 matches expected, σ 2.7) with
 * probability ≥ 0.999, and lets through ~10% of pairs at Jaccard 0.3 and ~0.2% at 0.2.
 */
const SKETCH_FIRST_ROW = STORED_BANDS * STORED_ROWS;
const SKETCH_ROWS = 32;
const SKETCH_MIN_MATCHES = 13;

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

const SEEDS = Array.from({ length: Math.max(BANDS * ROWS, SKETCH_FIRST_ROW + SKETCH_ROWS) }, (_, i) =>
  mix(0x9e3779b9 + i * 0x632be5ab),
);

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

/** What the store keeps to find a body's near-duplicates: its band keys, and a sketch to weed out candidates. */
export interface NearDuplicateFingerprint {
  /** LSH band keys ("k07-1f3a9c0d"): near-duplicate bodies share at least one (with high probability). */
  keys: string[];
  /** 32 bytes of MinHash, in hex: compared with `sketchesMayMatch` before a candidate's body is read. */
  sketch: string;
}

/** The fingerprint the store indexes a body under: 8 band keys (see STORED_BANDS) and a sketch. */
export function nearDuplicateFingerprint(body: string): NearDuplicateFingerprint {
  const shingles = shingleHashes(body);
  if (shingles.size === 0) return { keys: [], sketch: '' };
  const signature = minHashSignature(shingles);
  const sketch = Buffer.from(
    signature.subarray(SKETCH_FIRST_ROW, SKETCH_FIRST_ROW + SKETCH_ROWS).map((row) => row & 0xff),
  );
  return { keys: keysOf(signature, 'k', STORED_BANDS, STORED_ROWS), sketch: sketch.toString('hex') };
}

/** Whether two sketches are alike enough for their bodies to be near-duplicates (see SKETCH_MIN_MATCHES). */
export function sketchesMayMatch(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let matches = 0;
  for (let i = 0; i < a.length; i += 2) if (a.slice(i, i + 2) === b.slice(i, i + 2)) matches++;
  return matches >= SKETCH_MIN_MATCHES;
}

/** The in-memory LSH band keys of a shingle set ("b07-1f3a9c0d"): 16 bands of 3 rows, see BANDS. */
export function bandKeys(shingles: Set<number>): string[] {
  return shingles.size === 0 ? [] : keysOf(minHashSignature(shingles), 'b', BANDS, ROWS);
}

function minHashSignature(shingles: Set<number>): Uint32Array {
  const minimums = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SEEDS.length; i++) {
      const hash = mix(shingle ^ (SEEDS[i] ?? 0));
      if (hash < (minimums[i] ?? 0)) minimums[i] = hash;
    }
  }
  return minimums;
}

/** One key per band of `rows` consecutive signature rows; the prefix keeps the two layouts' keys apart. */
function keysOf(signature: Uint32Array, prefix: string, bands: number, rows: number): string[] {
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    const values = signature.subarray(band * rows, band * rows + rows).join(',');
    keys.push(`${prefix}${String(band).padStart(2, '0')}-${fnv1a(values).toString(16).padStart(8, '0')}`);
  }
  return keys;
}

/** The near-duplicate detection the store runs (lambda/store/dynamo-talks-store.ts NearDuplicateDetector). */
export const nearDuplicateDetector = {
  fingerprint: nearDuplicateFingerprint,
  sketchesMayMatch,
  isNearDuplicate,
} as const;
