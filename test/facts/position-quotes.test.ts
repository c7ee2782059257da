import { describe, expect, it } from 'vitest';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { foldQuotedRepeats } from '../../lambda/facts/position-quotes.js';
import { splitSentences } from '../../lambda/facts/sentences.js';
import { articleOf } from './article-of.js';

const held = (body: string) =>
  extractArticleFacts(articleOf(body)).positions.map((p) => ({
    on: `${p.topic}/${p.party}`,
    cites: p.citations.map((c) => c.evidence),
  }));

describe('one quote, one position per topic and side', () => {
  it('folds the sentences of one quote restating the same stance into its first, citing each', () => {
    const body =
      'Moscow wants Kyiv out of the Luhansk region. Ukrainian President Marko Lis vowed to hold it. "We will never hand over the Luhansk region. We cannot do that. The region is ours," he said.';
    expect(held(body)).toEqual([
      { on: 'donbas/Russia', cites: ['Moscow wants Kyiv out of the Luhansk region.'] },
      { on: 'donbas/Ukraine', cites: ['"We will never hand over the Luhansk region.', 'We cannot do that.'] },
    ]);
  });

  it('keeps a position for each of two quotes, and for a stance restated outside them', () => {
    const body = [
      'Moscow wants Kyiv out of the Luhansk region.',
      '"We will never hand over the Luhansk region," Ukrainian President Marko Lis said.',
      'Kyiv rejects any deal on the Luhansk region.',
      '"The Luhansk region stays ours, and we will not cede it," Lis added.',
    ].join(' ');
    expect(held(body).filter((p) => p.on === 'donbas/Ukraine')).toHaveLength(3);
  });

  it('returns the positions as they are when no side holds a topic twice', () => {
    const body = '"Kyiv will not cede Crimea.';
    const once = [
      { id: 'a', topic: 'crimea', party: 'Ukraine', stance: 's', citations: [{ articleId: 'x', evidence: body }] },
    ];
    expect(foldQuotedRepeats(once, splitSentences(body), body)).toEqual(once);
  });
});
