import { comparableText } from './text-normal-form.js';

/*
 * Near-duplicate detection: two copies of one story (re-wrapped, with different page furniture, a
 * sentence added or cut) share most of their word 4-grams ("shingles"). Comparing shingle sets is
 * exact but needs both sets; to find the few bodies worth comparing, each body gets a handful of keys
 * such that near-duplicates share one with high probability (locality-sensitive hashing; Leskovec,
 * Rajaraman & Ullman, Mining of Massive Datasets, ch. 3), and a sketch that estimates how alike two
 * bodies are. The store keeps the keys and sketches, and compares shingles only for the few candidates.
 */

const SHINGLE_WORDS = 4;
/** Share of shingles (of the larger copy) two bodies must have in common to count as one article. */
export const NEAR_DUPLICATE_OVERLAP = 0.8;
/**
 * The keys: MinHash rows. A row is the smallest of the body's shingles under one hash function; two bodies
 * share a row's minimum with probability J, their Jaccard similarity. In the table every key a body is
 * stored under is an item written, a write unit each, while a key looked up is half a read unit: so keys are
 * asymmetric (multi-probe LSH, Lv et al. 2007). A body is stored under the minimums of 4 rows; a new body
 * looks up the two smallest of every row. It finds a stored copy when, in one of the 4 rows, the stored
 * body's minimum is among the new body's two smallest. Copies that pass the overlap test share 80% of the
 * larger one's shingles (Jaccard ≥ 0.67), and a row finds the copy with probability ≈ 0.79 there, so 4 rows
 * find it with probability ≈ 0.998 (a seeded simulation of random sets; `test/articles/fingerprint.test.ts`
 * checks ≥ 99% on generated copies). Before: 8 stored bands of 2 rows, 1 - (1 - 0.67²)⁸ ≈ 0.991, for 8
 * items an article; now 4 items, and 24 keys read instead of 8.
 *
 * A row item lists at most 20 articles (lambda/store/near-duplicates.ts): a minimum that many articles
 * share is a stock phrase, not evidence. A body whose row is full is stored under its next row instead, so it
 * keeps 4 rows that can find it; every body looks up all 12 rows (on the synthetic corpus about half of the
 * rows' minimums are stock phrases).
 *
 * In memory (within a batch) an entry costs nothing: every body is indexed and looked up under the two
 * smallest of every row (`NearDuplicateIndex`), so two copies meet when theirs share one in any of 12 rows
 * whose key is not a stock phrase.
 *
 * One shared row is weak evidence: two reports of one event that share stock phrases (Jaccard 0.3) share
 * one often. So the sketch filters candidates before their shingles are compared (`sketchesMayMatch`).
 */
const ROWS = 12;
/** Rows a body is stored under: the first 4 of its 12 whose items are not full. */
export const STORED_ROWS = 4;
/** Bodies listed under one key at most, in the table and in memory: a key shared by more is a stock phrase. */
export const MAX_LISTED_PER_KEY = 20;
/** Smallest values kept a row, for the probe keys. */
const PROBED_PER_ROW = 2;
/**
 * The sketch: one-permutation MinHash (Li, Owen & Zhang 2012) in 32 bins, of which it keeps the low byte
 * (b-bit minwise hashing, Li & König 2010). The shingle hashes are split into 32 bins by their top 5 bits
 * and the smallest of each bin is kept: two bodies' bins hold the same smallest with probability J (the
 * Jaccard similarity), and a byte matches with probability J + (1 - J) / 256. Requiring 13 of 32 (an
 * estimated Jaccard of 0.4) keeps a pair at Jaccard 0.67 (21.5 matches expected, σ 2.7) with probability
 * ≥ 0.999, and lets through ~10% of pairs at Jaccard 0.3 and ~0.2% at 0.2. A body with fewer shingles
 * than bins leaves some empty: an empty bin takes the next filled bin's byte (rotation, Shrivastava & Li
 * 2014), so two short copies still match.
 */
const SKETCH_BINS = 32;
const SKETCH_BIN_SHIFT = 27;
const SKETCH_MIN_MATCHES = 13;

/** murmur3's 32-bit finaliser: a bijection on 32 bits that mixes every input bit into every output bit. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One seed a row: independent hash functions from one (the sketch's bins use the shingle hash itself). */
const ROW_SEEDS = Uint32Array.from({ length: ROWS }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** A code point that is part of a word: a letter or a digit of any script. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** ASCII letters and digits, looked up instead of matched: news text is nearly all ASCII. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * The FNV-1a hash (over UTF-16 code units: fast, deterministic, well spread for short strings) of each word
 * of a text, a word being a run of letters and digits; hashed while scanning rather than cutting out words.
 */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let units = 1;
    let isWord: boolean;
    if (unit < 128) {
      isWord = ASCII_WORD[unit] === 1;
    } else {
      const point = text.codePointAt(i) ?? unit;
      units = point > 0xffff ? 2 : 1;
      isWord = WORD_CHARACTER.test(String.fromCodePoint(point));
    }
    if (isWord) {
      for (let j = i; j < i + units; j++) {
        hash ^= text.charCodeAt(j);
        hash = Math.imul(hash, 0x01000193);
      }
      inWord = true;
    } else if (inWord) {
      hashes.push(hash >>> 0);
      hash = 0x811c9dc5;
      inWord = false;
    }
    i += units - 1;
  }
  if (inWord) hashes.push(hash >>> 0);
  return hashes;
}

/**
 * The hashed word 4-grams of a body, in comparable form (case, quote marks and whitespace ignored),
 * sorted ascending, each once: a set as a typed array, compact and quick to intersect.
 */
export function shingleHashes(body: string): Uint32Array {
  const words = wordHashes(comparableText(body));
  // Hashing word hashes rather than joined strings: ~10x faster, and ingest fingerprints every article.
  const span = Math.min(SHINGLE_WORDS, words.length);
  const count = span > 0 ? words.length - span + 1 : 0;
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let hash = 0x811c9dc5;
    for (let j = i; j < i + span; j++) hash = Math.imul(hash ^ (words[j] ?? 0), 0x01000193);
    hashes[i] = mix(hash);
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i] ?? 0;
  return hashes.subarray(0, unique);
}

/** Shingles two bodies share, as a share of the larger body's shingles (both sorted, as shingleHashes gives). */
export function shingleOverlap(a: Uint32Array, b: Uint32Array): number {
  const larger = Math.max(a.length, b.length);
  if (larger === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return shared / larger;
}

/** Whether two bodies are copies of one article: at least 80% of each one's shingles are shared. */
export function isNearDuplicate(a: string, b: string): boolean {
  return shingleOverlap(shingleHashes(a), shingleHashes(b)) >= NEAR_DUPLICATE_OVERLAP;
}

/** What finds a body's near-duplicates: its shingles, its keys and its sketch, computed once. */
export interface NearDuplicateFingerprint {
  /** The body's shingle hashes (`shingleHashes`), to confirm a candidate. */
  shingles: Uint32Array;
  /** Its 12 row keys ("r03-1f3a9c0d": a row and its minimum), in row order: stored under 4 (STORED_ROWS). */
  keys: string[];
  /** The up to 24 row keys the body is looked up under: each row's two smallest (its `keys` among them). */
  probeKeys: string[];
  /** 32 bytes of MinHash, in hex: compared with `sketchesMayMatch` before a candidate is compared. */
  sketch: string;
}

/** A body's fingerprint: its shingles, row keys (see ROWS), probe keys and sketch. */
export function nearDuplicateFingerprint(body: string): NearDuplicateFingerprint {
  const shingles = shingleHashes(body);
  if (shingles.length === 0) return { shingles, keys: [], probeKeys: [], sketch: '' };
  const lowest = lowestPerRow(shingles);
  const rowKey = (row: number, value: number) =>
    `r${String(row).padStart(2, '0')}-${value.toString(16).padStart(8, '0')}`;
  return {
    shingles,
    keys: lowest.map(([first = 0], row) => rowKey(row, first)),
    probeKeys: lowest.flatMap((values, row) => values.map((value) => rowKey(row, value))),
    sketch: sketchOf(shingles),
  };
}

/** Each row's two smallest values, smallest first (a row's hash is a bijection: no ties). */
function lowestPerRow(shingles: Uint32Array): number[][] {
  const rows = ROW_SEEDS.length;
  const first = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  const second = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  for (const shingle of shingles) {
    for (let row = 0; row < rows; row++) {
      const value = mix(shingle ^ (ROW_SEEDS[row] ?? 0));
      if (value >= (second[row] ?? 0)) continue;
      if (value < (first[row] ?? 0)) {
        second[row] = first[row] ?? 0;
        first[row] = value;
      } else {
        second[row] = value;
      }
    }
  }
  return Array.from({ length: rows }, (_, row) =>
    [first[row] ?? 0, second[row] ?? 0].slice(0, Math.min(PROBED_PER_ROW, shingles.length)),
  );
}

/** The 32-bin sketch of sorted shingles: the first shingle of each bin is its smallest. */
function sketchOf(shingles: Uint32Array): string {
  const smallest = new Array<number | undefined>(SKETCH_BINS);
  for (const shingle of shingles) {
    const bin = shingle >>> SKETCH_BIN_SHIFT;
    smallest[bin] ??= shingle;
  }
  let hex = '';
  for (let bin = 0; bin < SKETCH_BINS; bin++) {
    let filled = bin;
    while (smallest[filled % SKETCH_BINS] === undefined) filled++;
    // Borrowed bytes are offset by the distance borrowed, so an empty bin rarely matches a filled one.
    const byte = ((smallest[filled % SKETCH_BINS] ?? 0) + (filled - bin) * 0x9d) & 0xff;
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** Whether two sketches are alike enough for their bodies to be near-duplicates (see SKETCH_MIN_MATCHES). */
export function sketchesMayMatch(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let matches = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a.charCodeAt(i) === b.charCodeAt(i) && a.charCodeAt(i + 1) === b.charCodeAt(i + 1)) matches++;
  }
  return matches >= SKETCH_MIN_MATCHES;
}

/** Whether two fingerprinted bodies are copies of one article (as `isNearDuplicate`, on their shingles). */
export function fingerprintsAreNearDuplicates(a: NearDuplicateFingerprint, b: NearDuplicateFingerprint): boolean {
  return shingleOverlap(a.shingles, b.shingles) >= NEAR_DUPLICATE_OVERLAP;
}

/**
 * Bodies (or whatever stands for them) by key, in memory, up to MAX_LISTED_PER_KEY a key as in the table:
 * without the bound, the stock phrases of a batch of 1,000 articles made ~400 candidates an article.
 */
export class NearDuplicateIndex<T> {
  readonly #byKey = new Map<string, T[]>();

  /** Lists `entry` under each of `keys` that is not full. */
  add(keys: string[], entry: T): void {
    for (const key of keys) {
      const listed = this.#byKey.get(key);
      if (!listed) this.#byKey.set(key, [entry]);
      else if (listed.length < MAX_LISTED_PER_KEY) listed.push(entry);
    }
  }

  /** The entries listed under any of `keys`, each once, in the order found. */
  candidates(keys: string[]): T[] {
    const found = new Set<T>();
    for (const key of keys) for (const entry of this.#byKey.get(key) ?? []) found.add(entry);
    return [...found];
  }
}

/** An article's fingerprint, by its id: see `fingerprintsOnce`. */
export type FingerprintOf = (article: { id: string; body: string }) => NearDuplicateFingerprint;

/**
 * Fingerprints each article once: merging copies within a batch and storing it both need the same one.
 * Keyed by article id, which is a hash of the same comparable text the shingles are read from. Make one
 * per ingest call and let it go with the call: it holds every fingerprint it made.
 */
export function fingerprintsOnce(): FingerprintOf {
  const made = new Map<string, NearDuplicateFingerprint>();
  return ({ id, body }) => {
    let fingerprint = made.get(id);
    if (!fingerprint) {
      fingerprint = nearDuplicateFingerprint(body);
      made.set(id, fingerprint);
    }
    return fingerprint;
  };
}

/** The near-duplicate detection the store runs (lambda/store/near-duplicates.ts NearDuplicateDetector). */
export const nearDuplicateDetector = {
  fingerprint: nearDuplicateFingerprint,
  sketchesMayMatch,
  isNearDuplicate: fingerprintsAreNearDuplicates,
} as const;
