/*
 * MinHash candidate keys over content words, so that in a large group only wordings likely to be
 * similar meet for a comparison.
 */

const STOPWORDS = new Set(
  'a an the of to and or in on at for from by with as is are was were be been it its this that these those will would has have had said says he she they we i you his her their our not'.split(
    ' ',
  ),
);

const MINHASH_SEEDS = [
  0x2545f491, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09,
  0x7feb352d, 0x846ca68b, 0x68e31da4,
];
/** MinHash values per band: two, so a key is shared only by texts that agree on both. */
const BAND_SIZE = 2;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = Math.imul(h ^ seed, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Locality-sensitive keys over content words: the exact wording, plus six bands of two MinHash values.
 * Two wordings with Jaccard similarity J share a band with probability 1 - (1 - J^2)^6 (0.98 at
 * J = 0.7), so similar texts meet without comparing all pairs, while texts that share only a few
 * common words rarely do.
 */
export function candidateKeys(tokens: readonly string[]): string[] {
  const exact = `=${tokens.join(' ')}`;
  const content = [...new Set(tokens.filter((t) => !STOPWORDS.has(t)))];
  if (!content.length) return [exact];
  const hashes = content.map(fnv1a);
  const mins = MINHASH_SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const h of hashes) min = Math.min(min, mix(h, seed));
    return min;
  });
  const keys = [exact];
  for (let band = 0; band < mins.length; band += BAND_SIZE) {
    keys.push(`${band}:${mins.slice(band, band + BAND_SIZE).join(',')}`);
  }
  return keys;
}
