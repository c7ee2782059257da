import { describe, expect, it } from 'vitest';
import { extractCorpusFacts } from '../../lambda/facts/extract.js';
import { SCORED_TOPICS, toPrediction } from '../../lambda/facts/prediction.js';
import { articleOf } from './article-of.js';

describe('the prediction format', () => {
  const article = articleOf(
    'Russia insists that Kyiv leave the Donetsk region. Russia says the ZNPP must stay with its own operator.',
  );
  const facts = extractCorpusFacts([article]);

  it('lists positions only on the topics the format has, though the bot keeps its other topics', () => {
    expect(facts.positions.map((p) => p.topic)).toEqual(expect.arrayContaining(['donbas', 'zaporizhzhia-npp']));
    expect(toPrediction([article], facts).positions.map((p) => p.topic)).toEqual(['donbas']);
    expect(SCORED_TOPICS).toEqual(['crimea', 'donbas']);
  });

  it('lists every configured topic for a set that labels them all', () => {
    const all = toPrediction([article], facts, ['crimea', 'donbas', 'zaporizhzhia-npp']).positions;
    expect(all.map((p) => p.topic)).toEqual(expect.arrayContaining(['donbas', 'zaporizhzhia-npp']));
  });
});
