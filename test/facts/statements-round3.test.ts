import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../lambda/facts/statements.js';
import { announcedList, bulletLength, ordinalPointStart } from '../../lambda/facts/statements-enumeration.js';
import { articleOf } from './article-of.js';
import { said } from './said.js';

/*
 * The statement frames of issue 17, round 3, one kind a test, in our own invented words: each was a kind
 * of miss in at least two outlets of the real set's tune half, or vocabulary a news dictionary holds.
 */

const affiliations = (body: string) =>
  extractStatements(articleOf(body)).statements.map((s) => [s.speaker, s.affiliation] as const);

describe('announced lists', () => {
  it('reads the count of a list before a colon, several words back, and before a noun of points', () => {
    expect(announcedList('Ivan Orlov named three results of the Vienna meeting:')).toEqual({
      count: 3,
      ordinal: false,
      bulleted: false,
    });
    expect(announcedList('The results, announced by Orlov, come down to four main points.')).toEqual({
      count: 4,
      ordinal: true,
      bulleted: false,
    });
    expect(announcedList('Three soldiers were hurt in the morning.')).toBeNull();
  });
  it('finds where an ordinal point and a bulleted point begin', () => {
    expect(ordinalPointStart('Secondly, the sides will swap maps.')).toBe('Secondly, '.length);
    expect(ordinalPointStart('First of all, the sides will swap maps.')).toBe('First of all, '.length);
    expect(ordinalPointStart('Firstborn children were evacuated.')).toBe(-1);
    expect(bulletLength('\u2192 the sides will swap maps;')).toBe(2);
    expect(bulletLength('the sides will swap maps')).toBe(0);
  });
});

describe('extractStatements on round 3 frames', () => {
  it('gives bulleted points to the speaker who announced them, without the bullet', () => {
    const body = [
      'The head of the delegation, Ivan Orlov, named two results of the meeting:',
      '\u2022 the sides will swap maps;',
      '\u2022 a new round opens in May.',
    ].join('\n\n');
    expect(said(body)).toEqual([
      ['Ivan Orlov', 'reported', 'the sides will swap maps'],
      ['Ivan Orlov', 'reported', 'a new round opens in May'],
    ]);
  });
  it('gives ordinal points to the agent of a passive announcement, past one background sentence', () => {
    const body =
      'The results, announced by envoy Ivan Orlov, come down to two key points. Firstly, the sides will swap maps. ' +
      'The talks ran late. Secondly, a new round opens in May.';
    expect(said(body)).toEqual([
      ['Ivan Orlov', 'reported', 'the sides will swap maps'],
      ['Ivan Orlov', 'reported', 'a new round opens in May'],
    ]);
  });
  it('reads "who" right before the verb as the name before its comma, and "but said" as a second statement', () => {
    expect(said('They signed in the presence of envoy Ivan Orlov, who called the deal "a start".')).toEqual([
      ['Ivan Orlov', 'reported', 'called the deal "a start"'],
    ]);
    expect(said('Ivan Orlov acknowledged that several gaps remained but said a deal was near.')).toEqual([
      ['Ivan Orlov', 'reported', 'several gaps remained'],
      ['Ivan Orlov', 'reported', 'a deal was near'],
    ]);
  });
  it('takes a participle after a main clause that a time phrase opens', () => {
    expect(said('Late on Monday, Ivan Orlov left the room, saying that the maps were wrong.')).toEqual([
      ['Ivan Orlov', 'reported', 'the maps were wrong'],
    ]);
  });
  it('reads "made it clear that", "signalled he would" and an adverb in -ly before the verb', () => {
    expect(said('Ivan Orlov made it clear that the offer stood.')).toEqual([
      ['Ivan Orlov', 'reported', 'the offer stood'],
    ]);
    expect(said('Ivan Orlov signalled he would sign.')).toEqual([['Ivan Orlov', 'reported', 'he would sign']]);
    expect(said('Ivan Orlov pointedly warned that time was short.')).toEqual([
      ['Ivan Orlov', 'reported', 'time was short'],
    ]);
    expect(said('Ivan Orlov made it to Vienna on time.')).toEqual([]);
  });
  it('gives no statement for words withheld, a bare object, or an organisation', () => {
    expect(said('Ivan Orlov declined to say when the round would open.')).toEqual([]);
    expect(said('Ivan Orlov would not say who would chair it.')).toEqual([]);
    expect(said('Ivan Orlov noted the progress on the maps.')).toEqual([]);
    expect(said('Even so, Ivan Orlov repeated his refusal to sign.')).toEqual([]);
    expect(said('Hamas said the talks had stalled.')).toEqual([]);
  });
  it("takes the first word of a full name as that person when it is no one's surname", () => {
    const body = 'Foreign Minister Azlan Rahim arrived on Sunday. Azlan said the truce held.';
    expect(said(body)).toEqual([['Azlan Rahim', 'reported', 'the truce held']]);
  });
  it('attributes a quote of two sentences to the name after a role, and a quote after "as X put it"', () => {
    expect(said('"We are ready. We will wait," the Omani minister, Salim Harthi, said on Monday.')).toEqual([
      ['Salim Harthi', 'direct', 'We are ready. We will wait,'],
    ]);
    expect(said('Yet, as Ivan Orlov put it at the start, "nobody leaves empty-handed."')).toEqual([
      ['Ivan Orlov', 'direct', 'nobody leaves empty-handed.'],
    ]);
  });
  it('splits a quote around its attribution into two, and reads "was quoted by … as saying"', () => {
    expect(said('"We want peace," Ivan Orlov added, "but not at any price."')).toEqual([
      ['Ivan Orlov', 'direct', 'We want peace,'],
      ['Ivan Orlov', 'direct', 'but not at any price.'],
    ]);
    expect(
      said('Ivan Orlov, the chief negotiator, was quoted by the agency as saying that the maps were ready.'),
    ).toEqual([['Ivan Orlov', 'reported', 'the maps were ready']]);
  });
  it('gives the affiliation of the body a title belongs to, and of a role phrase before the name', () => {
    expect(affiliations('Chinese embassy spokesperson Wen Lihua said the corridor must stay open.')).toEqual([
      ['Wen Lihua', 'China'],
    ]);
    expect(affiliations('Nato Secretary General Jan Holm said the alliance was ready.')).toEqual([
      ['Jan Holm', 'NATO'],
    ]);
    expect(affiliations('The head of the Armenian delegation, Hovik Sarkis, said the text was agreed.')).toEqual([
      ['Hovik Sarkis', 'Armenia'],
    ]);
  });
});
