import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPITAL_OPENING, isOneCapital, isSpaceAt, startsCapitalised } from '../../lambda/facts/char-tests.js';

/** ASCII and beyond: spaces of every kind, capitals with and without case, a capital outside the BMP, a lone surrogate. */
const tricky = fc.constantFrom(
  ...['A', 'z', 'F', '1', ' ', '\t', '\n', '\v', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u0085', '\u001c'],
  ...['É', 'é', 'ǅ', 'Ω', '\u{1d400}', '\ud835', '.', '-', ''],
);
const texts = fc.array(tricky, { maxLength: 3 }).map((parts) => parts.join(''));

describe('char-tests', () => {
  it('answer what the regexes they stand for answer, on any text and at any offset', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: -1, max: 4 }), (text, at) => {
        expect(isSpaceAt(text, at)).toBe(/\s/u.test(text[at] ?? ''));
        expect(startsCapitalised(text)).toBe(/^\p{Lu}/u.test(text));
        expect(isOneCapital(text)).toBe(/^\p{Lu}$/u.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('open a scan where \\p{Lu} opens it, with the same matches, outside the BMP too', () => {
    const own = /\p{Lu}[\p{L}'-]*/gu;
    const opened = new RegExp(`${CAPITAL_OPENING}[\\p{L}'-]*`, 'gu');
    const matches = (regex: RegExp, text: string) => [...text.matchAll(regex)].map((m) => `${m.index}:${m[0]}`);
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(matches(opened, text)).toEqual(matches(own, text));
      }),
      { numRuns: 3000 },
    );
  });
});
