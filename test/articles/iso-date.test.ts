import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../lambda/articles/iso-date.js';

describe('toIsoDate', () => {
  it.each([
    ['2022-03-29', '2022-03-29'],
    ['2022-03-29T23:30:00-05:00', '2022-03-29'],
    ['March 29, 2022', '2022-03-29'],
    ['29 Mar 2022', '2022-03-29'],
    ['Tue, 29 Mar 2022 23:10:00 GMT', '2022-03-29'],
    ['2022/03/29', '2022-03-29'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each(['next Tuesday', '2022-02-30', '3/29/2022', ''])('refuses "%s"', (text) => {
    expect(toIsoDate(text)).toBeNull();
  });
});
