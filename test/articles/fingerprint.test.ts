import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprintsAreNearDuplicates,
  isNearDuplicate,
  nearDuplicateFingerprint,
  STORED_ROWS,
  shingleHashes,
  shingleOverlap,
  sketchesMayMatch,
} from '../../lambda/articles/fingerprint.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { comparableText } from '../../lambda/articles/text-normal-form.js';
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

/**
 * Candidates as the store finds them (no row full): one of the stored body's first 4 row keys among the
 * new one's probe keys, and sketches that may match.
 */
function storeFindsCandidate(stored: string, fresh: string): boolean {
  const [fa, fb] = [nearDuplicateFingerprint(stored), nearDuplicateFingerprint(fresh)];
  return (
    fa.keys.slice(0, STORED_ROWS).some((key) => fb.probeKeys.includes(key)) && sketchesMayMatch(fa.sketch, fb.sketch)
  );
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

describe('shingleHashes', () => {
  it('gives each word 4-gram once, sorted, so that overlaps are counted by one merge', () => {
    const shingles = shingleHashes('one two three four one two three four five');
    // one-two-three-four twice, two-three-four-one, three-four-one-two, four-one-two-three, two-three-four-five.
    expect(shingles).toHaveLength(5);
    expect([...shingles]).toEqual([...shingles].sort((a, b) => a - b));
  });

  it('separates words wherever the text has no letter or digit, whatever the script or plane', () => {
    // Letters and digits of several scripts, an astral letter and emoji, marks, a lone surrogate, separators.
    const pieces = [
      'a',
      'Z',
      'é',
      'ß',
      'Ж',
      'ж',
      '٣',
      '7',
      '𝐀',
      '😀',
      '\u0301',
      '\ud800',
      ' ',
      '\n',
      '-',
      "'",
      '’',
      '“',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (chosen) => {
        const text = comparableText(chosen.join(''));
        const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
        expect(shingleHashes(text)).toEqual(shingleHashes(words.join(' ')));
      }),
    );
  });

  it('keeps a word whole across a letter outside the Basic Multilingual Plane, and tells such letters apart', () => {
    expect(shingleHashes('x\u{20000}y one two three')).toHaveLength(1);
    expect(shingleHashes('x\u{20000} one two three')).not.toEqual(shingleHashes('x\u{20001} one two three'));
  });

  it('takes the words of a text shorter than 4 words as its one shingle', () => {
    expect(shingleHashes('Talks resume')).toHaveLength(1);
    expect(shingleHashes('— … —')).toHaveLength(0);
  });
});

describe('nearDuplicateFingerprint', () => {
  it('gives 12 row keys, 24 probe keys among which the row keys, and a 32-byte sketch, the same every time', () => {
    const fingerprint = nearDuplicateFingerprint(original);
    const { keys, probeKeys, sketch, shingles } = fingerprint;
    expect(keys.map((key) => key.slice(0, 4))).toEqual(
      Array.from({ length: 12 }, (_, row) => `r${`${row}`.padStart(2, '0')}-`),
    );
    expect(new Set(probeKeys).size).toBe(24);
    expect(probeKeys).toEqual(expect.arrayContaining(keys));
    expect(sketch).toMatch(/^[0-9a-f]{64}$/);
    expect(shingles).toEqual(shingleHashes(original));
    expect(nearDuplicateFingerprint(original)).toEqual(fingerprint);
  });

  it('finds a near-duplicate as a candidate in both orders, and confirms it', () => {
    expect(storeFindsCandidate(original, nearCopy)).toBe(true);
    expect(storeFindsCandidate(nearCopy, original)).toBe(true);
    expect(fingerprintsAreNearDuplicates(nearDuplicateFingerprint(original), nearDuplicateFingerprint(nearCopy))).toBe(
      true,
    );
  });

  it('does not make a candidate of a different article on the same negotiations', () => {
    expect(storeFindsCandidate(original, otherStory)).toBe(false);
    expect(
      sketchesMayMatch(nearDuplicateFingerprint(original).sketch, nearDuplicateFingerprint(otherStory).sketch),
    ).toBe(false);
  });

  it('gives no keys for a body without words', () => {
    expect(nearDuplicateFingerprint('— … —')).toEqual({
      shingles: new Uint32Array(),
      keys: [],
      probeKeys: [],
      sketch: '',
    });
  });

  it('gives a body of one shingle one probe key a row, and a short body a sketch that matches its copy', () => {
    const short = 'Northland and Southport sign a harbour accord on Monday';
    expect(nearDuplicateFingerprint('Harbour accord signed').probeKeys).toHaveLength(12);
    const { sketch } = nearDuplicateFingerprint(short);
    expect(sketchesMayMatch(sketch, nearDuplicateFingerprint(short.toUpperCase()).sketch)).toBe(true);
    expect(
      sketchesMayMatch(sketch, nearDuplicateFingerprint('Southport and Northland end talks on Friday').sketch),
    ).toBe(false);
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
