import { describe, expect, it } from 'vitest';
import { memoizeByObject, memoizeByString } from '../../lambda/shared/memoize.js';

describe('memoizeByString', () => {
  it('computes once per argument, a null answer too', () => {
    const asked: string[] = [];
    const countryOf = memoizeByString((word) => {
      asked.push(word);
      return word === 'Kyiv' ? 'Ukraine' : null;
    });
    expect([countryOf('Kyiv'), countryOf('talks'), countryOf('Kyiv'), countryOf('talks')]).toEqual([
      'Ukraine',
      null,
      'Ukraine',
      null,
    ]);
    expect(asked).toEqual(['Kyiv', 'talks']);
  });

  it('starts over when the table is full, so it never holds more than its limit', () => {
    const asked: string[] = [];
    const upper = memoizeByString((word) => {
      asked.push(word);
      return word.toUpperCase();
    }, 2);
    for (const word of ['a', 'b', 'c', 'a', 'c']) upper(word);
    // "c" found the table full, which started over with "c" alone: "a" is computed again, "c" is not.
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('memoizeByObject', () => {
  it('builds once per object and again for another object, even when the two are equal', () => {
    const built: object[] = [];
    const patternOf = memoizeByObject((config: { words: string[] }) => {
      built.push(config);
      return new RegExp(config.words.join('|'), 'u');
    });
    const first = { words: ['Tarsk', 'Vell'] };
    const second = { words: ['Tarsk', 'Vell'] };

    const a = patternOf(first);
    const b = patternOf(first);
    const c = patternOf(second);

    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(built).toEqual([first, second]);
  });
});
