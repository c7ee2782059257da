import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../lambda/articles/article-id.js';

const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
const body = fc.array(word, { minLength: 1, maxLength: 60 });
const whitespace = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', ' \n ');

describe('articleId', () => {
  it('is 16 hex digits', () => {
    expect(articleId('Northland and Southport met on Monday.')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is stable under changes of whitespace (re-wrapping, re-paragraphing)', () => {
    fc.assert(
      fc.property(body, fc.array(whitespace, { minLength: 60, maxLength: 60 }), (words, gaps) => {
        const spaced = words.join(' ');
        const rewrapped = words.map((w, i) => (i === 0 ? w : `${gaps[i]}${w}`)).join('');
        expect(articleId(`  ${rewrapped}\n`)).toBe(articleId(spaced));
      }),
    );
  });

  it('is stable under typographic quote marks and case', () => {
    expect(articleId('He said “we agree” and ‘soon’.')).toBe(articleId('HE SAID "we agree" and \'soon\'.'));
  });

  it('differs when a word differs', () => {
    fc.assert(
      fc.property(body, word, (words, extra) => {
        fc.pre(!words.includes(extra));
        expect(articleId([...words, extra].join(' '))).not.toBe(articleId(words.join(' ')));
      }),
    );
  });
});
