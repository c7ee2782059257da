import type { Person } from '../../lambda/facts/fact.js';

/** A person of the article, by name and party, with no aliases. */
export const person = (name: string, affiliation: string | null): Person => ({
  key: name.toLowerCase(),
  name,
  aliases: [],
  affiliation,
});

/** Invented leaders of the two sides and an outsider, for the rules on whom a pronoun or a role stands for. */
export const leaders = [
  person('Irina Zorova', 'Russia'),
  person('Bohdan Lytvak', 'Ukraine'),
  person('Sam Keller', 'United States'),
];
