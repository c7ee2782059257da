import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from '../../bench/stats.js';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose

  it('takes the nearest rank, a sample that really happened', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([7.5, 1.25], 99)).toBe(7.5);
  });

  it('rejects an empty series and a percentile out of range', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives p50, p99, max and mean of 500 calls', () => {
    // 499 calls cycling 2, 3, 4, 5, 6 ms (sum 1,994) and one slow call of 90 ms.
    const samples = Array.from({ length: 500 }, (_, i) => (i === 499 ? 90 : 2 + (i % 5)));

    expect(summarize(samples)).toEqual({ calls: 500, p50: 4, p99: 6, max: 90, mean: 2_084 / 500 });
    expect(median([3, 1, 2])).toBe(2);
  });
});
