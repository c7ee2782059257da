import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import {
  asksInWritersVoice,
  opensHypothesis,
  receivesDemand,
  topicOnlyInAside,
  viewedByOutsider,
} from '../../lambda/facts/position-rejections.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';

/*
 * General conditions a position must meet, whatever the phrasing: the topic is what the stance is about (not where
 * something else happens), the sentence states rather than asks, and the side holding it says it rather than reports,
 * receives or guesses someone else's. Invented people throughout; the two sides are the configured parties.
 */

const topics = compileTopics(defaultTopicsConfig);
const mentionsOf = (clause: string, topic: string) => () => topics.topicMentions(clause).filter((m) => m.id === topic);

/** The positions the whole extractor finds, as "topic/party". */
const held = (body: string) => extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}`);

describe('the topic must be what the stance is about', () => {
  it('finds a topic named only as the place of an event, of the people an event hits, or of the speaking', () => {
    const truce = 'Kyiv asked for a truce along the whole front, including near Kramatorsk';
    expect(topicOnlyInAside(truce, mentionsOf(truce, 'donbas'))).toBe(true);
    const strikes = 'Kyiv wants a halt to strikes on civilians in Kharkiv, Sumy and Sloviansk';
    expect(topicOnlyInAside(strikes, mentionsOf(strikes, 'donbas'))).toBe(true);
    const speaking = 'Moscow wants the sanctions gone, a Ukrainian envoy said in the eastern city of Kramatorsk';
    expect(topicOnlyInAside(speaking, mentionsOf(speaking, 'donbas'))).toBe(true);
  });

  it('keeps a topic that is the object of the stance, a territory a list includes, or a zone placed on it', () => {
    const object = 'Moscow wants Kyiv to pull its units out of Kramatorsk';
    expect(topicOnlyInAside(object, mentionsOf(object, 'donbas'))).toBe(false);
    const included = 'Moscow demands recognition of every region it claims, including Crimea';
    expect(topicOnlyInAside(included, mentionsOf(included, 'crimea'))).toBe(false);
    const zone = 'Kyiv said it could accept a demilitarised strip in the Donbas';
    expect(topicOnlyInAside(zone, mentionsOf(zone, 'donbas'))).toBe(false);
    // The speaking's place, then what was said: the topic is in what was said.
    const said = 'Lytvak said in an interview that Crimea will never be Russian';
    expect(topicOnlyInAside(said, mentionsOf(said, 'crimea'))).toBe(false);
    // One mention as the object is enough, whatever the others are.
    const both = 'Kyiv will not give up Sloviansk, despite the shelling in Sloviansk';
    expect(topicOnlyInAside(both, mentionsOf(both, 'donbas'))).toBe(false);
  });

  it('finds a topic named only in a clause of circumstance after the stance, not in a condition or a joined aim', () => {
    const after = 'Kyiv asked for more air defence after Russian drones hit Kramatorsk';
    expect(topicOnlyInAside(after, mentionsOf(after, 'donbas'))).toBe(true);
    const days = 'The Kremlin turned the plan down, days after its units took a village near Sloviansk';
    expect(topicOnlyInAside(days, mentionsOf(days, 'donbas'))).toBe(true);
    const condition = 'Kyiv says it will talk only after Moscow leaves Kramatorsk';
    expect(topicOnlyInAside(condition, mentionsOf(condition, 'donbas'))).toBe(false);
    const modal = 'Kyiv said it would sign a truce after Moscow pulled its army back from Sloviansk';
    expect(topicOnlyInAside(modal, mentionsOf(modal, 'donbas'))).toBe(false);
    const asked = '"Nobody gives away their own land," Lytvak said when asked about Sloviansk';
    expect(topicOnlyInAside(asked, mentionsOf(asked, 'donbas'))).toBe(false);
    const joined = 'Moscow wants Kyiv to vote after a truce and to move its army out of Kramatorsk';
    expect(topicOnlyInAside(joined, mentionsOf(joined, 'donbas'))).toBe(false);
  });

  it('gives no side a position on a region a demand about something else names in passing', () => {
    expect(held('Ukraine called for a ceasefire along the entire front line, including around Sloviansk.')).toEqual([]);
    expect(held('Kyiv demanded an end to drone strikes on towns such as Sumy, Izium and Kramatorsk.')).toEqual([]);
    expect(held('Kyiv asked for more air defence after a night of drone raids on Sloviansk.')).toEqual([]);
    expect(held('Kyiv pressed Moscow to give up the Donbas.')).toEqual(['donbas/Ukraine']);
  });
});

describe('a question asks, it states no position', () => {
  it("reads a question in the writer's voice, in a clause or a whole sentence", () => {
    expect(asksInWritersVoice('What did Kyiv make of the Russian offer on Crimea?', 'same')).toBe(true);
    expect(
      asksInWritersVoice(
        'is Kyiv ready to bend on Crimea?',
        'Moscow sticks to its claim, but is Kyiv ready to bend on Crimea?',
      ),
    ).toBe(true);
    expect(asksInWritersVoice('Moscow sticks to its claim', 'Moscow sticks to its claim, but is Kyiv ready?')).toBe(
      false,
    );
  });

  it("leaves a side's own question, quoted or in the first person, to the side", () => {
    const quoted = '"Why would anyone hand over Sloviansk?" the Ukrainian minister asked.';
    expect(asksInWritersVoice(quoted, quoted)).toBe(false);
    expect(asksInWritersVoice('Why should we give our land away?', 'Why should we give our land away?')).toBe(false);
  });

  it('gives no side a position in a headline-like question, and keeps the statement before one', () => {
    expect(held("How did Kyiv answer Moscow's latest terms on the Donbas?")).toEqual([]);
    expect(held('Is Moscow willing to drop its claim to Crimea?')).toEqual([]);
    expect(held('Kyiv will never give up Crimea, but will Moscow insist on Sevastopol?')).toEqual(['crimea/Ukraine']);
  });
});

describe('whose words the stance is', () => {
  it("reads a side reporting or receiving another's demand, unless it answers it", () => {
    const kyiv = { id: 'Ukraine', start: 0, end: 4, kind: 'name' as const };
    expect(receivesDemand('Kyiv confirmed the demand to pull out of Sloviansk', kyiv)).toBe(true);
    expect(receivesDemand('Kyiv has received an ultimatum to leave Sloviansk', kyiv)).toBe(true);
    expect(receivesDemand('Kyiv said it had been asked to leave Sloviansk', kyiv)).toBe(true);
    expect(receivesDemand('Kyiv confirmed its demand that Moscow leave Crimea', kyiv)).toBe(false);
    expect(receivesDemand('Kyiv described the demand to leave Sloviansk as absurd', kyiv)).toBe(false);
  });

  it('gives the reporting side no position of its own', () => {
    expect(held('The Ukrainian foreign minister acknowledged the demand to withdraw from Kramatorsk.')).toEqual([]);
    expect(held('Kyiv confirmed it had been asked to hand over Sloviansk.')).toEqual([]);
    expect(held('Kyiv confirmed that Moscow had demanded a withdrawal from Kramatorsk.')).toEqual(['donbas/Russia']);
    // The sender named after the received demand holds it.
    expect(held('Kyiv has received a demand from Moscow to withdraw from Kramatorsk.')).toEqual(['donbas/Russia']);
  });

  it('gives a side reporting a person of no known side no position', () => {
    // Nothing in the article says whose official Oleg Varta is: his stance is not Kyiv's for being reported by it.
    expect(held('Oleg Varta has demanded that Ukrainian units quit Kramatorsk, Kyiv said.')).toEqual([]);
    expect(held('Kyiv said Moscow has demanded that Ukrainian units quit Kramatorsk.')).toEqual(['donbas/Russia']);
  });

  it("reads an analyst's or expert's view, before or after, but not a source passing a side's stance on", () => {
    expect(viewedByOutsider('Most analysts believe Moscow will hold out for all of Kramatorsk')).toBe(true);
    expect(viewedByOutsider('Kyiv could in the end accept a freeze, according to some experts')).toBe(true);
    expect(viewedByOutsider('Western officials expect Moscow to insist on Sloviansk')).toBe(true);
    expect(viewedByOutsider('Moscow insists on Sloviansk, according to officials briefed on the talks')).toBe(false);
    expect(viewedByOutsider('Moscow insists on Sloviansk, US officials said')).toBe(false);
  });

  it("gives no side an analyst's view of it", () => {
    expect(held('Analysts say Moscow wants every town of the Donbas.')).toEqual([]);
    expect(held('Moscow wants every town of the Donbas, according to people familiar with the talks.')).toEqual([
      'donbas/Russia',
    ]);
  });

  it('reads a hypothesis only when a condition opens the clause and a modal follows it', () => {
    expect(opensHypothesis('If Kyiv pulled back from Sloviansk, Moscow would halt the offensive')).toBe(true);
    expect(opensHypothesis('Should Moscow drop its claim, Kyiv could talk about Crimea')).toBe(true);
    expect(opensHypothesis('Moscow would halt the offensive if Kyiv pulled back')).toBe(false);
  });

  it("gives no side a hypothesis an outsider voices, and keeps a side's own conditional offer", () => {
    expect(
      held('If Kyiv pulled back from Sloviansk, Moscow would halt the offensive, one Western diplomat suggested.'),
    ).toEqual([]);
    expect(
      held('If Moscow dropped its claim to Crimea, Kyiv would sign a truce, the Ukrainian foreign minister said.'),
    ).toEqual(['crimea/Ukraine']);
  });
});
