import { describe, expect, it } from 'vitest';
import {
  bearsTerm,
  declinesComment,
  forecastAt,
  isAgendaOnly,
  isBackground,
  isLiveTitle,
  isPatient,
  isPressed,
  isQuestion,
  namedAfterStance,
  opensClause,
  planFrame,
  planSubjectEnd,
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

  it('reads a named or pronoun subject holding an area, not a lower-case word before "held" (issue 17, m39)', () => {
    expect(reportsControl('Borduria says talks held in the capital left the province off the agenda')).toBe(false);
    expect(reportsControl('Borduria says troops held the line near the province')).toBe(false);
    // A capitalised subject, a pronoun and "The" opening the clause still read as control.
    expect(reportsControl('Officials say Borduria holds part of the province')).toBe(true);
    expect(reportsControl('It holds part of the province')).toBe(true);
    expect(reportsControl('The Bordurian army holds part of the province')).toBe(false);
    expect(reportsControl('The Kremlin holds part of the province')).toBe(true);
  });

  it('reads the act of annexing when "is" or "as" belongs to a clause of its own after it (issue 17, m39)', () => {
    expect(reportsControl('Borduria claimed the annexation of the provinces it is occupying')).toBe(true);
    expect(reportsControl('Borduria proclaimed the annexation of the provinces which are now under its army')).toBe(
      true,
    );
    expect(reportsControl('Borduria claimed the annexation of the provinces it regards as its own')).toBe(true);
    // A claim or verdict about the act stays one, in a clause of its own or not.
    expect(reportsControl('Borduria claimed the annexation of the provinces would stand forever')).toBe(false);
    expect(reportsControl('Ruritania declared the annexation of the provinces it lost null and void')).toBe(false);
    expect(reportsControl('Ruritania declared the annexation of the provinces to be illegal')).toBe(false);
  });

  it('reads a claim about the act after a clause of its own has closed (review of m39)', () => {
    expect(reportsControl('Borduria claimed the annexation of the provinces it occupies would stand forever')).toBe(
      false,
    );
    expect(reportsControl('Borduria declared the annexation of the provinces which its army holds was complete')).toBe(
      false,
    );
    // Guard: the clause's own verb right after its subject, or "as" after its verb, still tells the act.
    expect(reportsControl('Borduria claimed the annexation of the provinces it is occupying')).toBe(true);
    expect(reportsControl('Borduria claimed the annexation of the provinces it regards as its own')).toBe(true);
  });

  it('rejects an agenda, but not an agenda with a demand in it', () => {
    expect(isAgendaOnly('The next round of talks is to centre on the Luhansk region')).toBe(true);
    expect(isAgendaOnly('Kyiv said the region tops the agenda of the summit')).toBe(true);
    expect(isAgendaOnly('Moscow will host talks on the Luhansk region next month')).toBe(true);
    expect(isAgendaOnly('The talks will focus on Moscow’s demand that Kyiv leave the Luhansk region')).toBe(false);
    expect(isAgendaOnly('The next round of talks is to centre on the Luhansk region')).toBe(true);
    expect(isAgendaOnly('Moscow wants all of the Luhansk region')).toBe(false);
  });

  it("reads the other names of a dispute's sticking point as an agenda, not a stance", () => {
    // Not only the words the read reports used: the common names of what the talks stall on.
    expect(
      isAgendaOnly('Kyiv said the status of the Luhansk region remains the main stumbling block in the talks'),
    ).toBe(true);
    expect(isAgendaOnly('The Ukrainian leader called the region the central friction point of the negotiations')).toBe(
      true,
    );
    expect(isAgendaOnly('Crimea is the bone of contention in the talks, Moscow said')).toBe(true);
    expect(isAgendaOnly('The key issues in the talks remain unresolved, though Moscow insists on Crimea')).toBe(false);
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

  it('reads a clause dated by month and year, or early or late in a year, as background too', () => {
    expect(
      isBackground('Since its assault in March 2021, Borduria has seized most of the valley and called it its own'),
    ).toBe(true);
    expect(isBackground('Until late 2019 the Kremlin still offered the province autonomy')).toBe(true);
    // A month without a year, or a year not governed by a preposition of time, dates nothing.
    expect(isBackground('In May Moscow wants the peninsula recognised')).toBe(false);
    expect(isBackground('Moscow wants a 2030 deadline for the peninsula')).toBe(false);
    const body =
      'Since its invasion in February 2022, Russia has taken most of the Luhansk region and officially claimed it as Russian.';
    expect(extractPositions(articleOf(body))).toEqual([]);
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

describe('rules that reject a position no single side holds', () => {
  it('reads a forecast of a reaction before any stance, not one after a stance already stated', () => {
    expect(forecastAt('Borduria is unlikely to be impressed by such a compromise')).toBe(9);
    expect(forecastAt('The premier will probably reject the swap of the two provinces')).toBeGreaterThan(0);
    expect(forecastAt('Ruritania is expected to refuse any change to the border')).toBeGreaterThan(0);
    expect(forecastAt('Ruritania demands the province, which Borduria is unlikely to accept')).toBe(-1);
    expect(forecastAt('Borduria will never accept the swap')).toBe(-1);
  });

  it('finds a plan framing the sentence, but not "any plan", and a side bearing a term', () => {
    const text = 'Under the reported plan, Borduria would concede the rest of the province';
    expect(planFrame(text)).toEqual({ start: 0, end: 'Under the reported plan'.length });
    expect(planFrame('Borduria would cede the coast according to the leaked draft deal')).not.toBeNull();
    expect(planFrame('Borduria will not leave the province under any plan')).toBeNull();
    expect(planFrame('Borduria rejected the plan outright')).toBeNull();
    expect(bearsTerm(text, mentionOf(text, 'Borduria', 'B'))).toBe(true);
    const refusal = 'Under the plan, Borduria rejected the swap';
    expect(bearsTerm(refusal, mentionOf(refusal, 'Borduria', 'B'))).toBe(false);
    const own = 'Under the plan, Borduria would not give up the coast';
    expect(bearsTerm(own, mentionOf(own, 'Borduria', 'B'))).toBe(false);
  });

  it('finds a particular plan as the subject that sets out terms, not what any settlement needs', () => {
    expect(planSubjectEnd('The reported plan envisages Borduria ceding the coast')).toBe(
      'The reported plan envisages'.length,
    );
    expect(
      planSubjectEnd("The premier said the mediators' proposals would see Borduria give up the coast"),
    ).toBeGreaterThan(0);
    expect(planSubjectEnd('A final settlement also needs hard choices from Borduria on the coast')).toBe(-1);
    expect(planSubjectEnd('Borduria rejected the plan')).toBe(-1);
  });

  it("recognises a live page's title, not a headline that uses the word otherwise", () => {
    expect(isLiveTitle('Live: the premier demands the province before the summit')).toBe(true);
    expect(isLiveTitle('Border talks live: Zenda rejects the swap')).toBe(true);
    expect(isLiveTitle('Zenda rejects the swap – live updates')).toBe(true);
    expect(isLiveTitle('Talks in Zenda, as it happened')).toBe(true);
    expect(isLiveTitle('We will not live under occupation, says the premier')).toBe(false);
    expect(isLiveTitle('Zenda rejects the swap of the two provinces')).toBe(false);
  });

  it('finds the side pressed to act as the subject that opens the clause', () => {
    const text = 'Borduria is under pressure to give up the province';
    expect(isPressed(text, mentionOf(text, 'Borduria', 'B'))).toBe(true);
    expect(opensClause(text, mentionOf(text, 'Borduria', 'B'))).toBe(true);
    const later = 'The premier signalled a vote on the province, as Borduria faces mounting pressure to consider terms';
    expect(isPressed(later, mentionOf(later, 'Borduria', 'B'))).toBe(true);
    expect(opensClause(later, mentionOf(later, 'Borduria', 'B'))).toBe(false);
    expect(opensClause('Still, Borduria holds out', mentionOf('Still, Borduria holds out', 'Borduria', 'B'))).toBe(
      true,
    );
  });

  it('reads control reported with a noun as control', () => {
    expect(reportsControl('Borduria currently maintains partial control over these provinces')).toBe(true);
    expect(reportsControl('Borduria retains control of the coast and will never give it up')).toBe(false);
  });
});

describe('positions no single side holds, end to end', () => {
  const positionsIn = (body: string, title: string | null = null) =>
    extractPositions({ ...articleOf(body), title }).map((p) => `${p.topic}/${p.party}`);

  it("gives a plan's terms to no side, or to the side that owns the plan", () => {
    expect(positionsIn('Under the reported plan, Ukraine would concede the rest of the Donbas.')).toEqual([]);
    expect(
      positionsIn('Under the leaked draft, Kyiv would leave the Donetsk region, while Russia would freeze the front.'),
    ).toEqual([]);
    expect(positionsIn("Under Moscow's draft, Ukraine would recognise Crimea as part of Russia.")).toEqual([
      'crimea/Russia',
    ]);
    expect(positionsIn('Ukraine will not leave the Donetsk region under any deal.')).toEqual(['donbas/Ukraine']);
    expect(positionsIn('The reported plan envisages Ukraine ceding the rest of the Donbas.')).toEqual([]);
    expect(positionsIn('Under the peace plan, Ukraine would not recognise Crimea as Russian.')).toEqual([
      'crimea/Ukraine',
    ]);
  });

  it('gives a joint refusal or an impasse to neither side', () => {
    expect(positionsIn('Russia and Ukraine both refuse to give ground on Crimea.')).toEqual([]);
    expect(positionsIn('Still, Moscow and Kyiv are at an impasse over the Donbas.')).toEqual([]);
    expect(positionsIn('Russia wants the whole Donbas and Kyiv has refused.')).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
  });

  it('gives a forecast of a reaction and a side pressed to act to nobody', () => {
    expect(positionsIn('Kyiv is likely to reject any deal on Crimea.')).toEqual([]);
    expect(positionsIn('Kyiv is under pressure to give up the Donbas within weeks.')).toEqual([]);
    expect(positionsIn('Kyiv will never give up the Donbas.')).toEqual(['donbas/Ukraine']);
  });

  it("reads no stance from a live page's title, but reads an ordinary headline", () => {
    const body = 'Envoys arrived in Zenda on Tuesday.';
    expect(positionsIn(body, 'Live: Russia demands the whole Donetsk region as envoys gather')).toEqual([]);
    expect(positionsIn(body, 'Russia demands the whole Donetsk region as envoys gather')).toEqual(['donbas/Russia']);
  });
});
