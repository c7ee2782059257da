import { describe, expect, it } from 'vitest';
import { extractArticleFacts, extractCorpusFacts } from '../../lambda/facts/extract.js';
import { corpusCountries } from '../../lambda/facts/people-identity.js';
import { personKey } from '../../lambda/facts/speaker-key.js';
import { articleOf } from './article-of.js';

/*
 * Written for these tests: a leader whom one report introduces with his country and office, and another report
 * names by surname alone while he states his side's terms. The second report on its own gives him no country, so
 * his terms are nobody's position; read beside the first, they are his side's.
 */
const INTRODUCES = 'Russian President Anton Vell said on Monday that the delegations would meet again next week.';
const BARE_TERMS = [
  'The envoys spent the morning on prisoner lists before the afternoon session.',
  'Vell insisted that Crimea would stay under his control, whatever the mediators proposed.',
].join(' ');
const IN_PASSING = 'The mediators insisted, in a letter to Vell, that Crimea would stay demilitarised.';

const positionsOf = (facts: { positions: { topic: string; party: string }[] }) =>
  facts.positions.map((p) => `${p.topic}/${p.party}`).sort();

describe('corpusCountries: the country the corpus gives a person', () => {
  const known = (name: string, affiliation: string | null) => ({ key: personKey(name), affiliation });

  it('is the country every record gives, for the full name and for the bare surname', () => {
    const countryOf = corpusCountries([known('Anton Vell', 'Ruritania'), known('Anton Vell', 'Ruritania')]);
    expect(countryOf(personKey('Anton Vell'))).toBe('Ruritania');
    expect(countryOf(personKey('Vell'))).toBe('Ruritania');
    expect(countryOf(personKey('Mara Vell'))).toBeNull();
  });

  it('settles nothing when the corpus splits the person between two countries', () => {
    const countryOf = corpusCountries([known('Anton Vell', 'Ruritania'), known('Anton Vell', 'Borduria')]);
    expect(countryOf(personKey('Anton Vell'))).toBeNull();
  });

  it('takes a clear majority over an odd record that gives another country', () => {
    const records = [
      ...Array.from({ length: 4 }, () => known('Anton Vell', 'Ruritania')),
      known('Anton Vell', 'Borduria'),
    ];
    expect(corpusCountries(records)(personKey('Anton Vell'))).toBe('Ruritania');
    expect(corpusCountries(records.slice(1))(personKey('Anton Vell'))).toBeNull();
  });

  it('learns nothing from people without a country', () => {
    expect(corpusCountries([known('Anton Vell', null)])(personKey('Anton Vell'))).toBeNull();
  });
});

describe("a position whose holder only another report gives a country (extraction's corpus pass)", () => {
  it("is no side's position in the report read alone", () => {
    const alone = extractArticleFacts(articleOf(BARE_TERMS, 'a1a1a1a1a1a1a1a1'));
    expect(alone.people.map((p) => p.affiliation)).toEqual([null]);
    expect(positionsOf(alone)).toEqual([]);
  });

  it("is the holder's side once the corpus gives him one, for the position and for his words", () => {
    const facts = extractCorpusFacts([
      articleOf(INTRODUCES, 'b2b2b2b2b2b2b2b2'),
      articleOf(BARE_TERMS, 'a1a1a1a1a1a1a1a1'),
    ]);
    expect(positionsOf(facts)).toEqual(['crimea/Russia']);
    expect(facts.positions[0]?.citations.map((c) => c.articleId)).toEqual(['a1a1a1a1a1a1a1a1']);
    expect(facts.statements.filter((s) => s.speakerKey === personKey('Anton Vell')).map((s) => s.affiliation)).toEqual([
      'Russia',
      'Russia',
    ]);
  });

  it("stays nobody's when the corpus gives the name two countries", () => {
    const facts = extractCorpusFacts([
      articleOf(INTRODUCES, 'b2b2b2b2b2b2b2b2'),
      articleOf('Ukrainian negotiator Anton Vell said the lists were nearly done.', 'c3c3c3c3c3c3c3c3'),
      articleOf(BARE_TERMS, 'a1a1a1a1a1a1a1a1'),
    ]);
    expect(positionsOf(facts)).toEqual([]);
  });

  it('makes no holder of a person the report only names in passing', () => {
    const facts = extractCorpusFacts([
      articleOf(INTRODUCES, 'b2b2b2b2b2b2b2b2'),
      articleOf(IN_PASSING, 'd4d4d4d4d4d4d4d4'),
    ]);
    expect(positionsOf(facts)).toEqual([]);
  });
});
