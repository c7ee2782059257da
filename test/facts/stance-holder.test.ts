import { describe, expect, it } from 'vitest';
import { blockedHolder } from '../../lambda/facts/stance-holder.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { peopleMentions } from '../../lambda/facts/topics-parties.js';
import { person } from './invented-leaders.js';

const topics = compileTopics(defaultTopicsConfig);
const people = peopleMentions([person('Bohdan Lytvak', 'Ukraine'), person('Irina Zorova', 'Russia')], topics);
const outsiders = new Set(['Keller']);
const blocked = (clause: string) => blockedHolder(clause, topics, people, outsiders);

describe('blockedHolder', () => {
  it('blocks both sides named together as the subject of a stance, or opening the clause', () => {
    expect(blocked('Russia and Ukraine both refuse to give ground on Crimea')).toBe('joint-subject');
    expect(blocked('Both sides reject territorial concessions in the Donbas')).toBe('joint-subject');
    expect(blocked('Neither side will give up the Donbas, Lytvak said')).toBe('joint-subject');
    expect(blocked('Still, Moscow and Kyiv are at an impasse over the Donbas')).toBe('joint-subject');
  });

  it("blocks an outsider's stance that a side only reports", () => {
    expect(blocked('"The American side considers recognising Crimea as Russian," Lytvak said')).toBe(
      'outsider-subject',
    );
    expect(blocked("Keller's side considers recognising Crimea as Russia's, Lytvak told reporters")).toBe(
      'outsider-subject',
    );
    expect(blocked('Lytvak said the Americans would recognise Crimea as part of Russia')).toBe('outsider-subject');
    expect(blocked('According to Lytvak, the US side is considering recognising Crimea as Russian')).toBe(
      'outsider-subject',
    );
  });

  it('leaves the stance to a side that wants or refuses itself, or acts with the outsider', () => {
    expect(blocked('Kyiv rejects what Washington would accept on Crimea')).toBeNull();
    expect(blocked('Keller said Russia wants all of the Donbas')).toBeNull();
    expect(blocked('Zorova and Keller agreed that the Donbas must go to Russia')).toBeNull();
    expect(blocked('Russia wants the US to recognise Crimea as Russian')).toBeNull();
    expect(blocked('Ukraine and its allies reject any change to the border in the Donbas')).toBeNull();
  });
});
