import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanWords } from '../../lambda/facts/word-scan.js';

/** The definition the scanner implements: a word, with inner joiners, or a number with its separators. */
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:[-'\u2019.]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,]\p{N}+)*/gu;

const scanned = (text: string) => {
  const words: [number, number][] = [];
  scanWords(text, (start, end) => words.push([start, end]));
  return words;
};
const matched = (text: string) =>
  [...text.matchAll(WORD)].map((m): [number, number] => [m.index, m.index + m[0].length]);

/**
 * Characters where the two could disagree: ASCII letters, digits and joiners, a letter and a digit beyond ASCII
 * ("é", "٣"), a combining mark, a letter outside the BMP, a lone surrogate, a word character that is no letter.
 */
const tricky = fc.constantFrom(
  ...['a', 'Z', 's', '0', '9', '.', ',', '-', "'", '\u2019', ' ', '\n', '_', 'é', 'ß', '\u0301', '٣', '²', 'Ⅻ'],
  ...['\u{1d400}', '\u{1d7ce}', '\ud800', '\udc00', '"', '\u2014'],
);

describe('scanWords', () => {
  it('finds "Jean-Baptiste", "Russia’s", "U.S" and "10,000.5" whole; a joiner before a digit or at an end splits', () => {
    const text = "Jean-Baptiste met Russia’s envoy in the U.S. on 10,000.5 -km 'quoted' F-16s";
    expect(scanned(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'Jean-Baptiste',
      'met',
      'Russia’s',
      'envoy',
      'in',
      'the',
      'U.S',
      'on',
      '10,000.5',
      'km',
      'quoted',
      'F',
      '16',
      's',
    ]);
  });

  it('finds the words the pattern finds, at the same offsets, in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 40 }), (text) => {
        expect(scanned(text)).toEqual(matched(text));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(scanned(text)).toEqual(matched(text));
      }),
      { numRuns: 500 },
    );
  });
});
