import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../lambda/facts/statements.js';
import { withoutStrayEndQuotes, withoutStrayQuotes } from '../../lambda/facts/stray-quotes.js';
import { articleOf } from './article-of.js';

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

describe('withoutStrayEndQuotes', () => {
  it('drops a stray mark at either end and leaves one inside', () => {
    expect(withoutStrayEndQuotes('"From our point of view, a ceasefire comes first.')).toBe(
      'From our point of view, a ceasefire comes first.',
    );
    expect(withoutStrayEndQuotes('the units have to leave in full,"')).toBe('the units have to leave in full,');
    expect(withoutStrayEndQuotes('the talks were "a first step.')).toBe('the talks were "a first step.');
  });
});

describe('a statement\u2019s words as extraction gives them', () => {
  it('has no quote mark whose partner the excerpt cut off, so no answer shows it doubled', () => {
    // Prepare: words after a colon open a quote that the excerpt's last line never closes.
    const body = [
      'The talks resumed on Monday in Tarsk.',
      "Ruritania's position: Ruritanian Foreign Minister Karl Brandt stated: \"From Ruritania's point of view, we would certainly prefer a ceasefire first. But if the president is ready to give this up for the sake of compromise, I believe that",
    ].join('\n');
    // Act
    const { statements } = extractStatements(articleOf(body));
    // Assess
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.text).not.toMatch(/^["\u201c\u201d]/u);
      expect(body).toContain(s.text);
    }
  });
});
