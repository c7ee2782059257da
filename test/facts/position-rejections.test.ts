import { describe, expect, it } from 'vitest';
import {
  declinesComment,
  isAgendaOnly,
  isBackground,
  isPatient,
  isQuestion,
  namedAfterStance,
  reportsControl,
  statesNoStance,
  voicedByOutsider,
} from '../../lambda/facts/position-rejections.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import type { PartyMention } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';

/** The party mention of `name` in `text` (its first occurrence). */
const mentionOf = (text: string, name: string, id: string): PartyMention => {
  const start = text.indexOf(name);
  return { id, start, end: start + name.length, kind: 'name' };
};

describe('rules that reject a candidate position', () => {
  it('rejects a side reporting what it holds or took, but not a stance beside it nor a relative clause', () => {
    expect(reportsControl('Borduria says it annexed four provinces of Ruritania last autumn')).toBe(true);
    expect(reportsControl('Borduria holds part of these provinces')).toBe(true);
    expect(reportsControl('Borduria says it annexed the provinces and will never return them')).toBe(false);
    expect(reportsControl('Borduria says the provinces it annexed are its own soil')).toBe(false);
    expect(reportsControl('Borduria wants the provinces it holds recognised')).toBe(false);
    expect(extractPositions(articleOf('Moscow says it annexed the Luhansk region last autumn.'))).toEqual([]);
  });

  it('rejects an agenda, but not an agenda with a demand in it', () => {
    expect(isAgendaOnly('The next round of talks is to centre on the Luhansk region')).toBe(true);
    expect(isAgendaOnly('Kyiv said the region tops the agenda of the summit')).toBe(true);
    expect(isAgendaOnly('Moscow will host talks on the Luhansk region next month')).toBe(true);
    expect(isAgendaOnly('The talks will focus on Moscow’s demand that Kyiv leave the Luhansk region')).toBe(false);
    expect(isAgendaOnly('The next round of talks is to centre on the Luhansk region')).toBe(true);
    expect(isAgendaOnly('Moscow wants all of the Luhansk region')).toBe(false);
  });

  it('takes a party right after a verb of telling as its audience, not as the one who wants', () => {
    const told = 'The Sylvanian envoy told Kyiv a deal would need its withdrawal from the region';
    expect(isPatient(told, mentionOf(told, 'Kyiv', 'Ukraine'), null)).toBe(true);
    expect(
      extractPositions(articleOf('The Sylvanian envoy told Kyiv a deal would need its withdrawal from Luhansk.')),
    ).toEqual([]);
    const teller = 'Moscow told Kyiv it must leave Luhansk';
    expect(isPatient(teller, mentionOf(teller, 'Moscow', 'Russia'), null)).toBe(false);
  });

  it('takes a party right after a verb in the past as its object, not as an actor', () => {
    const object = 'The outline worried Kyiv by proposing a freeze';
    expect(isPatient(object, mentionOf(object, 'Kyiv', 'Ukraine'), null)).toBe(true);
    const subject = 'Last week Kyiv proposed a freeze';
    expect(isPatient(subject, mentionOf(subject, 'Kyiv', 'Ukraine'), null)).toBe(false);
  });

  it('rejects declining to comment, unless a stance comes first in the clause', () => {
    expect(declinesComment('She declined to say whether the request also extended to the Luhansk region')).toBe(true);
    expect(declinesComment('Kyiv refused to comment on reports about the peninsula')).toBe(true);
    expect(declinesComment('Moscow insists on Sloviansk but would not say whether it wants Kramatorsk')).toBe(false);
    expect(declinesComment('Kyiv refused to cede Sloviansk')).toBe(false);
  });

  it('finds no stance in a battlefield report, and one in a want, an offer or a refusal', () => {
    expect(statesNoStance('Russian troops hold most of the Luhansk region')).toBe(true);
    expect(statesNoStance('Moscow wants all of the Luhansk region')).toBe(false);
    expect(statesNoStance('Kyiv ruled out any talks on the peninsula')).toBe(false);
  });

  it('reads a question as one, quoted or not', () => {
    expect(isQuestion('Would Kyiv ever give up Sloviansk?')).toBe(true);
    expect(isQuestion('"Why would we give up Sloviansk?" the minister asked')).toBe(true);
    expect(isQuestion('Kyiv will never give up Sloviansk')).toBe(false);
  });

  it('reads a clause dated in the past as background', () => {
    expect(isBackground('In 2014 the Kremlin first demanded that the peninsula be recognised')).toBe(true);
    expect(isBackground('Moscow took the peninsula years ago and wants it recognised')).toBe(true);
    expect(isBackground('Moscow wants the peninsula recognised as Russian')).toBe(false);
  });

  it('reads a party asked to act as no holder: a bare verb, an infinitive or an obligation after it', () => {
    const demand = 'Moscow demands that Kyiv abandon Sloviansk';
    expect(isPatient(demand, mentionOf(demand, 'Kyiv', 'Ukraine'), null)).toBe(true);
    expect(isPatient(demand, mentionOf(demand, 'Moscow', 'Russia'), null)).toBe(false);
    const asked = 'nobody is asking Kyiv to recognise the loss of Sloviansk';
    expect(isPatient(asked, mentionOf(asked, 'Kyiv', 'Ukraine'), null)).toBe(true);
    const obliged = 'Kyiv would have to leave Sloviansk';
    expect(isPatient(obliged, mentionOf(obliged, 'Kyiv', 'Ukraine'), 'Ukraine')).toBe(true);
  });

  it("reads an outsider's view of a side as the outsider's, not a side's", () => {
    expect(voicedByOutsider('Analysts say Kyiv may in the end have to accept the loss of Sloviansk')).toBe(true);
    expect(voicedByOutsider('Kyiv may accept talks on Sloviansk, Western diplomats said')).toBe(true);
    expect(voicedByOutsider('Kyiv said it may accept talks on Sloviansk')).toBe(false);
  });

  it('reads a party named only after the stance as its object, not its holder', () => {
    const text = 'The refusal to discuss the peninsula angered the Kremlin';
    expect(namedAfterStance(text, mentionOf(text, 'the Kremlin', 'Russia'))).toBe(true);
    const holder = 'The Kremlin once more refused to discuss the peninsula';
    expect(namedAfterStance(holder, mentionOf(holder, 'The Kremlin', 'Russia'))).toBe(false);
  });
});
