import { describe, expect, it } from 'vitest';
import { createArticleReader } from '../../lambda/facts/extract.js';
import { affiliationIn, affiliationOf, countryNamedIn } from '../../lambda/facts/people-affiliation.js';
import { articleOf } from './article-of.js';

describe('affiliationOf', () => {
  it('reads the country from an office whose title names none ("Secretary of State")', () => {
    expect(affiliationOf('Secretary of State Jane Roe')).toBe('United States');
    expect(affiliationOf('a member of the State Duma')).toBe('Russia');
  });

  it("reads Ukraine from its head of state's office, however the adviser's role is worded", () => {
    expect(affiliationOf('an adviser to the head of the Presidential Office')).toBe('Ukraine');
    expect(affiliationOf("deputy head of the President's Office")).toBe('Ukraine');
  });

  it('prefers a country the phrase names over the office', () => {
    expect(affiliationOf('the British Secretary of State for Defence')).toBe('United Kingdom');
  });

  it('finds no country in an office that implies none', () => {
    expect(affiliationOf('the secretary of the committee')).toBeNull();
  });
});

describe("affiliationIn: an office that implies its country only in that country's news", () => {
  const namesOnly = (country: string) => (c: string) => c === country;

  it('reads a secretary of state as American only in an article that names the United States', () => {
    expect(affiliationIn('Secretary of State Jane Roe', namesOnly('United States'))).toBe('United States');
    expect(affiliationIn('Secretary of State Jane Roe', namesOnly('Italy'))).toBeNull();
    expect(affiliationIn('the State Duma deputy', namesOnly('Italy'))).toBe('Russia');
    expect(affiliationIn('Secretary of State for Defence Jane Roe', namesOnly('United States'))).toBeNull();
  });

  it('asks the article by name, demonym or seat of government', () => {
    const names = countryNamedIn('Talks went on in Geneva. Washington sent its top diplomat.');
    expect(['United States', 'Switzerland', 'Italy'].map(names)).toEqual([true, false, false]);
    expect(countryNamedIn('An American envoy arrived.')('United States')).toBe(true);
  });

  it('gives the people of an article the country of their office only with that context', () => {
    const person = (body: string) => createArticleReader()(articleOf(body)).facts.people.map((p) => p.affiliation);
    expect(person('"We will keep talking," Secretary of State Jane Roe told reporters in Washington.')).toEqual([
      'United States',
    ]);
    expect(person('"We will keep praying for peace," Secretary of State Cardinal Piero Rossi told pilgrims.')).toEqual([
      null,
    ]);
  });
});

describe('an epithet as a title', () => {
  it('keeps the country of a leader the press calls by an epithet ("Russian dictator Jane Roe")', () => {
    const facts = createArticleReader()(
      articleOf('Russian dictator Irina Zorova spoke on Monday. Zorova demands that Kyiv give up the Donetsk region.'),
    ).facts;
    expect(facts.positions.map((p) => `${p.topic}/${p.party}`)).toEqual(['donbas/Russia']);
  });
});
