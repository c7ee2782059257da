import { describe, expect, it } from 'vitest';
import { createArticleReader, extractArticleFacts } from '../../lambda/facts/extract.js';
import { topicsNamedOnlyAsSets } from '../../lambda/facts/region-sets.js';
import { compileTopics, defaultTopicsConfig } from '../../lambda/facts/topics.js';
import { articleOf } from './article-of.js';

/*
 * Round 16's kinds of position misses and extras (docs/transfer-misses.md, "Round 16"), in invented sentences.
 */

const positionsIn = (body: string, title: string | null = null) =>
  extractArticleFacts({ ...articleOf(body), title }).positions.map(
    (p) => `${p.topic}/${p.party}: ${p.citations[0]?.evidence}`,
  );

describe('a set of regions the article never names (R-regions)', () => {
  const topics = compileTopics(defaultTopicsConfig);

  it('is no topic: a report naming only "the four regions" gives no Donbas position', () => {
    const body = [
      'Ruritanian envoys met in a neutral capital on Monday.',
      'The Kremlin said Kyiv must give up the four regions Moscow claims before any talks can begin.',
      'Kyiv, for its part, demands that Russia withdraw from the four annexed regions.',
    ].join('\n\n');
    expect(topicsNamedOnlyAsSets(null, body, topics)).toEqual(['donbas']);
    expect(positionsIn(body).filter((p) => p.startsWith('donbas/'))).toEqual([]);
  });

  it('is the Donbas when the body or the headline names it', () => {
    const stance = 'The Kremlin said Kyiv must give up the four regions Moscow claims before any talks can begin.';
    const named = `Shelling went on near Donetsk overnight.\n\n${stance}`;
    expect(topicsNamedOnlyAsSets(null, named, topics)).toEqual([]);
    expect(positionsIn(named)).toContain(`donbas/Russia: ${stance}`);
    expect(topicsNamedOnlyAsSets('Kremlin hardens its line on the Donbas', stance, topics)).toEqual([]);
    expect(positionsIn(stance, 'Kremlin hardens its line on the Donbas')).toContain(`donbas/Russia: ${stance}`);
  });

  it('leaves the other topics of the report alone', () => {
    const body = 'Moscow insists Crimea will stay Russian and that Kyiv must cede the four regions it claims.';
    expect(positionsIn(body)).toEqual([`crimea/Russia: ${body}`]);
  });
});

describe('an invitation to the other side is a want', () => {
  it('gives the inviting side a position on the topic its invitation names', () => {
    const body = [
      'Ukraine invited Russia to sign a declaration condemning the annexation of Crimea.',
      'The Ukrainian president invites the Russian Federation to help work out ways to return the peninsula.',
    ].join('\n\n');
    expect(positionsIn(body)).toEqual([
      'crimea/Ukraine: Ukraine invited Russia to sign a declaration condemning the annexation of Crimea.',
      expect.stringMatching(/^crimea\/Ukraine: The Ukrainian president invites the Russian Federation/u),
    ]);
  });

  it('is no stance when a side is only invited to a meeting', () => {
    const body = 'Ruritania invited Ukraine and Russia to a conference on Crimea next month.';
    expect(positionsIn(body)).toEqual([]);
  });
});

describe('the act of annexing told is history, not a claim (R10)', () => {
  it('gives no position for "claimed/declared the annexation of" with no stance beside it', () => {
    const body =
      'Moscow is fighting in the Donbas. The Kremlin formally declared the annexation of the Donetsk region in the autumn.';
    expect(positionsIn(body)).toEqual([]);
  });

  it('reads "claimed the annexation of" as the act, though "claimed" is a claim word', () => {
    const body = 'Fighting goes on in the Donbas. Russia claimed the annexation of the Donetsk region last year.';
    expect(positionsIn(body)).toEqual([]);
  });

  it('keeps a stance beside the act', () => {
    const stance = 'The Kremlin declared the annexation of the Donetsk region and said it would never give it back.';
    expect(positionsIn(stance)).toEqual([`donbas/Russia: ${stance}`]);
  });
});

describe('"the parties" is both sides', () => {
  it('gives no side a meeting agenda told with "the parties" as its subject', () => {
    const body = [
      'Ukrainian President Ivan Holm met the Russian president in a neutral capital on Monday.',
      'The parties discussed the conflict in eastern Ukraine and the peace agreements behind closed doors; the meeting lasted two hours.',
    ].join(' ');
    expect(positionsIn(body)).toEqual([]);
  });
});

describe('review of pos18: the conditions broken by invented sentences', () => {
  const topics = compileTopics(defaultTopicsConfig);

  it('reads a claim told with the act phrase ("claimed the annexation of X would stand") as a claim, not the act', () => {
    const claim = 'Russia claimed the annexation of the Donetsk region would stand forever.';
    expect(positionsIn(claim)).toEqual([`donbas/Russia: ${claim}`]);
    const verdict = 'Ukraine declared the annexation of the Donetsk region null and void.';
    expect(positionsIn(verdict)).toEqual([`donbas/Ukraine: ${verdict}`]);
    const told = 'Moscow announced the annexation of the Donetsk region was irreversible.';
    expect(positionsIn(told)).toEqual([`donbas/Russia: ${told}`]);
  });

  it('gives no stance to a side that has not invited the other, nor one that never did (issue 17, m39)', () => {
    expect(positionsIn('Ukraine has not invited Russia to the talks on Crimea.')).toEqual([]);
    // The rules alone: the shipped scorer adds this one back, from its own weights.
    const rulesOnly = createArticleReader(defaultTopicsConfig, undefined, { scorer: null });
    expect(rulesOnly(articleOf('Kyiv never invited Moscow to the summit on Crimea.')).facts.positions).toEqual([]);
    expect(positionsIn('Kyiv did not invite Moscow to the summit on Crimea.')).toEqual([]);
    // With an adverb between, as "yet" (review of m39).
    expect(positionsIn('Kyiv has not formally invited Moscow to the summit on Crimea.')).toEqual([]);
    expect(positionsIn('Kyiv has not even invited Moscow to the summit on Crimea.')).toEqual([]);
    // A refusal beside it is still one.
    const refusal = 'Kyiv has not invited Moscow to the talks and refuses to discuss Crimea.';
    expect(positionsIn(refusal)).toEqual([`crimea/Ukraine: ${refusal}`]);
  });

  it('gives no stance to the side that is invited, nor to one inviting people who are no side', () => {
    expect(positionsIn('Russia was invited to the summit on Crimea next month.')).toEqual([]);
    expect(positionsIn('Russia, invited by Ruritania, attended the talks on Crimea.')).toEqual([]);
    expect(positionsIn('Kyiv invited journalists to tour the border of Crimea.')).toEqual([]);
    // The inviter of the other side still holds the want.
    const want = 'Ukraine invited Moscow to sign a declaration condemning the annexation of Crimea.';
    expect(positionsIn(want)).toEqual([`crimea/Ukraine: ${want}`]);
  });

  it('does not read "the four regions" inside "twenty-four regions" (a count of all of Ukraine\'s oblasts)', () => {
    expect(topics.topicsIn("Elections were held in all of Ukraine's twenty-four regions.")).toEqual([]);
    expect(topics.topicsIn('The forty-four provinces voted.')).toEqual([]);
    // Without the hyphen too (issue 17, m39).
    expect(topics.topicsIn("Elections were held in all of Ukraine's twenty four regions.")).toEqual([]);
    expect(topics.topicsIn('Forty four provinces voted, and twenty four other regions abstained.')).toEqual([]);
    expect(topics.topicsIn('Moscow wants Kyiv to cede the four regions, and twenty more.')).toEqual(['donbas']);
    expect(topics.topicsIn('Russia claims the four regions.')).toEqual(['donbas']);
  });
});
