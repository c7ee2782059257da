import { describe, expect, it } from 'vitest';
import { articleParties } from '../../lambda/facts/article-parties.js';
import { namedPeople } from '../../lambda/facts/referents.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';
import { leaders } from './invented-leaders.js';

const topics = compileTopics(defaultTopicsConfig);

describe('the person a pronoun stands for', () => {
  /** The party of the person named last in `text` before its end. */
  const last = (text: string) => namedPeople(leaders, topics, text).personAt(text.length);

  it('is the party of the person named last, by full name or surname', () => {
    expect(last('Irina Zorova spoke, then Lytvak answered. Then')).toBe('Ukraine');
    expect(last('Lytvak spoke, then Zorova answered.')).toBe('Russia');
  });

  it('is the subject of the last clause naming anyone, not an object named after it', () => {
    expect(last('Irina Zorova met Bohdan Lytvak in Geneva. Then')).toBe('Russia');
    expect(last('Sam Keller received Irina Zorova at the White House. Then')).toBeNull();
  });

  it('looks only before the offset asked about, and only so far back', () => {
    const text = `Lytvak spoke. ${'The talks went on. '.repeat(40)}Then he left, and Zorova answered.`;
    const people = namedPeople(leaders, topics, text);
    expect(people.personAt(text.indexOf('Then'))).toBeUndefined();
    expect(people.personAt('Lytvak spoke.'.length)).toBe('Ukraine');
    expect(people.personAt(text.length)).toBe('Russia');
  });

  it('is null when the person named last is no party, undefined when nobody is named', () => {
    expect(last('Zorova spoke, then Keller answered.')).toBeNull();
    expect(last('The envoys spoke.')).toBeUndefined();
  });
});

describe('the person a bare role stands for', () => {
  const text =
    'Ukrainian Foreign Minister Bohdan Lytvak met Irina Zorova, the Russian president, and Sam Keller, the US president. Then';
  const people = namedPeople(leaders, topics, text);

  it('is the one the article last introduced with that role, before or after the name', () => {
    expect(people.holderOf('foreign minister', text.length)).toBe('Ukraine');
    expect(people.holderOf('minister', text.length)).toBe('Ukraine');
    expect(people.holderOf('president', text.indexOf('and Sam'))).toBe('Russia');
    expect(people.holderOf('president', text.length)).toBeNull();
  });

  it('skips a holder of a side asked to act, and is undefined for a role nobody was introduced with', () => {
    expect(people.holderOf('president', text.length, new Set(['Russia']))).toBeNull();
    expect(people.holderOf('spokesman', text.length)).toBeUndefined();
  });

  it('takes the person named last when the role was never introduced', () => {
    expect(people.personAt(text.indexOf(', and Sam'), 'spokesman')).toBe('Ukraine');
  });
});

describe('referentAt, one rule for every pronoun and role', () => {
  it('falls back to the party acting in the sentences before when no person is named within reach', () => {
    const body = 'Moscow insisted on its terms for the talks. He said nothing more.';
    const sentences = splitSentences(body);
    const parties = articleParties(articleOf(body), { sentences, statements: [], people: leaders, topics });
    expect(parties.referentAt(body.indexOf('He said'))).toBe('Russia');
  });

  it('keeps an outsider as an outsider, without falling back', () => {
    const body = 'Moscow insisted on its terms. Sam Keller arrived. He said nothing more.';
    const sentences = splitSentences(body);
    const parties = articleParties(articleOf(body), { sentences, statements: [], people: leaders, topics });
    expect(parties.referentAt(body.indexOf('He said'))).toBeNull();
  });
});
