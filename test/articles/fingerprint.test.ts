import { describe, expect, it } from 'vitest';
import {
  isNearDuplicate,
  nearDuplicateFingerprint,
  shingleHashes,
  shingleOverlap,
  sketchesMayMatch,
} from '../../lambda/articles/fingerprint.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { fixtureInput } from './fixtures.js';

function bodyOf(file: string): string {
  const result = parseArticleInput(fixtureInput(file));
  if (isRejection(result)) throw new Error(result.reason);
  return result.body;
}

const original = bodyOf('ingest-duplicates/web-copy.txt');
const nearCopy = bodyOf('ingest-duplicates/near-copy.txt');
const otherStory = bodyOf('ingest-duplicates/other-story.txt');

describe('isNearDuplicate', () => {
  it('recognises a copy with its last paragraph cut and a sentence added', () => {
    expect(isNearDuplicate(original, nearCopy)).toBe(true);
  });

  it('tells apart two articles on the same negotiations that share a sentence', () => {
    expect(isNearDuplicate(original, otherStory)).toBe(false);
  });

  it('ignores case, quote marks and whitespace', () => {
    const retyped = original.replace(/"/g, '“').replace(/ /g, '  ').toUpperCase();
    expect(isNearDuplicate(original, retyped)).toBe(true);
  });

  it('does not count a short article quoted inside a long one as a copy of it', () => {
    const short = original.split('\n\n')[0] ?? '';
    expect(isNearDuplicate(short, original)).toBe(false);
  });
});

const keysOf = (body: string) => nearDuplicateFingerprint(body).keys;

/** Candidates as the store finds them: one shared band key and sketches that may match. */
function storeFindsCandidate(a: string, b: string): boolean {
  const [fa, fb] = [nearDuplicateFingerprint(a), nearDuplicateFingerprint(b)];
  return fa.keys.some((key) => fb.keys.includes(key)) && sketchesMayMatch(fa.sketch, fb.sketch);
}

/** Deterministic pseudo-random numbers (mulberry32), so the generated texts are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up text of 60 sentences over a 400-word invented vocabulary: no real article's words. */
function madeUpSentences(random: () => number): string[] {
  const word = () => `w${Math.floor(random() * 400)}`;
  return Array.from({ length: 60 }, () => `${Array.from({ length: 12 }, word).join(' ')}.`);
}

describe('nearDuplicateFingerprint', () => {
  it('gives 8 band keys and a 32-byte sketch, the same for the same text every time', () => {
    const { keys, sketch } = nearDuplicateFingerprint(original);
    expect(keys).toHaveLength(8);
    expect(new Set(keys).size).toBe(8);
    expect(sketch).toMatch(/^[0-9a-f]{64}$/);
    expect(nearDuplicateFingerprint(original)).toEqual({ keys, sketch });
  });

  it('shares at least one key between near-duplicates, and their sketches may match', () => {
    const shared = keysOf(nearCopy).filter((key) => keysOf(original).includes(key));
    expect(shared.length).toBeGreaterThan(0);
    expect(storeFindsCandidate(original, nearCopy)).toBe(true);
  });

  it('shares no key between different articles', () => {
    const shared = keysOf(otherStory).filter((key) => keysOf(original).includes(key));
    expect(shared).toEqual([]);
  });

  it('gives no keys for a body without words', () => {
    expect(nearDuplicateFingerprint('— … —')).toEqual({ keys: [], sketch: '' });
  });

  it('finds 99% of copies at the overlap limit, and few pairs that only share stock phrases', () => {
    // Prepare: copies with 10-18% of their sentences rewritten (overlap just above 0.8, where recall is
    // weakest), and unrelated texts that share a third of their sentences (like articles from one template).
    const random = seededRandom(13);
    let copies = 0;
    let copiesFound = 0;
    let unrelatedFound = 0;
    const unrelatedPairs = 200;
    for (let i = 0; i < 300; i++) {
      const sentences = madeUpSentences(random);
      const rewritten = 6 + Math.floor(random() * 5);
      const copy = sentences.map((sentence, n) =>
        n % Math.ceil(60 / rewritten) === 0 ? madeUpSentences(random)[0] : sentence,
      );
      const [a, b] = [sentences.join(' '), copy.join(' ')];
      if (!isNearDuplicate(a, b)) continue;
      copies++;
      if (storeFindsCandidate(a, b)) copiesFound++;
    }
    for (let i = 0; i < unrelatedPairs; i++) {
      const stock = madeUpSentences(random).slice(0, 20);
      const a = [...stock, ...madeUpSentences(random).slice(0, 40)].join(' ');
      const b = [...stock, ...madeUpSentences(random).slice(0, 40)].join(' ');
      if (storeFindsCandidate(a, b)) unrelatedFound++;
    }
    // Assess
    expect(copies).toBeGreaterThan(150);
    expect(copiesFound / copies).toBeGreaterThanOrEqual(0.99);
    expect(unrelatedFound / unrelatedPairs).toBeLessThan(0.05);
    // The unrelated pairs are as alike as intended: a fifth of their shingles shared.
    const stock = madeUpSentences(seededRandom(1)).slice(0, 20);
    const [x, y] = [1, 2].map((seed) => [...stock, ...madeUpSentences(seededRandom(seed + 1)).slice(0, 40)].join(' '));
    expect(shingleOverlap(shingleHashes(x ?? ''), shingleHashes(y ?? ''))).toBeGreaterThan(0.2);
  });
});
