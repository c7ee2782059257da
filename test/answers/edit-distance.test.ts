import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestWithin, editDistance, editDistanceWithin } from '../../lambda/answers/edit-distance.js';

/** The distance by its definition, recursively (slow, obviously right): the oracle for the banded one. */
function definedDistance(a: string, b: string): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    const id = `${i},${j}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let best =
      i === 0 || j === 0
        ? i + j
        : Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d(i - 2, j - 2) + 1);
    memo.set(id, best);
    return best;
  };
  return d(a.length, b.length);
}

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('medinksy', 'medinsky')).toBe(1);
  });
});

describe('editDistanceWithin', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });

  it('is the distance when it is within the limit, and one past the limit otherwise', () => {
    fc.assert(
      fc.property(word, word, fc.nat(10), (a, b, limit) => {
        const exact = definedDistance(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistanceWithin(a, b, limit)).toBe(Math.min(exact, limit + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at the limit: a far name costs no full comparison', () => {
    expect(editDistanceWithin('torinsky', 'abramovitchenko', 2)).toBe(3);
    expect(editDistanceWithin('medinksy', 'medinsky', 0)).toBe(1);
    expect(editDistanceWithin('medinksy', 'medinsky', 1)).toBe(1);
  });
});

describe('closestWithin', () => {
  it('suggests the nearest word within the tolerated edits', () => {
    expect(closestWithin('sumary', ['summary', 'sources'])).toBe('summary');
  });

  it('suggests nothing for a short word that is off', () => {
    expect(closestWithin('wo', ['who', 'help'])).toBeNull();
  });
});
