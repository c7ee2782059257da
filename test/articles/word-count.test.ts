import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../lambda/articles/cleaning/word-count.js';

describe('wordCount', () => {
  it('counts the runs of non-whitespace that splitting on /\\s+/ gives', () => {
    // ASCII and Unicode whitespace (no-break, em, ideographic, line separator, byte-order mark) around words.
    const pieces = [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', 'talks', 'Kyiv', '—', '“'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (chosen) => {
        const text = chosen.join('');
        expect(wordCount(text)).toBe(text.split(/\s+/).filter(Boolean).length);
      }),
    );
  });
});
