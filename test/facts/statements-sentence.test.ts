import { describe, expect, it } from 'vitest';
import { tokenize } from '../../lambda/facts/speakers-mentions.js';
import { firstTokenIndex, type SentenceContext } from '../../lambda/facts/statements-sentence.js';

/** The context of the sentence at `start`–`end` of `body`, with the tokens of the whole body as attribution has them. */
function contextOf(body: string, start: number, end: number): SentenceContext {
  return { body, tokens: tokenize(body, () => false), isKnownSurname: () => false, start, end, quotes: [] };
}

describe('firstTokenIndex', () => {
  const body = 'Talks resumed. Holm said the ports stay open. ';

  it('is the index of the first token at or after the sentence start', () => {
    const second = body.indexOf('Holm');
    expect(firstTokenIndex(contextOf(body, second, body.length))).toBe(2);
    expect(firstTokenIndex(contextOf(body, 0, second))).toBe(0);
    // A start inside the space before a word: that word opens the sentence.
    expect(firstTokenIndex(contextOf(body, second - 1, body.length))).toBe(2);
  });

  it('is -1 when no token starts at or after the sentence start, as findIndex answers', () => {
    expect(firstTokenIndex(contextOf(body, body.length - 1, body.length))).toBe(-1);
  });
});
