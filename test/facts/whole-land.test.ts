import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { extractPositions } from '../../lambda/facts/positions.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { compileTopics, defaultTopicsConfig, parseTopicsConfig } from '../../lambda/facts/topics.js';
import { wholeLandMentions } from '../../lambda/facts/whole-land.js';
import { articleOf } from './article-of.js';

const positionsIn = (body: string, title: string | null = null) =>
  extractPositions({ ...articleOf(body), title }).map((p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`);

describe('the land in dispute named as a whole', () => {
  it('stands for every disputed region the article names, however far from the stance', () => {
    const body = [
      'The war began over the peninsula of Crimea and spread to the Donetsk and Luhansk regions years later.',
      'Delegations met twice this week in a neutral capital.',
      'Prisoner exchanges went ahead on Thursday.',
      'The Ukrainian foreign ministry said Kyiv would never recognise the occupied territories as part of Russia.',
    ].join('\n\n');
    expect(positionsIn(body)).toEqual([
      expect.stringMatching(/^crimea\/Ukraine: The Ukrainian foreign ministry said Kyiv would never recognise/u),
      expect.stringMatching(/^donbas\/Ukraine: The Ukrainian foreign ministry said Kyiv would never recognise/u),
    ]);
  });

  it('stands only for the regions the article names, the title included', () => {
    const body = 'Moscow insists that the occupied territories be recognised as Russian before any ceasefire.';
    expect(positionsIn(body, 'Kremlin digs in over the Donbas')).toEqual([`donbas/Russia: ${body}`]);
    expect(positionsIn(`Fighting went on near Luhansk overnight. ${body}`)).toEqual([`donbas/Russia: ${body}`]);
  });

  it('gives no topic in an article that names no disputed region', () => {
    const body = 'Moscow insists that the occupied territories be recognised as Russian before any ceasefire.';
    expect(positionsIn(body)).toEqual([]);
  });

  it('is no whole when the phrase is tied to another place, and adds nothing where no side takes a stance', () => {
    const topics = compileTopics(defaultTopicsConfig);
    const body =
      'Crimea and Luhansk are disputed. Russia may hand back seized land in the north and occupied areas near Sumy.';
    expect(wholeLandMentions(body, splitSentences(body), null, topics.topicMentions(body), topics)).toEqual([]);
    const aid = [
      'Crimea and the Donetsk region are at the heart of the dispute.',
      'The talks were held in a neutral capital.',
      'Aid groups said thousands of children had been taken from the occupied territories.',
    ].join('\n\n');
    expect(positionsIn(aid)).toEqual([]);
  });

  it('is no dispute over the regions when the dispute noun is tied to another place', () => {
    const body =
      'Russia demands the Donetsk region. Separately, Kyiv rejected Hungarian territorial claims in Transcarpathia.';
    expect(positionsIn(body)).toEqual([expect.stringMatching(/^donbas\/Russia: Russia demands/u)]);
  });

  it('adds the other regions to a sentence that names one of them beside the whole', () => {
    const body =
      'Crimea and the Donbas were on the table. "Recognition of Crimea and the other occupied regions as Russian is imperative," the Russian foreign minister said.';
    expect(positionsIn(body).filter((p) => p.includes('imperative'))).toEqual([
      expect.stringMatching(/^crimea\/Russia: "Recognition/u),
      expect.stringMatching(/^donbas\/Russia: "Recognition/u),
    ]);
  });

  it('reads the sentence of the regions named last with the sentence splitter, past "Mr." and "U.S."', () => {
    const body =
      'Kyiv spoke of Crimea with Mr. Holm and the U.S. envoy and of the Donetsk region with others. Moscow wants territorial concessions.';
    expect(positionsIn(body)).toEqual([
      'crimea/Russia: Moscow wants territorial concessions.',
      'donbas/Russia: Moscow wants territorial concessions.',
    ]);
  });

  it('reads its vocabulary from the topics configuration', () => {
    const config = parseTopicsConfig({
      ...defaultTopicsConfig,
      wholeLand: { topics: ['donbas'], qualifiers: ['disputed'], nouns: ['districts'] },
    });
    const body =
      'Luhansk was shelled. Kyiv refuses to give up the disputed eastern districts. Kyiv rejects the occupied lands claim.';
    const mentions = wholeLandMentions(
      body,
      splitSentences(body),
      null,
      compileTopics(config).topicMentions(body),
      compileTopics(config),
    );
    expect(mentions.map((m) => body.slice(m.start, m.end))).toEqual(['disputed eastern districts']);
  });
});

describe('demand nouns as stance markers', () => {
  it("reads what a decision entails or amounts to, in a side's report, as that side's demand", () => {
    const sides = (body: string) => extractArticleFacts(articleOf(body)).positions.map((p) => `${p.topic}/${p.party}`);
    const entails =
      'spokesman Ivo Kallan said the sensible decision entails the full departure of Ukrainian units from the Donetsk region.';
    expect(sides(`Russian ${entails}`)).toEqual(['donbas/Russia']);
    // The words mark a stance, not a side: a speaker of no side gives none.
    expect(sides(`Bordurian ${entails}`)).toEqual([]);
    expect(sides('Ukrainian officials said the deal amounts to giving away Crimea for good.')).toEqual([
      'crimea/Ukraine',
    ]);
  });

  it("reads a quoted requirement of recognition or a precondition as the speaker side's demand", () => {
    const body = [
      'Russian Foreign Minister Ivo Kallan spoke to a newspaper on Sunday.',
      '"International recognition of Crimea as Russian is imperative," Kallan said.',
      '"Recognition of the Donetsk region as Russian is a precondition for any settlement," he added.',
    ].join(' ');
    const facts = extractArticleFacts(articleOf(body)).positions.map(
      (p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`,
    );
    expect(facts).toEqual([
      expect.stringMatching(/^crimea\/Russia: "International recognition/u),
      expect.stringMatching(/^donbas\/Russia: "Recognition of the Donetsk region/u),
    ]);
  });
});
