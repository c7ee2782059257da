import { describe, expect, it } from 'vitest';
import { canonicalCountry, countryMentions } from '../../lambda/facts/countries.js';

const names = (text: string) => countryMentions(text).map((m) => m.country);

describe('countryMentions', () => {
  it('takes no region of the Americas for the United States', () => {
    expect(names('Latin America, South America, North America and Central America, unlike America itself')).toEqual([
      'United States',
    ]);
  });

  it('gives the canonical names the eval uses for press short forms', () => {
    expect(names('the US, the U.S., America, the UK, Britain, Türkiye, Turkey and the Russian Federation')).toEqual([
      'United States',
      'United States',
      'United States',
      'United Kingdom',
      'United Kingdom',
      'Turkey',
      'Turkey',
      'Russia',
    ]);
  });

  it('reads "the US of America" as one mention of one country, spanning both names', () => {
    const text = 'leaders of the US of America and of the U.S. of America';
    expect(countryMentions(text).map((m) => text.slice(m.start, m.end))).toEqual(['US of America', 'U.S. of America']);
    expect(names(text)).toEqual(['United States', 'United States']);
  });

  it('knows countries from the ISO library, not from a typed list', () => {
    expect(names("Côte d'Ivoire, North Macedonia, Czechia, Germany and Kazakhstan")).toEqual([
      'Ivory Coast',
      'North Macedonia',
      'Czech Republic',
      'Germany',
      'Kazakhstan',
    ]);
  });

  it('names a country as the labels and the press do: "Czech Republic" for Czechia, "Holland" as the Netherlands', () => {
    expect(names('Czechia and the Czech Republic')).toEqual(['Czech Republic', 'Czech Republic']);
    expect(names('France, Holland and Denmark')).toEqual(['France', 'Netherlands', 'Denmark']);
  });

  it('prefers the longest name and reports offsets into the text', () => {
    const [mention] = countryMentions('aid from the United States of America');
    expect(mention).toEqual({ country: 'United States', start: 13, end: 37 });
  });

  it('ignores lower-case words that happen to spell a country', () => {
    expect(names('let us eat turkey in china cups, Chad')).toEqual(['Chad']);
  });

  it('takes a name only as a whole word, also after a letter outside the BMP, and finds the next one', () => {
    // "𝐀" (U+1D400) is a letter written as two code units: the boundary before a name is a whole character.
    expect(countryMentions('\u{1D400}Chad, xTurkey, then Chad').map((m) => m.start)).toEqual([22]);
    expect(names('Chadian troops, Chad')).toEqual(['Chad']);
  });
});

describe('canonicalCountry', () => {
  it('resolves a written name with or without an article, and says null for anything else', () => {
    expect(canonicalCountry('the U.S.')).toBe('United States');
    expect(canonicalCountry('Great Britain')).toBe('United Kingdom');
    expect(canonicalCountry('Narnia')).toBeNull();
    expect(canonicalCountry(' Turkey\n')).toBe('Turkey');
    expect(canonicalCountry('Türkiye')).toBe('Turkey');
  });
});
