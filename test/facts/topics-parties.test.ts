import { describe, expect, it } from 'vitest';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import {
  coordinatedStanceAt,
  openingSubject,
  repliesTo,
  stanceTakers,
  takesStance,
} from '../../lambda/facts/topics-parties.js';

const topics = compileTopics(defaultTopicsConfig);
const mentionOf = (text: string, id: string) => {
  const found = topics.partyMentions(text).find((m) => m.id === id);
  if (!found) throw new Error(`no ${id} in ${text}`);
  return found;
};

describe('who takes a stance', () => {
  it('reads "would have to" as a demand put on the party, not its own stance', () => {
    const text = 'Under the mediators\u2019 terms Ukraine would have to leave the region.';
    expect(takesStance(text, mentionOf(text, 'Ukraine'))).toBe(false);
    const own = 'Ukraine would never leave the region.';
    expect(takesStance(own, mentionOf(own, 'Ukraine'))).toBe(true);
  });

  it('finds a stance verb coordinated after the subject\u2019s other verbs, and that subject', () => {
    const text = 'Russia holds the city, has mined the roads, and demands that the army leave.';
    expect(coordinatedStanceAt(text)).toBe(text.indexOf(', and demands'));
    expect(openingSubject(text, topics)).toBe('Russia');
    expect(coordinatedStanceAt('Russia and Ukraine met in a third country.')).toBe(-1);
  });

  it('reads a relative clause that answers a demand as a reply, and an ordinary one as none', () => {
    const reply = 'Moscow insists on the whole region, which Kyiv rejected.';
    expect(repliesTo(reply, mentionOf(reply, 'Ukraine'))).toBe(true);
    const other = 'Moscow insists on the region, which Kyiv lost in a battle.';
    expect(repliesTo(other, mentionOf(other, 'Ukraine'))).toBe(false);
  });

  it('reads a judgement, a titled replier and a passive agent as replies, a passive without a stance before as none', () => {
    const judged = 'Moscow wants the rest of the region, a demand Kyiv has called unacceptable.';
    expect(repliesTo(judged, mentionOf(judged, 'Ukraine'))).toBe(true);
    const titled = 'Moscow wants the region, a concession Ukrainian President Jane Roe has rejected.';
    expect(repliesTo(titled, mentionOf(titled, 'Ukraine'))).toBe(true);
    const passive = "Moscow's demand to leave the region was turned down by the Ukrainians.";
    expect(repliesTo(passive, mentionOf(passive, 'Ukraine'))).toBe(true);
    const news = 'Reports of shelling in the region were dismissed by Kyiv.';
    expect(repliesTo(news, mentionOf(news, 'Ukraine'))).toBe(false);
  });

  it('takes a party after "with" as the subject of a stance verb in -ing only', () => {
    const stance = 'The round ended with Moscow insisting that the troops leave.';
    expect(stanceTakers(stance, topics).map((m) => m.id)).toEqual(['Russia']);
    const object = 'The round ended with Moscow sending more troops.';
    expect(stanceTakers(object, topics)).toEqual([]);
  });
});
