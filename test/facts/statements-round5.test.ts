import { describe, expect, it } from 'vitest';
import { said } from './said.js';

/*
 * The statement frames of the round-4 kinds in docs/transfer-misses.md (S1, S4–S6, S8, S11, S13, S15 and the
 * extras), one kind a test, in our own invented words and with invented people and places.
 */

describe('extractStatements on the round-4 kinds', () => {
  it('reads rarer verbs of saying with a clause, and nothing from their bare object', () => {
    expect(said('Foreign Minister Lena Dross countered that the map had been agreed in Oslo.')).toEqual([
      ['Lena Dross', 'reported', 'the map had been agreed in Oslo'],
    ]);
    expect(said('Foreign Minister Lena Dross specified that the troops would leave by June.')).toEqual([
      ['Lena Dross', 'reported', 'the troops would leave by June'],
    ]);
    expect(said('Foreign Minister Lena Dross specified the date of the next round.')).toEqual([]);
  });

  it('reads "concluded" and "reacted" closing a quote with the speaker after them, and nothing else', () => {
    expect(said('"We will not sign anything this month," concluded Foreign Minister Lena Dross.')).toEqual([
      ['Lena Dross', 'direct', 'We will not sign anything this month,'],
    ]);
    expect(said('"This is a trap," reacted Lena Dross, the Bordurian foreign minister.')).toEqual([
      ['Lena Dross', 'direct', 'This is a trap,'],
    ]);
    expect(said('Foreign Minister Lena Dross reacted to the shelling of Tarsk by recalling her envoy.')).toEqual([]);
  });

  it('reads a participle whose clause has no "that" ("vowing he would …")', () => {
    expect(said('Prime Minister Ivo Marek left the summit early, vowing he would return with a new map.')).toEqual([
      ['Ivo Marek', 'reported', 'he would return with a new map'],
    ]);
  });

  it('keeps a name before its appositive as the subject of a later participle', () => {
    expect(
      said(
        'Lena Dross, the Bordurian foreign minister, criticised the plan on Monday, stating that it ignored refugees.',
      ),
    ).toEqual([['Lena Dross', 'reported', 'it ignored refugees']]);
  });

  it('passes over a short quoted term in the main clause before ", adding that …"', () => {
    expect(
      said('Minister Lena Dross thanked the hosts for the "warm welcome", adding that the talks would resume in May.'),
    ).toEqual([['Lena Dross', 'reported', 'the talks would resume in May']]);
  });

  it('reads "called" with an object and an adjective as a statement, and a phone call as none', () => {
    expect(said('President Ivo Marek called the offer useful and said the talks would go on.')).toEqual([
      ['Ivo Marek', 'reported', 'called the offer useful'],
      ['Ivo Marek', 'reported', 'the talks would go on'],
    ]);
    expect(said('President Ivo Marek called the Syldavian envoy and said the talks would go on.')).toEqual([
      ['Ivo Marek', 'reported', 'the talks would go on'],
    ]);
  });

  it('reads "was quoted in the press that …" as the subject\'s words', () => {
    expect(said('Foreign Minister Lena Dross was quoted in the press that the border would stay closed.')).toEqual([
      ['Lena Dross', 'reported', 'the border would stay closed'],
    ]);
  });

  it('reads a present tense that is also a noun after a name, past a date set off by commas', () => {
    expect(said('President Ivo Marek notes, on 4 May, that the map is still open.')).toEqual([
      ['Ivo Marek', 'reported', 'the map is still open'],
    ]);
    expect(said("President Ivo Marek's notes that the map is open were leaked.")).toEqual([]);
    expect(said('Talks ended. Borduria hopes the Kremlin demands that Tarsk be returned.')).toEqual([]);
  });

  it('takes a bare nominal object of expressed, reiterated, indicated as no statement, and a clause after it as one', () => {
    expect(said('Foreign Minister Lena Dross expressed openness to a new round of talks.')).toEqual([]);
    expect(said('Foreign Minister Lena Dross reiterated her commitment to the ceasefire.')).toEqual([]);
    expect(said('Foreign Minister Lena Dross indicated willingness to meet the rebels.')).toEqual([]);
    expect(said('Foreign Minister Lena Dross expressed hope that the rebels would come back to the table.')).toEqual([
      ['Lena Dross', 'reported', 'the rebels would come back to the table'],
    ]);
    expect(said('Foreign Minister Lena Dross reiterated that the rebels must disarm first.')).toEqual([
      ['Lena Dross', 'reported', 'the rebels must disarm first'],
    ]);
  });

  it('lets a participle after a nominal object of "expressed" take the sentence subject', () => {
    expect(said('Minister Lena Dross expressed support for a truce, saying it was overdue.')).toEqual([
      ['Lena Dross', 'reported', 'it was overdue'],
    ]);
    expect(
      said('Envoy Tom Reed expressed cautious optimism on arrival, telling reporters that one issue was left.'),
    ).toEqual([['Tom Reed', 'reported', 'one issue was left']]);
  });

  it('takes a speaker named with honorifics and a chain of "bin" as one person, over quoted paragraphs', () => {
    const body =
      'His Excellency Dr. Samir bin Hadi bin Nasser Al Qarun, the foreign minister of the host country, opened the forum.\n\n' +
      '"We are ready to host the next round. Our doors are open."\n\n' +
      '"Both delegations have our trust."';
    expect(said(body)).toEqual([
      ['Samir bin Hadi bin Nasser Al Qarun', 'direct', 'We are ready to host the next round. Our doors are open.'],
      ['Samir bin Hadi bin Nasser Al Qarun', 'direct', 'Both delegations have our trust.'],
    ]);
  });

  it("gives no statement to an honorific's initials alone or to a social platform", () => {
    expect(said('Samir Al Qarun met the envoys.\n\nH E said the doors are open.')).toEqual([]);
    expect(said('Samir Al Qarun met the envoys. Telegram said the channel had been blocked.')).toEqual([]);
  });

  it('gives "X said this while …" the sentence before as the words, and "this while …" alone none', () => {
    expect(
      said(
        'The talks in Tarsk ended on Monday. The troops will stay in the buffer zone. President Ivo Marek said this while visiting the front.',
      ),
    ).toEqual([['Ivo Marek', 'reported', 'The troops will stay in the buffer zone']]);
    expect(
      said(
        'The talks ended on Monday. The troops will stay in the buffer zone, Marek said. President Ivo Marek said this while visiting the front.',
      ),
    ).toEqual([['Ivo Marek', 'reported', 'The troops will stay in the buffer zone']]);
  });

  it('gives a quote after a colon to the person the sentence is about, past a generic subject\'s "says"', () => {
    const body =
      'President Ivo Marek spoke in Tarsk on Monday.\n\nThe wording the president chose says a lot: "We will not give up a single village."';
    expect(said(body)).toEqual([['Ivo Marek', 'direct', 'We will not give up a single village.']]);
  });

  it('gives a person\'s verb inside an institution\'s "that" clause to no one', () => {
    expect(said('The press office confirmed that President Ivo Marek urged the rebels to disarm.')).toEqual([]);
    expect(said('President Ivo Marek confirmed that the envoy urged the rebels to disarm.')).toEqual([
      ['Ivo Marek', 'reported', 'the envoy urged the rebels to disarm'],
    ]);
  });

  it('takes the writer\'s frame "The comments came after …" as no one\'s words', () => {
    const body =
      'President Ivo Marek spoke in Tarsk on Monday.\n\nThe comments came after the shelling of Tarsk, the president said.';
    expect(said(body)).toEqual([]);
  });

  it('takes "the head of state" for the leader named before', () => {
    const body =
      'President Ivo Marek met the envoy.\n\nThe head of state recalled that two security pacts were now in force.';
    expect(said(body)).toEqual([['Ivo Marek', 'reported', 'two security pacts were now in force']]);
  });

  it('passes over an opening "Asked whether …," to the subject of a participle after a refusal', () => {
    const body =
      'President Ivo Marek met the envoy.\n\nAsked whether the demand also covers Tarsk, Marek declined to comment, saying the terms would stay secret.';
    expect(said(body)).toEqual([['Ivo Marek', 'reported', 'the terms would stay secret']]);
  });

  it('takes the bulleted paragraphs after "Among the proposals X set out:" as X\'s points, up to the first plain one', () => {
    const body =
      'Chief negotiator Ivo Marek briefed reporters after the round.\n\nAmong the proposals Marek set out:\n\n' +
      '\u2014 a ceasefire of thirty days along the whole line;\n\n\u2014 an exchange of all prisoners held since spring.\n\n' +
      'The talks will resume next week.';
    expect(said(body)).toEqual([
      ['Ivo Marek', 'reported', 'a ceasefire of thirty days along the whole line'],
      ['Ivo Marek', 'reported', 'an exchange of all prisoners held since spring'],
    ]);
  });

  it('gives the verb after "and" to the subject of a clause inside the first statement', () => {
    const body =
      'Norwegian President Ivo Marek met the envoy.\n\nPrime Minister Lena Dross called for a meeting with Marek after the Norwegian leader stated that the venue suited him and said his envoys were ready.';
    // Dross's "called for a meeting …" is an appeal summed up, no words (round 15's X15-1).
    expect(said(body)).toEqual([['Ivo Marek', 'reported', 'his envoys were ready']]);
    expect(said('Prime Minister Lena Dross confirmed the talks and said they would resume.')).toEqual([
      ['Lena Dross', 'reported', 'they would resume'],
    ]);
  });

  it('reads a participle of saying linked by "after" or "by" with no comma, and no bare object', () => {
    expect(said('Prime Minister Lena Dross cut the round short after saying she was "let down" by Marek.')).toEqual([
      ['Lena Dross', 'reported', 'she was "let down" by Marek'],
    ]);
    expect(said('Prime Minister Lena Dross ended the talks by saying that the map was final.')).toEqual([
      ['Lena Dross', 'reported', 'the map was final'],
    ]);
    expect(said('Prime Minister Lena Dross left after noting the progress made.')).toEqual([]);
  });
});
