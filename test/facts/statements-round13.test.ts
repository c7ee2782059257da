import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../lambda/facts/statements.js';
import { articleOf } from './article-of.js';
import { itSays } from './said.js';

/*
 * Rules written after reading round 13's misses (docs/transfer-misses.md, "Round 13", statements), each the general
 * form of a kind that recurs across the unseen rounds, in our own invented words with invented people. Each case has
 * its near misses: sentences that look like it and must not give the words to the name.
 */

describe('words between a named subject and its verb of saying (S13-2; S6, S7, S8, S10, S12-4, S12-5)', () => {
  itSays([
    [
      'reads past a time phrase of a deictic and a time noun',
      'Premier Ivo Holm earlier this month warned that the talks could fail.',
      [['Ivo Holm', 'reported', 'the talks could fail']],
    ],
    [
      'gives a time phrase no speaker of its own (near miss)',
      'A statement this month said that the talks could fail.',
      [],
    ],
    [
      'reads past an age in commas after the name',
      '\u201cWe will not wait,\u201d Ivo Holm, 61, told CNN.',
      [['Ivo Holm', 'direct', 'We will not wait,']],
    ],
    ['takes a number after no name for no age (near miss)', 'Of the envoys, 12 said that the talks could fail.', []],
    [
      'reads a name opened by a time adverbial, past an aside in commas',
      'Yesterday Ivo Holm, after repeating his demand, said that the islands were part of it.',
      [['Ivo Holm', 'reported', 'the islands were part of it']],
    ],
    [
      'gives nothing to a name after a preposition in its segment (near miss)',
      'The old rivals of Ivo Holm, on Tuesday, said that the plan had failed.',
      [],
    ],
    [
      'reads past an adjunct opened by "in" and a determiner',
      'Ivo Holm in an interview with a television channel said that the islands will return.',
      [['Ivo Holm', 'reported', 'the islands will return']],
    ],
    [
      'leaves the name governed by a preposition no subject, adjunct or not (near miss)',
      'An aide to Ivo Holm in a statement said that the summit will be held in May.',
      [],
    ],
    [
      'gives nothing to a name ending a list before the adjunct (near miss)',
      'The pact was signed by Anton Vell and Ivo Holm during a meeting of states described as a \u201cclub of friends\u201d.',
      [],
    ],
    [
      'gives an aside ending in a time word to the name before the aside, not to the name inside it',
      'Anton Vell, speaking after meeting Ivo Holm yesterday, said that the guarantees still looked "theoretical".',
      [['Anton Vell', 'reported', 'the guarantees still looked "theoretical"']],
    ],
    [
      'gives nothing to a name after a preposition before an aside opened by "after" (near miss, review)',
      'Critics of Ivo Holm, after the vote, said that the plan had failed.',
      [],
    ],
    [
      'still reads the name before such an aside as the subject',
      'Ivo Holm, after the vote, said that the plan had failed.',
      [['Ivo Holm', 'reported', 'the plan had failed']],
    ],
    [
      'still skips a segment of adverbials only',
      'Ivo Holm, too, said that the plan was encouraging.',
      [['Ivo Holm', 'reported', 'the plan was encouraging']],
    ],
  ]);
});

describe('an office before the name: the name holds it (S13-6)', () => {
  itSays([
    [
      'reads a name after an office title and an appositive in commas',
      'Head of the Ruritanian delegation Ivo Holm, also an adviser to the premier, said on Friday that the talks went well.',
      [['Ivo Holm', 'reported', 'the talks went well']],
    ],
    [
      'gives nothing when a clause with its own verb stands before the name (near miss)',
      'The envoy who met Ivo Holm, also an adviser to the premier, said on Friday that the talks went well.',
      [],
    ],
    [
      'gives nothing to the holder of an office a preposition governs, before an aside (near miss, review)',
      'Supporters of the head of the delegation Ivo Holm, speaking in Geneva, said that the talks went well.',
      [],
    ],
    [
      'reads a name after a role, "of" and a ministry',
      'The head of the Ministry of Foreign Affairs Ivo Holm announced that the summit will be held in May.',
      [['Ivo Holm', 'reported', 'the summit will be held in May']],
    ],
    [
      'gives nothing to the office\u2019s holder when a preposition governs the office (near miss, review)',
      'An aide to the head of the Ministry of Defence Ivo Holm said that the summit will be held in May.',
      [],
    ],
    [
      'gives nothing to the head of a delegation a preposition governs (near miss, review; also on main)',
      'An aide to the head of the delegation Ivo Holm said that the summit will be held in May.',
      [],
    ],
    [
      'gives nothing to the principal after "a spokesman for" and a person\u2019s title (near miss)',
      'A spokesman for Foreign Minister Ivo Holm said that the summit will be held in May.',
      [],
    ],
  ]);

  it('reads "Chancellor of the Exchequer" as a title its holder speaks under, with no German country (review)', () => {
    expect(
      extractStatements(
        articleOf('Chancellor of the Exchequer Karl Stein said that Germany will help.'),
      ).statements.map((s) => [s.speaker, s.affiliation, s.text]),
    ).toEqual([['Karl Stein', null, 'Germany will help']]);
  });

  it('reads "Minister for Foreign Affairs" as one title, with the country before it', () => {
    const { statements } = extractStatements(
      articleOf("Ireland's Minister for Foreign Affairs Ivo Holm said that the summit will be held in May."),
    );
    expect(statements.map((s) => [s.speaker, s.affiliation, s.text])).toEqual([
      ['Ivo Holm', 'Ireland', 'the summit will be held in May'],
    ]);
  });
});

describe('affiliation from an office as a class: a title one country has, or several share (brief aim 3)', () => {
  const speakers = (body: string) =>
    extractStatements(articleOf(body)).statements.map((s) => [s.speaker, s.affiliation] as const);

  it('reads "Taoiseach" as a title before the name, and as Ireland\u2019s', () => {
    expect(speakers('Taoiseach Ana Roe said that the talks must go on.')).toEqual([['Ana Roe', 'Ireland']]);
  });

  it('gives "the Taoiseach" to the holder the article names', () => {
    expect(
      speakers('Taoiseach Ana Roe met the envoys in the morning. The Taoiseach said that the talks must go on.'),
    ).toEqual([['Ana Roe', 'Ireland']]);
  });

  it('gives "Chancellor" the country of those sharing it that the article names', () => {
    expect(speakers('Chancellor Karl Stein said that Germany will help.')).toEqual([['Karl Stein', 'Germany']]);
    expect(speakers('Chancellor Karl Stein said that Austria will help.')).toEqual([['Karl Stein', 'Austria']]);
  });

  it('gives none when the article names both countries sharing the title, or neither (near misses)', () => {
    expect(speakers('Chancellor Karl Stein said that Austria and Germany will help.')).toEqual([['Karl Stein', null]]);
    expect(speakers('Chancellor Karl Stein said that the talks must go on.')).toEqual([['Karl Stein', null]]);
  });

  it('gives none to a "Vice-Chancellor" (near miss)', () => {
    expect(speakers('Vice-Chancellor Karl Stein said that Germany will help.')).toEqual([['Karl Stein', null]]);
  });

  it('gives none to Britain\u2019s "Lord Chancellor" (near miss, review)', () => {
    expect(speakers('Lord Chancellor Karl Stein said that Germany will help.')).toEqual([['Karl Stein', null]]);
  });

  it('reads "Defence Secretary" as Britain\u2019s or America\u2019s by the country named', () => {
    expect(speakers('Defence Secretary Karl Stein said that Britain will send troops.')).toEqual([
      ['Karl Stein', 'United Kingdom'],
    ]);
    expect(speakers('Defense Secretary Karl Stein said that the United States will send jets.')).toEqual([
      ['Karl Stein', 'United States'],
    ]);
  });
});
