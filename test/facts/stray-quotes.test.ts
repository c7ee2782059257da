import { describe, expect, it } from 'vitest';
import { withoutStrayQuotes } from '../../lambda/facts/stray-quotes.js';

describe('withoutStrayQuotes', () => {
  it('drops a mark that opens a quote the text ends before closing', () => {
    expect(withoutStrayQuotes('"We will never give up the Donbas')).toBe('We will never give up the Donbas');
    expect(withoutStrayQuotes('\u201cThere is nothing to discuss here')).toBe('There is nothing to discuss here');
  });

  it('keeps the longer side of a stray mark inside the text', () => {
    expect(withoutStrayQuotes('Units have to leave the Donbas in full," Pavel Orlov told the agency')).toBe(
      'Units have to leave the Donbas in full',
    );
    expect(withoutStrayQuotes('Orlov said: \u201cNot one town of the Donbas will be handed over to anyone')).toBe(
      'Not one town of the Donbas will be handed over to anyone',
    );
  });

  it('leaves text whose marks pair up as it is, a mark typed the wrong way round included', () => {
    for (const text of [
      'Orlov called the plan "a trap" and rejected it',
      '\u201dOf course, the units must leave the Donbas,\u201d he stated',
      'Kyiv will not leave the Donbas, Lenko said',
    ])
      expect(withoutStrayQuotes(text)).toBe(text);
  });
});
