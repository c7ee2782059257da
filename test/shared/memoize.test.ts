import { describe, expect, it } from 'vitest';
import { memoizeByObject, memoizeByString, memoizeLast } from '../../lambda/shared/memoize.js';

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

describe('memoizeLast', () => {
  it('computes again only when the argument changes, and forgets all but the last one', () => {
    const read: string[] = [];
    const linesOf = memoizeLast((body: string) => {
      read.push(body);
      return body.split('\n');
    });

    const first = linesOf('HOST: Welcome.\nTARSK: We refuse.');
    const again = linesOf('HOST: Welcome.\nTARSK: We refuse.');
    linesOf('Another body.');
    const afterAnother = linesOf('HOST: Welcome.\nTARSK: We refuse.');

    expect(again).toBe(first);
    expect(afterAnother).not.toBe(first);
    expect(afterAnother).toEqual(first);
    expect(read).toEqual(['HOST: Welcome.\nTARSK: We refuse.', 'Another body.', 'HOST: Welcome.\nTARSK: We refuse.']);
  });
});
