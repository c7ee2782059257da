import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { coreStart, type OpeningKind, openingOf } from '../../lambda/facts/sentence-opening.js';
import { articleOf } from './article-of.js';

/** What the classifier reads a sentence's opening as, and the core clause it leaves; null: the sentence opens with its core. */
const OPENINGS: readonly (readonly [sentence: string, kind: OpeningKind | null, core: string])[] = [
  // Labels: a heading's few words before a colon or a spaced dash.
  ['Firm line: the minister refused to give up the valley.', 'label', 'the minister refused'],
  ['Key takeaway \u2014 Borduria rejects the plan.', 'label', 'Borduria rejects'],
  ['Sticking point - the ferry rights stay open.', 'label', 'the ferry rights'],
  ['\u2022 Main demand: Ruritania wants the coast back.', 'label', 'Ruritania wants'],
  // A label may name the topic the clause after it is about.
  ['The Harbour question: Borduria will not hand it over.', 'label', 'Borduria will not'],
  // Not labels: a speaker's turn, a quote's introduction, a clause too long for a heading.
  ['VELL: We will never sign it.', null, ''],
  ['Karlsson: "We reject the map."', null, ''],
  ['Her reply was short: "No."', null, ''],
  ['Mira Vell: We will not move.', null, ''],
  ['Vell said: the map is final.', null, ''],
  ['The envoy answered curtly: no deal this year.', null, ''],
  ['Quote: the map is final.', null, ''],
  ['The position of the northern delegation has not changed at all since May: it wants the coast.', null, ''],
  // Settings headed by a preposition, a participle or a time adverbial, up to the first comma.
  ['Ahead of the summit, Vell said the valley was not negotiable.', 'setting', 'Vell said'],
  ['Speaking to reporters in the capital, the envoy rejected the map.', 'setting', 'the envoy rejected'],
  ['In a surprise move at the talks, Karlsson demanded the coast.', 'setting', 'Karlsson demanded'],
  ['Despite the pressure, it would be wrong to yield.', 'setting', 'it would be wrong'],
  ['Responding to the offer, Borduria asked for more time.', 'setting', 'Borduria asked'],
  ['Late on Sunday night, the delegations parted.', 'setting', 'the delegations parted'],
  ['Two days later, the talks resumed.', 'setting', 'the talks resumed'],
  ['Separately, the envoy met the mediators.', 'setting', 'the envoy met'],
  // Frames whose words matter: a question, a view, a source.
  ['Asked about the harbour, Vell said it stays Ruritanian.', 'question', 'Vell said'],
  ['In her view, the valley cannot be traded.', 'opinion', 'the valley cannot'],
  ['According to Vell, the valley cannot be traded.', 'attribution', 'the valley cannot'],
  // No opening: the subject comes first, a name before its appositive, a city's name ending in -ing.
  ['Borduria, the larger neighbour, rejects the plan.', null, ''],
  ['Karlsson, speaking in the capital, demanded the coast.', null, ''],
  ['Nanjing, Harbin and Tianjin sent observers.', null, ''],
  ['"We will never sign it," Vell said.', null, ''],
  ['Borduria demanded the coast, Vell said.', null, ''],
];

describe('sentence openings', () => {
  for (const [sentence, kind, core] of OPENINGS) {
    it(`${kind ?? 'no opening'}: ${sentence}`, () => {
      const opening = openingOf(sentence);
      expect(opening?.kind ?? null).toBe(kind);
      if (opening) expect(sentence.slice(opening.end)).toMatch(new RegExp(`^${core}`, 'u'));
    });
  }

  it('passes stacked openings to the core clause, and stops at one that sources the clause', () => {
    const stacked = 'Key point: after the vote, on Monday, Borduria rejected the plan.';
    expect(stacked.slice(coreStart(stacked))).toBe('Borduria rejected the plan.');
    const sourced = 'Key point: according to Vell, Borduria rejected the plan.';
    expect(sourced.slice(coreStart(sourced))).toBe('according to Vell, Borduria rejected the plan.');
  });

  it('reads an opening anywhere from the offset it is given', () => {
    const text = 'Earlier talks failed. In the capital, Vell spoke.';
    const opening = openingOf(text, text.indexOf('In the'));
    expect(opening?.kind).toBe('setting');
    expect(text.slice(opening?.end ?? 0)).toBe('Vell spoke.');
  });
});

/** The statements (speaker and words) and positions (topic, party) of a body: what the sentence-level tests compare. */
function factsOf(body: string) {
  const facts = extractArticleFacts(articleOf(`Talks between the two sides resumed on Monday.\n\n${body}\n`));
  return {
    said: facts.statements.map((s) => [s.speaker, s.text]),
    held: facts.positions.map((p) => [p.topic, p.party]),
    evidence: facts.positions.flatMap((p) => p.citations.map((c) => c.evidence)),
  };
}

describe('openings through extraction', () => {
  it("keeps a label out of a speaker's words, which stay a substring of the article", () => {
    const plain = factsOf('The harbour stays under our flag, Mira Vell, the Ruritanian envoy, said.');
    const labelled = factsOf('Firm line: the harbour stays under our flag, Mira Vell, the Ruritanian envoy, said.');
    expect(plain.said).toEqual([['Mira Vell', 'The harbour stays under our flag']]);
    expect(labelled.said).toEqual([['Mira Vell', 'the harbour stays under our flag']]);
  });

  it('keeps a heading label out of the words after a dash too', () => {
    const labelled = factsOf('Breaking \u2014 the ferry rights are not for sale, says Bordurian aide Ivo Lenk.');
    expect(labelled.said).toEqual([['Ivo Lenk', 'the ferry rights are not for sale']]);
  });

  it('finds the subject of a contrasted clause after a setting as it does without one', () => {
    const plain = factsOf('Moscow held talks with the mediators but demanded recognition of Crimea.');
    const framed = factsOf(
      'Ahead of the second round, Moscow held talks with the mediators but demanded recognition of Crimea.',
    );
    expect(plain.held).toEqual([['crimea', 'Russia']]);
    expect(framed.held).toEqual(plain.held);
  });

  it('cites the whole sentence, setting included, as the evidence of a position', () => {
    const sentence = 'In a late-night statement, Kyiv refused to cede any part of the Donbas.';
    const framed = factsOf(sentence);
    expect(framed.held).toEqual([['donbas', 'Ukraine']]);
    expect(framed.evidence).toEqual([sentence]);
  });

  it('lets a topic named in a label count for the words of the speaker after it', () => {
    const labelled = factsOf('Firm line on Crimea: we will never give it up, Ukrainian minister Olena Varta said.');
    expect(labelled.said).toEqual([['Olena Varta', 'we will never give it up']]);
    expect(labelled.held).toEqual([['crimea', 'Ukraine']]);
  });

  it('gives a quote to the person a pronoun after a setting stands for, as it does with no setting', () => {
    const lead = 'Olena Varta met the envoys in the afternoon.';
    const quote = '"We will never give up the harbour."';
    const plain = factsOf(`${lead} She was blunt. ${quote}`);
    const framed = factsOf(`${lead} After the meeting, she was blunt. ${quote}`);
    expect(plain.said).toEqual([['Olena Varta', 'We will never give up the harbour.']]);
    expect(framed.said).toEqual(plain.said);
  });

  it('reads the comma closing a setting as no appositive of the name inside it', () => {
    // The role after the setting is someone else: no speaker is known for it here.
    expect(factsOf('After talks with Olena Varta, the envoy said the plan was dead.').said).toEqual([]);
    expect(factsOf('Olena Varta, the envoy, said the plan was dead.').said).toEqual([
      ['Olena Varta', 'the plan was dead'],
    ]);
  });

  it('finds the name that ends a long appositive after a passive source', () => {
    const body =
      'The talks ended after two hours and produced a prisoner swap. This was said by the leader of the Polish ' +
      'delegation, adviser to the President of Poland Ivo Lenk, expressing satisfaction with the results.';
    expect(factsOf(body).said).toEqual([['Ivo Lenk', 'The talks ended after two hours and produced a prisoner swap']]);
  });

  it("takes a speaker's transcript turn for a speaker, not a label", () => {
    const turn = factsOf('Mira Vell: "We reject the new map outright."');
    expect(turn.said).toEqual([['Mira Vell', 'We reject the new map outright.']]);
  });
});
