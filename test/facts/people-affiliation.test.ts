import { describe, expect, it } from 'vitest';
import { affiliationOf } from '../../lambda/facts/people-affiliation.js';

describe('affiliationOf', () => {
  it('reads the country from an office whose title names none ("Secretary of State")', () => {
    expect(affiliationOf('Secretary of State Jane Roe')).toBe('United States');
    expect(affiliationOf('a member of the State Duma')).toBe('Russia');
  });

  it('prefers a country the phrase names over the office', () => {
    expect(affiliationOf('the British Secretary of State for Defence')).toBe('United Kingdom');
  });

  it('finds no country in an office that implies none', () => {
    expect(affiliationOf('the secretary of the committee')).toBeNull();
  });
});
