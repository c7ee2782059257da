import { describe, expect, it } from 'vitest';
import { said } from './said.js';

/*
 * The statement frames of issue 17, round 4, one kind a test, in our own invented words: constructions
 * of wire copy, agency rewrites and machine translations that the round-3 blind half showed missing.
 */

describe('extractStatements on round 4 frames', () => {
  it('gives a quoted question to the speaker who "asked" after it, and nothing to "asked" elsewhere', () => {
    expect(said('"Who pays for the monitors? Who commands them?" Defence Minister Karel Vos asked.')).toEqual([
      ['Karel Vos', 'direct', 'Who pays for the monitors? Who commands them?'],
    ]);
    expect(said('Defence Minister Karel Vos asked the envoy to extend the truce by a week.')).toEqual([]);
    expect(said('Asked about the truce, Defence Minister Karel Vos said the monitors would stay.')).toEqual([
      ['Karel Vos', 'reported', 'the monitors would stay'],
    ]);
  });

  it('names the person in apposition to a role that follows the verb', () => {
    expect(
      said('Kyiv still awaits an answer on the lists, says the head of the presidential office, Oleh Marchuk.'),
    ).toEqual([['Oleh Marchuk', 'reported', 'Kyiv still awaits an answer on the lists']]);
  });

  it('passes over an aside between dashes to the subject before it', () => {
    const body =
      'Posting on Friday, Tom Reed\u2014who led the team with his deputy Ann Cole\u2014described the round as "frank". ' +
      'He also stressed that the president remains set on a deal.';
    expect(said(body).map(([speaker]) => speaker)).toEqual(['Tom Reed', 'Tom Reed']);
  });

  it('reads a clause without "that" after a verb that needs one, and no bare object', () => {
    expect(said('Minister Ines Vale spoke on Monday, stressing the talks would resume in spring.')).toEqual([
      ['Ines Vale', 'reported', 'the talks would resume in spring'],
    ]);
    expect(said('Minister Ines Vale noted Kyiv remained open to a second round.')).toEqual([
      ['Ines Vale', 'reported', 'Kyiv remained open to a second round'],
    ]);
    expect(said('Minister Ines Vale stressed the need for a second round.')).toEqual([]);
    expect(said('Minister Ines Vale noted the plan agreed in Oslo.')).toEqual([]);
  });

  it('takes "confirmed" with an object as no statement, and with a clause as one', () => {
    expect(said('Minister Ines Vale confirmed plans for a second exchange of prisoners.')).toEqual([]);
    expect(said('Minister Ines Vale confirmed the lists had arrived.')).toEqual([
      ['Ines Vale', 'reported', 'the lists had arrived'],
    ]);
  });

  it('gives a participle after a reported clause its own statement, "adding that" too (gold guide R2)', () => {
    expect(said('Envoy Tom Reed stated that Kyiv should sign, asserting that the line could not hold.')).toEqual([
      ['Tom Reed', 'reported', 'Kyiv should sign'],
      ['Tom Reed', 'reported', 'the line could not hold'],
    ]);
    expect(
      said(
        'Envoy Tom Reed cited progress, saying the round was nearly done, while acknowledging that maps remain hard.',
      ),
    ).toEqual([
      ['Tom Reed', 'reported', 'the round was nearly done'],
      ['Tom Reed', 'reported', 'maps remain hard'],
    ]);
    expect(said('Envoy Tom Reed said Kyiv should sign, adding that the line could not hold.')).toEqual([
      ['Tom Reed', 'reported', 'Kyiv should sign'],
      ['Tom Reed', 'reported', 'the line could not hold'],
    ]);
    expect(said('Envoy Tom Reed said Kyiv should sign, adding that "the line will not hold".')).toEqual([
      ['Tom Reed', 'reported', 'Kyiv should sign'],
      ['Tom Reed', 'direct', 'the line will not hold'],
    ]);
  });

  it('gives a quote after a sentence about the last speaker by pronoun to that speaker', () => {
    const body =
      'Foreign Minister Tom Reed praised the round.\n\nHowever, he refused to give details. "I will not go into the points today. They may still change."';
    expect(said(body)).toEqual([['Tom Reed', 'direct', 'I will not go into the points today. They may still change.']]);
  });

  it('splits a coordinated verb whose phrase quotes the speaker, and keeps "called for" with the statement before', () => {
    expect(
      said(
        'Envoy Tom Reed cautioned that the round remains "unfinished" but described Friday as "the best day so far".',
      ),
    ).toEqual([
      ['Tom Reed', 'reported', 'the round remains "unfinished"'],
      ['Tom Reed', 'reported', 'described Friday as "the best day so far"'],
    ]);
    expect(
      said('Envoy Tom Reed insisted the war "will not end without us" and called for a "fair peace."'),
    ).toHaveLength(1);
  });

  it('takes the quoted object of a verb that is no verb of saying as the words, and nothing without a quote', () => {
    expect(
      said(
        'At a short briefing, Tom Reed alluded to a "framework for the spring" and Ann Cole spoke of "real movement on the ferry," though neither gave details.',
      ),
    ).toEqual([
      ['Tom Reed', 'direct', 'framework for the spring'],
      ['Ann Cole', 'direct', 'real movement on the ferry,'],
    ]);
    // The two-word object of "welcoming" is a scare quote, no statement (gold guide R12).
    expect(
      said('"We have papers now, not promises," said Premier Ann Cole, welcoming the "practical content" of the plan.'),
    ).toEqual([['Ann Cole', 'direct', 'We have papers now, not promises,']]);
    expect(said('Premier Ann Cole welcomed the envoy at the airport.')).toEqual([]);
  });

  it('reads the machine-translated and agency orders: an aside source, an impersonal passive, the verb first', () => {
    expect(said('Minister Ines Vale said, according to a state agency, that the monitors would stay.')).toEqual([
      ['Ines Vale', 'reported', 'the monitors would stay'],
    ]);
    expect(said('It was stated by Foreign Minister Ines Vale that the monitors would stay.')).toEqual([
      ['Ines Vale', 'reported', 'the monitors would stay'],
    ]);
    expect(said('Said Foreign Minister Ines Vale, "The monitors will stay."')).toEqual([
      ['Ines Vale', 'direct', 'The monitors will stay.'],
    ]);
    expect(said('Stressed Ines Vale: the monitors will stay.')).toEqual([
      ['Ines Vale', 'reported', 'the monitors will stay'],
    ]);
  });

  it('gives no statement to a place before a participle or to an unnamed source described by a capitalised word', () => {
    expect(
      said('Envoy Tom Reed praised the round held in Port Vila, noting that both teams agreed to meet again.'),
    ).toEqual([['Tom Reed', 'reported', 'both teams agreed to meet again']]);
    expect(said('According to an Elysée adviser, the text was endorsed by all members.')).toEqual([]);
    expect(said('The Russian side was upbeat, with Kirill Dmitriev noting that "the mood has changed".')).toEqual([
      ['Kirill Dmitriev', 'direct', 'the mood has changed'],
    ]);
  });

  it('ends a quote before the dash that sets off its speaker', () => {
    expect(said('"The monitors will stay" \u2014 Foreign Minister Ines Vale said.')).toEqual([
      ['Ines Vale', 'direct', 'The monitors will stay'],
    ]);
  });

  it("reads an interview printed as questions and answers: answers are the interviewee's, questions nobody's", () => {
    const body = [
      'In an interview with a weekly, Foreign Minister Ines Vale spoke about the monitors.',
      'Q: Will the monitors stay?',
      'A: Yes. They will stay until spring.',
      'Question: And the budget?',
      'Marek Lund: It was approved last week.',
      'Read More: Monitors arrive on the line',
    ].join('\n\n');
    expect(said(body)).toEqual([
      ['Ines Vale', 'direct', 'Yes. They will stay until spring.'],
      ['Marek Lund', 'direct', 'It was approved last week.'],
    ]);
    expect(said('The round resumed.\n\nRelated: Monitors arrive\n\nA: nothing more')).toEqual([]);
  });

  it('gives a quote with no speaker of its own to the one person named just before, unless the text cut it off', () => {
    expect(
      said('The envoys met Ines Vale, the foreign minister, on Monday. "We will not give up an inch. The line stays."'),
    ).toEqual([['Ines Vale', 'direct', 'We will not give up an inch. The line stays.']]);
    expect(
      said(
        'The hall went quiet as Foreign Minister Ines Vale took the floor. "We will not give up an inch," she said.',
      ),
    ).toEqual([['Ines Vale', 'direct', 'We will not give up an inch,']]);
    expect(
      said('The envoys met Ines Vale and Marek Lund on Monday. "We will not give up an inch. The line stays."'),
    ).toEqual([]);
    const cut =
      'A letter from Ines Vale reached the envoy on Monday.\n\n"We will not give up an inch, and the line must hold for every village along the river and in the hil';
    expect(said(cut)).toEqual([]);
  });

  it('gives a quote after a colon, or after a sentence with a role or pronoun subject, to the person the sentence is about', () => {
    const intro = 'Foreign Minister Ines Vale arrived on Monday.\n\n';
    expect(said(`${intro}The minister was blunt. "We will not give up an inch. The line stays."`)).toEqual([
      ['Ines Vale', 'direct', 'We will not give up an inch. The line stays.'],
    ]);
    expect(said(`${intro}Her message was clear: "We will not give up an inch."`)).toEqual([
      ['Ines Vale', 'direct', 'We will not give up an inch.'],
    ]);
    expect(said('Ines Vale had a clear message: "We will not give up an inch."')).toEqual([
      ['Ines Vale', 'direct', 'We will not give up an inch.'],
    ]);
    expect(said('The plan has one line that matters: "no troops west of the river."')).toEqual([]);
  });

  it('reads "In her view, …" like "In her words, …"', () => {
    expect(said('Foreign Minister Ines Vale arrived on Monday. In her view, the line must stay where it is.')).toEqual([
      ['Ines Vale', 'reported', 'the line must stay where it is'],
    ]);
  });
});
