import { describe, expect, it } from 'vitest';
import { said } from './said.js';

/*
 * Statement frames that did not transfer to the holdout half (docs/transfer-misses.md, kinds S1, S4, S5),
 * in our own invented words: a participle's clause after a verb that says nothing, rarer verbs of
 * saying, and an aside between the speaker and the verb.
 */

describe('extractStatements on participle frames (S1)', () => {
  it('gives the participle after "declined to comment" to the subject, and keeps the refusal itself silent', () => {
    expect(said('Envoy Ivan Orlov declined to comment on the maps, saying the talks were private.')).toEqual([
      ['Ivan Orlov', 'reported', 'the talks were private'],
    ]);
    expect(said('Envoy Ivan Orlov declined to comment on the maps.')).toEqual([]);
    expect(said('Ivan Orlov refused to comment on the maps but said the swap would go ahead.')).toEqual([
      ['Ivan Orlov', 'reported', 'the swap would go ahead'],
    ]);
    expect(said('Ivan Orlov declined to comment, saying only that the work went on.')).toEqual([
      ['Ivan Orlov', 'reported', 'the work went on'],
    ]);
  });
  it('reads "while" before a participle as its comma, with or without a comma of its own', () => {
    expect(said('Ivan Orlov thanked the hosts while conceding that the gap stayed wide.')).toEqual([
      ['Ivan Orlov', 'reported', 'the gap stayed wide'],
    ]);
    expect(said('Ivan Orlov thanked the hosts, while noting that no text was signed.')).toEqual([
      ['Ivan Orlov', 'reported', 'no text was signed'],
    ]);
  });
  it("takes a short sentence that opens with a name as that name's clause, not as an opening phrase", () => {
    expect(said('Orlov thanked the hosts, noting that the maps were late.')).toEqual([
      ['Orlov', 'reported', 'the maps were late'],
    ]);
  });
  it('reads "said A, saying that B" as two statements, one a verb of saying (gold guide R2)', () => {
    expect(said('Ivan Orlov said the round was useful, saying that a swap could follow.')).toEqual([
      ['Ivan Orlov', 'reported', 'the round was useful'],
      ['Ivan Orlov', 'reported', 'a swap could follow'],
    ]);
  });
});

describe('extractStatements on rarer verbs and asides (S4, S5)', () => {
  it('reads "assured" past its listener and after a partial quote, and "highlighted that"', () => {
    expect(said('Ivan Orlov assured reporters that the venue was ready.')).toEqual([
      ['Ivan Orlov', 'reported', 'the venue was ready'],
    ]);
    expect(said('The round would not be "a rerun of the last one," Ivan Orlov assured.')).toEqual([
      ['Ivan Orlov', 'reported', 'The round would not be "a rerun of the last one,"'],
    ]);
    expect(said('Ivan Orlov informed the council on Monday that the corridor was shut.')).toEqual([
      ['Ivan Orlov', 'reported', 'the corridor was shut'],
    ]);
    expect(said('Ivan Orlov highlighted that the corridor would stay open.')).toEqual([
      ['Ivan Orlov', 'reported', 'the corridor would stay open'],
    ]);
  });
  it('takes no bare object of "assured" or "highlighted" as words said', () => {
    expect(said('Ivan Orlov highlighted the role of the monitors.')).toEqual([]);
    expect(said('Ivan Orlov assured his hosts of his respect.')).toEqual([]);
  });
  it('passes over "quoted by" or "cited by" an outlet between the speaker and the verb', () => {
    expect(said('Ivan Orlov, quoted by the agency, said that the team would not change.')).toEqual([
      ['Ivan Orlov', 'reported', 'the team would not change'],
    ]);
    expect(said('Ivan Orlov, cited by a state channel, insisted that a freeze was ruled out.')).toEqual([
      ['Ivan Orlov', 'reported', 'a freeze was ruled out'],
    ]);
  });
  it('ends the words of a relative clause at the main verb of its speaker, which says its own', () => {
    expect(
      said('Ivan Orlov, who told a briefing on Monday that the maps were ready, conceded that the survey lagged.'),
    ).toEqual([
      ['Ivan Orlov', 'reported', 'the maps were ready'],
      ['Ivan Orlov', 'reported', 'the survey lagged'],
    ]);
  });
  it('leaves an outlet named after "quoted by" at the end of the sentence out of the words and the speakers', () => {
    expect(said('Ivan Orlov said the team would not change, quoted by Vesti Daily.')).toEqual([
      ['Ivan Orlov', 'reported', 'the team would not change'],
    ]);
  });
  it('passes over "quoted by" an outlet between the verb and its "that"', () => {
    expect(said('Ivan Orlov said, quoted by the agency, that the team would not change.')).toEqual([
      ['Ivan Orlov', 'reported', 'the team would not change'],
    ]);
  });
  it('gives the verb after a relative clause to the role before it, past a time phrase that ends the clause', () => {
    const body =
      'Russian envoy Ivan Orlov arrived on Monday. The Russian envoy, who flew in from Vienna in the morning, ' +
      'explained that the maps were late.';
    expect(said(body)).toEqual([['Ivan Orlov', 'reported', 'the maps were late']]);
  });
});

describe('extractStatements on a clause reported by "told" after it', () => {
  it('takes the audience after "told" as the listener, whoever they are, and keeps the clause before', () => {
    for (const listener of ['the visitors', 'the editors', 'his guests', 'the envoys']) {
      expect(said(`Ivan Orlov spoke at noon. The swap would go ahead in May, he told ${listener}.`), listener).toEqual([
        ['Ivan Orlov', 'reported', 'The swap would go ahead in May'],
      ]);
    }
  });
  it('gives a quote whose body is cut right after "told" to its speaker, with no listener to skip', () => {
    // A truncated upload ends on the verb: there is no listener or "that" after it to step past.
    expect(said('"The columns will pull back from the two cities," Ivan Orlov, the deputy minister, told')).toEqual([
      ['Ivan Orlov', 'direct', 'The columns will pull back from the two cities,'],
    ]);
  });
});
