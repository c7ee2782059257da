import { describe, expect, it } from 'vitest';
import type { Person } from '../../lambda/facts/fact.js';
import { lastNamedParty } from '../../lambda/facts/position-actor.js';
import { namedInCondition } from '../../lambda/facts/position-rejections.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { stanceTakers } from '../../lambda/facts/topics-parties.js';
import { articleOf } from './article-of.js';

const topics = compileTopics(defaultTopicsConfig);

const person = (name: string, affiliation: string | null): Person => ({
  key: name.toLowerCase(),
  name,
  aliases: [],
  affiliation,
});
const leaders = [
  person('Irina Zorova', 'Russia'),
  person('Bohdan Lytvak', 'Ukraine'),
  person('Sam Keller', 'United States'),
];

const positionsIn = (body: string) =>
  extractPositions(articleOf(body), { people: leaders }).map((p) => `${p.topic}/${p.party}`);

describe('the owner of a demand whose only party word is the side asked to act', () => {
  it('is the leader a pronoun after the demand stands for', () => {
    expect(
      positionsIn('Irina Zorova met the envoys. Peace needs a bold decision from Kyiv on Crimea, she said.'),
    ).toEqual(['crimea/Russia']);
  });

  it('is the leader a role stands for, with an attribution set in commas', () => {
    expect(
      positionsIn(
        'Irina Zorova met the envoys. The president, an aide said, wants Ukraine to leave the Donetsk region.',
      ),
    ).toEqual(['donbas/Russia']);
  });

  it('is the agent of a passive that set the terms, a clause before the obligation', () => {
    expect(
      positionsIn('The terms were set by Moscow; any deal would require Kyiv to recognise Crimea as Russian.'),
    ).toEqual(['crimea/Russia']);
  });

  it('is nobody when the pronoun stands for an outsider, or when it is the addressee itself asked to act', () => {
    expect(positionsIn('Sam Keller met the envoys. Peace needs a bold decision from Kyiv on Crimea, he said.')).toEqual(
      [],
    );
    expect(
      positionsIn('Bohdan Lytvak met the envoys. Peace needs a bold decision from Kyiv on Crimea, he said.'),
    ).toEqual([]);
  });

  it('gives a trailing refusal by a role to the refusing leader, not the outsider who demanded', () => {
    expect(
      positionsIn(
        'Bohdan Lytvak met the envoys. The mediators want the Luhansk region handed over, to which the president does not agree.',
      ),
    ).toEqual(['donbas/Ukraine']);
  });
});

describe('a refusal by a role in a relative clause, and a demand a named role says', () => {
  it("gives both sides when a side demands and the other side's role refuses", () => {
    expect(
      positionsIn(
        "Bohdan Lytvak met the envoys. Moscow's negotiators insist that Kyiv hand over Sloviansk, to which the prime minister does not agree.",
      ),
    ).toEqual(['donbas/Russia', 'donbas/Ukraine']);
  });

  it("takes the side from the word before the role, and none from an outsider's adjective", () => {
    expect(
      positionsIn('Bohdan Lytvak spoke. Peace needs a brave decision from Kyiv on Crimea, the Russian president said.'),
    ).toEqual(['crimea/Russia']);
    expect(
      positionsIn(
        'Bohdan Lytvak spoke. Peace needs a brave decision from Kyiv on Crimea, the American president said.',
      ),
    ).toEqual([]);
  });
});

describe('a conditional offer', () => {
  it('goes to the proposer, not the subject of the if-clause, even after a source and a time', () => {
    expect(
      positionsIn(
        'According to a newspaper, after the summit, Zorova proposed that if Ukraine gave up the Donetsk region, she would halt her troops.',
      ),
    ).toEqual(['donbas/Russia']);
  });

  it('reads a party inside a condition as stating no stance of its own, with or without anyone before it', () => {
    const clause = 'Moscow offered that if Kyiv agreed to the deal, the Donbas would be frozen';
    const [moscow, kyiv] = stanceTakers(clause, topics);
    expect(kyiv && namedInCondition(clause, kyiv)).toBe(true);
    expect(moscow && namedInCondition(clause, moscow)).toBe(false);
    expect(
      positionsIn('Ukrainian troops must leave the Donbas if Kyiv wants peace, the Russian president said.'),
    ).toEqual(['donbas/Russia']);
  });
});

describe('lastNamedParty', () => {
  /** The party of the person named last in `text` before its end. */
  const last = (text: string) => lastNamedParty(leaders, topics, text)(text.length);

  it('is the party of the person named last, by full name or surname', () => {
    expect(last('Irina Zorova spoke, then Lytvak answered. Then')).toBe('Ukraine');
    expect(last('Lytvak spoke, then Zorova answered.')).toBe('Russia');
  });

  it('looks only before the offset asked about, and only so far back', () => {
    const text = `Lytvak spoke. ${'The talks went on. '.repeat(40)}Then he left, and Zorova answered.`;
    const partyBefore = lastNamedParty(leaders, topics, text);
    expect(partyBefore(text.indexOf('Then'))).toBeNull();
    expect(partyBefore('Lytvak spoke.'.length)).toBe('Ukraine');
    expect(partyBefore(text.length)).toBe('Russia');
  });

  it('is null when the person named last is no party, or nobody is named', () => {
    expect(last('Zorova spoke, then Keller answered.')).toBeNull();
    expect(last('The envoys spoke.')).toBeNull();
  });
});
