import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import {
  addCountryCounts,
  COUNTRIES_PER_PERSON,
  countryArticles,
  majorityCountry,
} from '../../lambda/facts/person-countries.js';

const counted = (entries: [string, number][]) => entries.map(([country, articles]) => ({ country, articles }));

describe('majorityCountry', () => {
  it('is the country most articles give, a tie to the alphabetically first, null when none gives one', () => {
    expect(
      majorityCountry(
        counted([
          ['Denmark', 1],
          ['Norway', 2],
        ]),
      ),
    ).toBe('Norway');
    expect(
      majorityCountry(
        counted([
          ['Norway', 1],
          ['Denmark', 1],
        ]),
      ),
    ).toBe('Denmark');
    expect(majorityCountry([])).toBeNull();
  });
});

describe('addCountryCounts', () => {
  it('adds stored and new counts, most articles first, bounded', () => {
    expect(
      addCountryCounts(
        counted([
          ['Denmark', 1],
          ['Norway', 1],
        ]),
        counted([['Norway', 2]]),
      ),
    ).toEqual(
      counted([
        ['Norway', 3],
        ['Denmark', 1],
      ]),
    );
    const many = counted(Array.from({ length: COUNTRIES_PER_PERSON + 3 }, (_, i) => [`Country ${i}`, i + 1]));
    const kept = addCountryCounts(many);
    expect(kept).toHaveLength(COUNTRIES_PER_PERSON);
    expect(kept[0]).toEqual({ country: `Country ${COUNTRIES_PER_PERSON + 2}`, articles: COUNTRIES_PER_PERSON + 3 });
  });
});

describe('countryArticles', () => {
  it("counts an article once per country it gives a person, as a speaker or a mention, and none it doesn't", () => {
    const facts = (articleId: string, affiliation: string | null): ArticleFacts => ({
      articleId,
      people: [{ key: 'varnholm', name: 'Ilse Varnholm', aliases: [], affiliation }],
      mentions: [{ key: 'varnholm', name: 'Varnholm', aliases: [], affiliation, citations: [] }],
      statements: [],
      guarantors: [],
      positions: [],
    });
    const byCountry = countryArticles([facts('a1', 'Norway'), facts('a2', 'Norway'), facts('a3', null)]).get(
      'varnholm',
    );
    expect([...(byCountry ?? [])].map(([country, ids]) => [country, [...ids]])).toEqual([['Norway', ['a1', 'a2']]]);
  });
});
