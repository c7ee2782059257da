import { describe, expect, it } from 'vitest';
import {
  addSpellings,
  displayName,
  otherSpellings,
  SPELLINGS_PER_PERSON,
  spellingArticles,
} from '../../lambda/facts/display-names.js';
import type { ArticleFacts, Person } from '../../lambda/facts/fact.js';

const spelled = (entries: [string, number][]) => entries.map(([name, articles]) => ({ name, articles }));

describe('displayName', () => {
  it('chooses the spelling most articles write, not the longest', () => {
    expect(
      displayName(
        spelled([
          ['Bohdan Kovalchuck', 1],
          ['Bohdan Kovalchuk', 3],
          ['Bogdan Kovaltchuk', 1],
        ]),
      ),
    ).toBe('Bohdan Kovalchuk');
  });

  it('breaks a tie for the given name spelled out, then the shorter', () => {
    expect(
      displayName(
        spelled([
          ['M. Lindqvist', 2],
          ['Marta Lindqvist', 2],
        ]),
      ),
    ).toBe('Marta Lindqvist');
    expect(
      displayName(
        spelled([
          ['Marta Lindqvistt', 2],
          ['Marta Lindqvist', 2],
        ]),
      ),
    ).toBe('Marta Lindqvist');
  });

  it('never shows a middle initial when a form without one is as common, even when that form is longer', () => {
    expect(
      displayName(
        spelled([
          ['Pavel K. Orlov', 2],
          ['Pavlo Orlovskyy', 2],
        ]),
      ),
    ).toBe('Pavlo Orlovskyy');
    expect(
      displayName(
        spelled([
          ['Pavel K. Orlov', 3],
          ['Pavel Orlov', 2],
        ]),
      ),
    ).toBe('Pavel K. Orlov');
  });

  it('prefers a form with a given name over a bare surname written by more articles', () => {
    expect(
      displayName(
        spelled([
          ['Kovalchuk', 5],
          ['Bohdan Kovalchuk', 2],
        ]),
      ),
    ).toBe('Bohdan Kovalchuk');
    expect(displayName(spelled([['Kovalchuk', 1]]))).toBe('Kovalchuk');
    expect(displayName([])).toBeNull();
  });
});

describe('addSpellings', () => {
  it('adds counts per spelling, best first, and keeps at most the bound', () => {
    const many = Array.from({ length: SPELLINGS_PER_PERSON + 5 }, (_, i) => ({ name: `Form${i} Orlov`, articles: 1 }));
    const added = addSpellings(spelled([['Pavel Orlov', 2]]), spelled([['Pavel Orlov', 1]]), many);
    expect(added[0]).toEqual({ name: 'Pavel Orlov', articles: 3 });
    expect(added).toHaveLength(SPELLINGS_PER_PERSON);
  });
});

describe('spellingArticles', () => {
  it('counts an article once per form, across its speakers and mentions', () => {
    const person: Person = { key: 'orlof.p', name: 'Pavel Orlov', aliases: ['Orlov'], affiliation: null };
    const facts = (articleId: string, name: string): ArticleFacts => ({
      articleId,
      people: [{ ...person, name }],
      mentions: [{ ...person, name, citations: [{ articleId, evidence: `${name} spoke.` }] }],
      statements: [],
      guarantors: [],
      positions: [],
    });
    const forms = spellingArticles([facts('a', 'Pavel Orlov'), facts('b', 'Pavel  Orloff')]).get('orlof.p');
    expect(Object.fromEntries([...(forms ?? [])].map(([name, ids]) => [name, [...ids]]))).toEqual({
      'Pavel Orlov': ['a'],
      Orlov: ['a', 'b'],
      'Pavel Orloff': ['b'],
    });
  });
});

describe('otherSpellings', () => {
  it('lists the other spellings, leaving out case variants and a bare surname a listed form contains', () => {
    expect(
      otherSpellings({
        name: 'Bohdan Kovalchuk',
        aliases: ['BOHDAN KOVALCHUK', 'Bogdan Kovalčuk', 'Kovalchuk', 'Kovalčuk', 'Kovaltchuk', 'Bogdan Kovalčuk'],
      }),
    ).toEqual(['Bogdan Kovalčuk', 'Kovaltchuk']);
  });
});
