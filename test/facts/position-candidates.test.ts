import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { statesNoStance } from '../../lambda/facts/position-rejections.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { actorMentions, claimsStance } from '../../lambda/facts/topics-parties.js';
import { articleOf } from './article-of.js';

/*
 * Issue 17, point 2: every clause naming a topic and a party is a candidate position, kept or rejected by a named
 * rule. These sentences were rejected by a rule whose reach was narrower than its reason; each test says which.
 */

const topics = compileTopics(defaultTopicsConfig);

/** The positions the whole extractor finds, as "topic/party". */
const sides = (body: string) => extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}`);

describe('wide position candidates', () => {
  it('reads a trade, a precondition or a refusal to talk as a stance, in the wide pass and in a side’s words', () => {
    // Prepare: cues of a trade or a condition, with no verb of wanting, offering or refusing.
    const cues = [
      'the recognition of the peninsula is a prerequisite for any settlement',
      'the corridor would stay open in return for the eastern districts',
      'the eastern districts are nothing to talk about',
    ];
    // Act and assess: the wide pass reads a stance, and so do a side's reported words.
    for (const clause of cues) {
      expect(statesNoStance(clause)).toBe(false);
      expect(claimsStance(clause, topics)).toBe(true);
    }
    expect(sides("A Kremlin source said Kyiv's recognition of Crimea was a prerequisite for a settlement.")).toEqual([
      'crimea/Russia',
    ]);
    expect(sides('The Donbas is nothing to talk about, the Ukrainian foreign ministry said.')).toEqual([
      'donbas/Ukraine',
    ]);
  });

  it('still reads no stance in a handover of bodies or a battlefield report', () => {
    expect(sides('Russia handed over the bodies of 900 soldiers killed near Donetsk.')).toEqual([]);
    expect(sides('Russian troops regained ground near Donetsk.')).toEqual([]);
    expect(sides('Ukrainian troops liberated a village near Donetsk last week.')).toEqual([]);
  });

  it('gives the side a judgement is for its own refusal, beside the claim it judges', () => {
    expect(sides('Moscow considers the peninsula its own, which is unacceptable to Kyiv.')).toEqual([
      'crimea/Russia',
      'crimea/Ukraine',
    ]);
  });

  it('takes the holder from the rest of the sentence when the clause naming the topic names no party', () => {
    // The semicolon cuts the clause; the candidate is the sentence's, as the naive floor counts it.
    expect(sides('Moscow is ready for a truce; the withdrawal from Donbas remains its condition.')).toEqual([
      'donbas/Russia',
    ]);
    // Still rejected when the sentence names no party either.
    expect(sides('Talks resumed on Monday; the withdrawal from Donbas remains a condition.')).toEqual([]);
  });

  it('gives a reply by any verb of rebuffing both sides, and reads holding out for land as a demand', () => {
    expect(sides('Ukrainian negotiators balked at the Russian demand for Donetsk.')).toEqual([
      'donbas/Russia',
      'donbas/Ukraine',
    ]);
    expect(sides("Kyiv rebuffed Moscow's demand for the Donbas.")).toEqual(['donbas/Russia', 'donbas/Ukraine']);
    expect(sides('Moscow is holding out for all of Donetsk.')).toEqual(['donbas/Russia']);
    // Pushing troops back is fighting, no reply.
    expect(sides('Ukrainian forces pushed back Russian troops near Donetsk.')).toEqual([]);
  });

  it('gives a sayer set after its verb the view it closes, as one before its verb', () => {
    expect(sides('Handing over the Donbas is out of the question, says Kyiv.')).toEqual(['donbas/Ukraine']);
    expect(sides("There will be no concessions on Crimea, said Ukraine's foreign minister.")).toEqual([
      'crimea/Ukraine',
    ]);
    // Not a party governed by the words before it.
    expect(sides('There will be no concessions on Crimea, the minister told Ukraine.')).toEqual([]);
  });

  it('keeps a claim of whose the land is when a side says it, before or after its verb of saying', () => {
    expect(sides('Crimea is and will remain Ukrainian, said Kyiv.')).toEqual(['crimea/Ukraine']);
    // No side says it: the writer's description, or what a side reports it did.
    expect(sides('Crimea is Ukrainian under international law, and Russian troops hold it.')).toEqual([]);
    expect(sides('Moscow says it annexed Crimea in 2014.')).toEqual([]);
  });

  it('gives "his Russian counterpart" as a subject the side of its country word', () => {
    const body = [
      'Ukrainian Foreign Minister Andrii Vell met Russian Foreign Minister Pavel Orlov in Antalya.',
      'His Russian counterpart demanded the withdrawal of Ukrainian troops from the Donbas.',
    ].join(' ');
    expect(sides(body)).toEqual(['donbas/Russia']);
  });

  it('reads a counterpart after a preposition and a possessive as governed, no actor', () => {
    const text = 'The minister spoke at a press conference with his Russian counterpart';
    expect(actorMentions(text, topics).map((m) => m.id)).toEqual([]);
    expect(actorMentions('His Russian counterpart said so', topics).map((m) => m.id)).toEqual(['Russia']);
  });
});
