import { describe, expect, it } from 'vitest';
import { createFactExtractor } from '../../lambda/facts/extract.js';
import { affiliationOf } from '../../lambda/facts/people-affiliation.js';
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

describe('an epithet as a title', () => {
  it('keeps the country of a leader the press calls by an epithet ("Russian dictator Jane Roe")', () => {
    const facts = createFactExtractor()(
      articleOf('Russian dictator Irina Zorova spoke on Monday. Zorova demands that Kyiv give up the Donetsk region.'),
    );
    expect(facts.positions.map((p) => `${p.topic}/${p.party}`)).toEqual(['donbas/Russia']);
  });
});
